package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

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
        values.put("setting", s.setting(), "the benchmark setting (smoke, quick or thorough)");
        values.put("forks", Integer.toString(s.forks()), "JMH forks per benchmark");
        values.put("warmup", s.warmupIterations() + " × " + s.warmupMillis() + " ms", "JMH warm-up iterations × their duration");
        values.put("measurement", s.measurementIterations() + " × " + s.measurementMillis() + " ms", "JMH measurement iterations × their duration");
        values.put("jmhVersion", s.jmhVersion(), "JMH version");
        values.put("jvmArgs", s.jvmArgs(), "JVM arguments of the benchmark forks");
        values.put("denseEigenLimit", Format.integer(result.denseEigenLimit()), "largest parameter count at which the dense eigensolver is used");
        double matmulRate = result.matmulRate();
        values.put("matmulGflops", Double.isNaN(matmulRate) ? NOT_MEASURED : Format.sig(matmulRate / 1e9, 3), "best measured matrix-product rate, in GFLOP/s");
        Measurement best = null;
        for (Measurement m : result.of("matmul")) if (best == null || m.flopRate() > best.flopRate()) best = m;
        values.put("matmulSize", best == null ? NOT_MEASURED : best.point().label(), "the matrix shape of that best rate");
    }
}
