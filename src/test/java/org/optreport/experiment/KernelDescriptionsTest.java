package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel descriptions the benchmarks result carries, against flop counts worked out by hand. */
class KernelDescriptionsTest {
    private static JsonNode described(String benchmark, String param, String value) throws Exception {
        ArrayNode jmh = (ArrayNode) Json.read("[{\"benchmark\":\"" + benchmark + "\",\"params\":{\"" + param + "\":\"" + value + "\"}}]");
        KernelDescriptions.describe(jmh);
        return jmh.get(0);
    }

    @Test void aNetworkShapeGivesItsParametersDepthAndGradientFlops() throws Exception {
        JsonNode r = described("org.optreport.bench.GradientBenchmark.run", "shape", "10x10x1");
        assertEquals("gradient", r.get("kernel").asText());
        JsonNode p = r.get("point");
        assertEquals("10x10x1", p.get("label").asText());
        assertEquals(110, p.get("size").asDouble());
        assertEquals(110, p.get("parameters").asDouble());
        assertEquals(2, p.get("depth").asInt());
        // G (1x10)(10x10) = 200 + 10; layer 1: 2000 + 200 + 200; layer 2: 200 + 20 + 200; layer gradients 2*(100 + 10)
        assertEquals(210 + 2400 + 420 + 220, p.get("flops").asDouble());
    }

    @Test void theMatrixProductHasNoTrainedParameters() throws Exception {
        JsonNode p = described("org.optreport.bench.MatrixProductBenchmark.run", "n", "100").get("point");
        assertEquals("100×100", p.get("label").asText());
        assertEquals(2.0 * 100 * 100 * 100, p.get("flops").asDouble());
        assertEquals(0, p.get("depth").asInt());
        assertTrue(p.get("parameters").isNull(), "none: null, as the format writes a quantity that does not apply");
    }

    @Test void aBenchmarkOfNoKnownKernelSaysSo() throws Exception {
        JsonNode r = described("org.example.Other.run", "n", "1");
        assertTrue(r.get("kernel").isNull());
        assertTrue(r.get("point").isNull());
    }

    @Test void theKernelsAreListedInThePagesOrder() {
        List<String> keys = new ArrayList<>();
        for (JsonNode k : KernelDescriptions.kernels()) keys.add(k.get("key").asText());
        assertEquals(List.of("matmul", "gradient", "hvp", "hessian", "fdHessian", "denseExtremes", "lanczosExtremes", "reluStep",
                "hStar", "kernelSetup", "kernelClosedForm"), keys);
        assertEquals("org.optreport.bench.KernelDynamicsBenchmark.setup", KernelDescriptions.kernels().get(9).get("benchmark").asText());
    }
}
