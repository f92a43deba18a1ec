package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Json;
import org.optreport.experiment.RunRequest;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.BenchmarksResult;

/**
 * The analysis of a hand-made benchmark result (JMH's JSON structure, src/test/resources/performance): every
 * expected figure below is computed by hand from the fixture's scores and the flop counts written out here.
 */
class PerformanceStudyTest {
    private static StudyOutput out;

    // network 10 -> 10 -> 1: G (1x10)(10x10) = 200 + 10; layer 1: 2000 + 200 + 200; layer 2: 200 + 20 + 200;
    // layer gradients 2*(100 + 10) = 220.
    private static final double FLOPS_10_10_1 = 210 + 2400 + 420 + 220;
    // network 10 -> 10 -> 10 -> 1: 210 + 2400 + 2400 + 420 + 2*(100 + 100 + 10).
    private static final double FLOPS_10_10_10_1 = 210 + 2400 + 2400 + 420 + 420;
    private static final double MATMUL_RATE = 2.0 * 200 * 200 * 200 / 8e-3;   // the faster of the two products

    @BeforeAll static void analyze() throws Exception {
        JsonNode doc;
        try (InputStream in = PerformanceStudyTest.class.getResourceAsStream("/performance/benchmarks-quick.json")) {
            doc = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        PerformanceStudy study = new PerformanceStudy();
        RunPlan runs = new RunPlan();
        Run<BenchmarksResult> run = study.plan(StudyConfig.defaults("performance", false), runs);
        out = study.analyze(run, new RunResults(Map.of(run.request(), doc)));
    }

    @Test void asksForOneQuickBenchmarkRunByDefault() {
        RunPlan runs = new RunPlan();
        new PerformanceStudy().plan(StudyConfig.defaults("performance", false), runs);
        assertEquals(List.of(RunRequest.of("benchmarks", Map.of("setting", "quick"))), runs.requests());
    }

    @Test void theDenseLimitComesFromTheResult() {
        assertEquals("1,500", out.values().get("denseEigenLimit"));
    }

    @Test void theMatrixProductRateIsTheFastestProduct() {
        assertEquals(2e9, MATMUL_RATE, 1);
        assertEquals("2.00", out.values().get("matmulGflops"));
        assertEquals("200×200", out.values().get("matmulSize"));
    }

    @Test void kernelRowsGiveFlopRateAndEfficiency() {
        List<String> row = out.tables().get("gradient").rows().get(0);
        assertEquals("10x10x1", row.get(0));
        assertEquals("110", row.get(1));
        assertEquals(Format.sig(FLOPS_10_10_1 / 3.25e-6 / 1e9, 3), row.get(5));
        assertEquals("1.00", row.get(5));
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * FLOPS_10_10_1 / 3.25e-6 / MATMUL_RATE), row.get(6));
        assertEquals("50.0%", row.get(6));
        assertEquals("0.500", row.get(7));
    }

    @Test void theGradientTargetUsesTheWorstDefaultSize() {
        double ratio = 11.7e-6 / (FLOPS_10_10_10_1 / MATMUL_RATE);
        assertEquals(4.0, ratio, 1e-12);
        assertEquals("4.00", out.values().get("gradientRatio"));
        assertEquals("10x10x10x1", out.values().get("gradientRatioShape"));
        assertEquals("2.00", out.values().get("gradientRatioBest"));
        assertEquals("missed", out.values().get("gradientTarget"));
    }

    @Test void allocationBelowOneBytePerParameterMeetsTheTarget() {
        assertEquals("3.00", out.values().get("allocGradient"));
        assertEquals("8.00", out.values().get("allocHvp"));
        assertEquals("met", out.values().get("allocTarget"));
    }

    @Test void hessianSpeedUpNearThreeHundredParametersAndItsGrowth() {
        assertEquals("15.0", out.values().get("hessianSpeedup"));   // 30 ms / 2 ms at 312 parameters
        assertEquals("312", out.values().get("hessianSpeedupParams"));
        assertEquals("20.0", out.values().get("hessianSpeedupLargest"));   // 400 ms / 20 ms at 1230
        assertEquals("yes", out.values().get("hessianGapGrows"));
        assertEquals("met", out.values().get("hessianTarget"));
        assertEquals(List.of("10x13x13x1", "312", "30.0", "2.00", "15.0×"), out.tables().get("hessianSpeedup").rows().get(0));
    }

    @Test void fittedExponentsAreLogLogSlopes() {
        double twoPoint = Math.log(20.0 / 2.0) / Math.log(1230.0 / 312.0);
        assertEquals(Format.sig(twoPoint, 3), out.values().get("slopeHessianD3"));
        assertEquals(Format.sig(Math.log(400.0 / 30.0) / Math.log(1230.0 / 312.0), 3), out.values().get("slopeFdHessianD3"));
        // three Lanczos sizes: least squares by the normal equations
        double[] p = {312, 11100, 99510}, t = {5e-3, 40e-3, 0.5};
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < 3; i++) {
            double x = Math.log(p[i]), y = Math.log(t[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (3 * sxy - sx * sy) / (3 * sxx - sx * sx);
        assertEquals(Format.sig(slope, 3), out.values().get("slopeLanczosExtremesD3"));
        assertEquals("not measured", out.values().get("slopeGradientD3"));   // one size only
        Panel hessians = out.figures().get("scaling").panels().get(1);
        assertTrue(hessians.series().stream().anyMatch(s -> s.name().equals("Analytic Hessian, depth 3 (slope " + Format.sig(twoPoint, 2) + ")")));
        assertTrue(hessians.x().log() && hessians.y().log());
    }

    @Test void lanczosTargetReadsSecondsWhateverTheUnit() {
        assertEquals("0.500", out.values().get("lanczosSeconds"));
        assertEquals("99,510", out.values().get("lanczosParams"));
        assertEquals("met", out.values().get("lanczosTarget"));
        assertEquals(List.of("10x13x13x1", "312", "100", "5.00", "20.0×"), out.tables().get("lanczosSpeedup").rows().get(0));
    }

    @Test void reluStepTargetAndExponentAgainstWidth() {
        assertEquals("80.0", out.values().get("reluStepMillis"));
        assertEquals("100,000", out.values().get("reluWidth"));
        assertEquals("met", out.values().get("reluTarget"));
        assertEquals(Format.sig(Math.log(80.0 / 2.0) / Math.log(100_000.0 / 1000.0), 3), out.values().get("slopeReluStep"));
        // width 1000: 256 * 1000 * (6 * 10 + 3) + 3 * 1000 * 10 flops in 2 ms; 10,000 trained weights
        List<String> row = out.tables().get("reluStep").rows().get(0);
        assertEquals("10,000", row.get(1));
        assertEquals(Format.sig((256.0 * 1000 * 63 + 30_000) / 2e-3 / 1e9, 3), row.get(5));
    }

    @Test void kernelDynamicsMethodsAreSeparateKernels() {
        assertEquals("30.00", out.tables().get("kernelSetup").rows().get(0).get(2));
        assertEquals("50.00", out.tables().get("kernelClosedForm").rows().get(0).get(2));
        assertEquals("us/op", out.tables().get("kernelClosedForm").rows().get(0).get(4));
        assertEquals(Format.sig((2.0 * 256 * 256 + 256) / 50e-6 / 1e9, 3), out.tables().get("kernelClosedForm").rows().get(0).get(5));
    }

    @Test void machineAndSettingsAreQuoted() {
        assertEquals("Test CPU", out.values().get("cpu"));
        assertEquals("2", out.values().get("cores"));
        assertEquals("1 × 300 ms", out.values().get("warmup"));
        assertEquals("3 × 200 ms", out.values().get("measurement"));
        assertEquals("1.37", out.values().get("jmhVersion"));
    }

    /** The page quotes only what the study produces (checked here as the build would, without building). */
    @Test void everyReferenceOfThePageExists() throws Exception {
        String page = Files.readString(Path.of("content/performance.md"));
        Matcher values = Pattern.compile("\\{\\{performance\\.([A-Za-z0-9]+)}}").matcher(page);
        int count = 0;
        while (values.find()) {
            count++;
            assertTrue(out.values().containsKey(values.group(1)), "value " + values.group(1));
        }
        assertTrue(count > 10);
        Matcher blocks = Pattern.compile("::: (figure|table) performance\\.([A-Za-z0-9]+)").matcher(page);
        while (blocks.find()) {
            boolean figure = blocks.group(1).equals("figure");
            assertTrue(figure ? out.figures().containsKey(blocks.group(2)) : out.tables().containsKey(blocks.group(2)), blocks.group());
        }
    }
}
