package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.Map;
import org.optreport.report.output.Format;
import org.optreport.results.BenchmarksResult;

/** The values that say where and how the figures were measured: machine, JMH settings, the best matrix product. */
final class SetupValues {
    private SetupValues() {}

    static void put(BenchmarkResult result, Map<String, String> values) {
        BenchmarksResult.MachineDescription machine = result.machine();
        BenchmarksResult.SuiteSettings s = result.settings();
        values.put("machine", machine.description());
        values.put("cpu", machine.cpu());
        values.put("cores", Integer.toString(machine.cores()));
        values.put("jvm", machine.jvm());
        values.put("clock", machine.clockMHz() == null || machine.clockMHz().isNaN() ? NOT_MEASURED : Format.sig(machine.clockMHz() / 1e3, 3) + " GHz");
        values.put("vectorBits", machine.vectorBits() == null || machine.vectorBits() == 0 ? NOT_MEASURED : Integer.toString(machine.vectorBits()));
        values.put("caches", machine.caches() == null || machine.caches().isEmpty() ? NOT_MEASURED : machine.caches());
        values.put("setting", s.setting());
        values.put("forks", Integer.toString(s.forks()));
        values.put("warmup", s.warmupIterations() + " × " + s.warmupMillis() + " ms");
        values.put("measurement", s.measurementIterations() + " × " + s.measurementMillis() + " ms");
        values.put("jmhVersion", s.jmhVersion());
        values.put("jvmArgs", s.jvmArgs());
        values.put("denseEigenLimit", Format.integer(result.denseEigenLimit()));
        values.put("replicates", s.forks() >= 2 ? s.forks() + " fork means" : "one in-process run, so no interval and no verdict");
        Measurement yardstick = result.yardstick();
        values.put("matmulGflops", yardstick == null ? NOT_MEASURED : Format.sig(yardstick.flopRate() / 1e9, 3));
        values.put("matmulGflopsBounds", yardstick == null ? NOT_MEASURED : PerformanceTargets.bounds(
                yardstick.point().flops() / yardstick.time().upper95() / 1e9, yardstick.point().flops() / yardstick.time().lower95() / 1e9, 1, ""));
        values.put("matmulSize", yardstick == null ? NOT_MEASURED : yardstick.point().label());
    }
}
