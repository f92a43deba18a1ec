package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.results.BenchmarksResult;

/** The values that say where and how the figures were measured: machine, JMH settings, the best matrix product. */
final class SetupValues {
    private SetupValues() {}

    static void put(BenchmarkResult result, QuotedValues values) {
        BenchmarksResult.MachineDescription machine = result.machine();
        BenchmarksResult.SuiteSettings s = result.settings();
        values.put("machine", machine.description(), "the machine the benchmarks ran on");
        values.put("cpu", machine.cpu(), "CPU model of the benchmark machine");
        values.put("cores", Integer.toString(machine.cores()), "cores of the benchmark machine");
        values.put("jvm", machine.jvm(), "Java version the benchmarks ran on");
        values.put("clock", machine.clockMHz() == null || machine.clockMHz().isNaN() ? NOT_MEASURED : Format.sig(machine.clockMHz() / 1e3, 3) + " GHz", "the CPU clock the kernel reports");
        values.put("vectorBits", machine.vectorBits() == null || machine.vectorBits() == 0 ? NOT_MEASURED : Integer.toString(machine.vectorBits()), "vector width the JIT uses (MaxVectorSize), in bits");
        values.put("caches", machine.caches() == null || machine.caches().isEmpty() ? NOT_MEASURED : machine.caches(), "the machine's cache sizes");
        values.put("setting", s.setting(), "the benchmark setting (smoke, quick or thorough)");
        values.put("forks", Integer.toString(s.forks()), "JMH forks per benchmark");
        values.put("warmup", s.warmupIterations() + " × " + s.warmupMillis() + " ms", "JMH warm-up iterations × their duration");
        values.put("measurement", s.measurementIterations() + " × " + s.measurementMillis() + " ms", "JMH measurement iterations × their duration");
        values.put("jmhVersion", s.jmhVersion(), "JMH version");
        values.put("jvmArgs", s.jvmArgs(), "JVM arguments of the benchmark forks");
        values.put("denseEigenLimit", Format.integer(result.denseEigenLimit()), "largest parameter count at which the dense eigensolver is used");
        values.put("replicates", s.forks() >= 2 ? s.forks() + " fork means" : "one in-process run, so no interval and no verdict", "what one replicate is: a fork's mean");
        Measurement yardstick = result.yardstick();
        values.put("matmulGflops", yardstick == null ? NOT_MEASURED : Format.sig(yardstick.flopRate() / 1e9, 3), "the yardstick: matrix-product rate at the largest size measured, in GFLOP/s");
        values.put("matmulGflopsBounds", yardstick == null ? NOT_MEASURED : PerformanceTargets.bounds(
                yardstick.point().flops() / yardstick.time().upper95() / 1e9, yardstick.point().flops() / yardstick.time().lower95() / 1e9, 1, ""), "one-sided 95% bounds of the yardstick's rate");
        values.put("matmulSize", yardstick == null ? NOT_MEASURED : yardstick.point().label(), "the matrix shape of the yardstick");
    }
}
