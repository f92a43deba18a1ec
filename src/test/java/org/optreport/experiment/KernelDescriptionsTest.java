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
        // G (1x10)(10x10) = 200 + 10; W2 W1 (1x10)(10x10) = 200; G W1^T = 200; layer 1: A_1^T G (10x1)(1x10) = 200;
        // no product with the identity
        assertEquals(210 + 200 + 200 + 200, p.get("flops").asDouble());
        // the weights read and the gradient written, and Sxx and Syx read: 8 (2 x 110 + 100 + 10) bytes
        assertEquals(8 * (2 * 110 + 110), p.get("bytes").asDouble());
    }

    @Test void theMatrixProductHasNoTrainedParameters() throws Exception {
        JsonNode p = described("org.optreport.bench.MatrixProductBenchmark.run", "n", "100").get("point");
        assertEquals("100×100", p.get("label").asText());
        assertEquals(2.0 * 100 * 100 * 100, p.get("flops").asDouble());
        assertEquals(0, p.get("depth").asInt());
        assertTrue(p.get("parameters").isNull(), "none: null, as the format writes a quantity that does not apply");
    }

    @Test void theLandscapeRunIsQuotedPerSpectralRecord() throws Exception {
        ArrayNode jmh = (ArrayNode) Json.read("[{\"benchmark\":\"org.optreport.bench.LandscapeSpectraBenchmark.run\","
                + "\"params\":{\"depth\":\"4\",\"width\":\"10\"}}]");
        KernelDescriptions.describe(jmh);
        JsonNode p = jmh.get(0).get("point");
        assertEquals("landscapeSpectra", jmh.get(0).get("kernel").asText());
        assertEquals("10x10x10x10x1", p.get("label").asText());
        assertEquals(4, p.get("depth").asInt());
        assertEquals(3 * 100 + 10, p.get("parameters").asDouble());
        assertEquals(2000 / 20 + 1, p.get("items").asDouble(), "a record every 20 steps, step 0 and the last included");
        assertEquals("record", p.get("item").asText());
        // a whole run's count (model.KernelOperationCountTest checks it against the run), so that it has a rate
        org.optreport.bench.DlnShape shape = org.optreport.bench.DlnShape.parse("10x10x10x10x1");
        assertEquals(org.optreport.bench.SpectralFlops.landscapeRun(shape, 2000, 20), p.get("flops").asDouble());
        assertEquals(org.optreport.bench.SpectralFlops.landscapeRunBytes(shape), p.get("bytes").asDouble());
    }

    @Test void aBenchmarkOfNoKnownKernelSaysSo() throws Exception {
        JsonNode r = described("org.example.Other.run", "n", "1");
        assertTrue(r.get("kernel").isNull());
        assertTrue(r.get("point").isNull());
    }

    /** The clock's cost is cycles, not flops: one call runs the chain's cycles, the item the page counts. */
    @Test void theClockChainCountsCyclesNotFlops() throws Exception {
        JsonNode p = described("org.optreport.bench.ClockBenchmark.run", "cycles", "1048576").get("point");
        assertEquals(1048576, p.get("items").asDouble());
        assertEquals("cycle", p.get("item").asText());
        assertTrue(p.get("flops").isNull());
    }

    @Test void dgemmCountsTheSameFlopsAsAnyProduct() throws Exception {
        JsonNode p = described("org.optreport.bench.BlasProductBenchmark.run", "n", "512").get("point");
        assertEquals(2.0 * 512 * 512 * 512, p.get("flops").asDouble());
        assertEquals("512×512", p.get("label").asText());
    }

    @Test void theKernelsAreListedInThePagesOrder() {
        List<String> keys = new ArrayList<>();
        for (JsonNode k : KernelDescriptions.kernels()) keys.add(k.get("key").asText());
        assertEquals(List.of("matmul", "dgemm", "clock", "bandwidth", "gradient", "hvp", "hessian", "fdHessian", "denseExtremes", "lanczosExtremes",
                "landscapeSpectra", "landscapeProcess", "reluStep", "hStar", "kernelSetup", "kernelClosedForm"), keys);
        assertEquals("org.optreport.bench.KernelDynamicsBenchmark.setup", KernelDescriptions.kernels().get(14).get("benchmark").asText());
    }
}
