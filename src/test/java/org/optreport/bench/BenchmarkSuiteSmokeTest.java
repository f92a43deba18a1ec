package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One tiny in-process JMH run: the suite's options are accepted and JMH's JSON has the fields the analysis reads. */
class BenchmarkSuiteSmokeTest {
    @Test void runsOneBenchmarkAndReturnsJmhJson() {
        var entry = new BenchmarkSuite.Entry(MatrixProductBenchmark.class, "n", List.of("8"));
        var settings = new BenchmarkSuite.Settings(0, 0, 10, 1, 20, true);
        ArrayNode results = BenchmarkSuite.run(List.of(entry), BenchmarkSuite.Setting.QUICK, settings, false, m -> { });
        assertEquals(1, results.size());
        JsonNode r = results.get(0);
        assertEquals(MatrixProductBenchmark.class.getName() + ".run", r.get("benchmark").asText());
        assertEquals("8", r.get("params").get("n").asText());
        assertEquals("ms/op", r.get("primaryMetric").get("scoreUnit").asText());
        assertTrue(r.get("primaryMetric").get("score").asDouble() > 0);
        assertTrue(r.get("secondaryMetrics").has("gc.alloc.rate.norm"));
        assertEquals("matmul", Kernels.of(r.get("benchmark").asText()).key());
    }
}
