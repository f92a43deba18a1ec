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
        values.put("setting", s.setting());
        values.put("forks", Integer.toString(s.forks()));
        values.put("warmup", s.warmupIterations() + " × " + s.warmupMillis() + " ms");
        values.put("measurement", s.measurementIterations() + " × " + s.measurementMillis() + " ms");
        values.put("jmhVersion", s.jmhVersion());
        values.put("jvmArgs", s.jvmArgs());
        values.put("denseEigenLimit", Format.integer(result.denseEigenLimit()));
        double matmulRate = result.matmulRate();
        values.put("matmulGflops", Double.isNaN(matmulRate) ? NOT_MEASURED : Format.sig(matmulRate / 1e9, 3));
        Measurement best = null;
        for (Measurement m : result.of("matmul")) if (best == null || m.flopRate() > best.flopRate()) best = m;
        values.put("matmulSize", best == null ? NOT_MEASURED : best.point().label());
    }
}
