package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.optreport.report.output.Format;

/** The values that say where and how the figures were measured: machine, JMH settings, the best matrix product. */
final class SetupValues {
    private SetupValues() {}

    static void put(BenchmarkResult result, Map<String, String> values) {
        JsonNode machine = result.machine(), s = result.settings();
        values.put("machine", machine.path("description").asText());
        values.put("cpu", machine.path("cpu").asText());
        values.put("cores", machine.path("cores").asText());
        values.put("jvm", machine.path("jvm").asText());
        values.put("setting", s.path("setting").asText());
        values.put("forks", s.path("forks").asText());
        values.put("warmup", s.path("warmupIterations").asText() + " × " + s.path("warmupMillis").asText() + " ms");
        values.put("measurement", s.path("measurementIterations").asText() + " × " + s.path("measurementMillis").asText() + " ms");
        values.put("jmhVersion", s.path("jmhVersion").asText());
        values.put("jvmArgs", s.path("jvmArgs").asText());
        double matmulRate = result.matmulRate();
        values.put("matmulGflops", Double.isNaN(matmulRate) ? NOT_MEASURED : Format.sig(matmulRate / 1e9, 3));
        Measurement best = null;
        for (Measurement m : result.of("matmul")) if (best == null || m.flopRate() > best.flopRate()) best = m;
        values.put("matmulSize", best == null ? NOT_MEASURED : best.point().label());
    }
}
