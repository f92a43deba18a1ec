package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.data.Preprocessing;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.HessianExtremes;
import org.optreport.model.SquaredLoss;

class RunLimitsTest {
    private static final long FOUR_GIB = 4L << 30;
    private static final RunLimits STANDARD_AT_FOUR_GIB = new RunLimits(FOUR_GIB, RunLimits.DEFAULT_MAX_SECONDS, false);
    private static final ExperimentRegistry EXPERIMENTS = ExperimentRegistry.standard();

    private static Parameters parameters(String experiment, String... keyValues) {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) overrides.put(keyValues[i], keyValues[i + 1]);
        return Parameters.of(experiment, EXPERIMENTS.get(experiment).parameters(), overrides);
    }

    private static RunCost cost(String experiment, String... keyValues) {
        return EXPERIMENTS.get(experiment).cost(parameters(experiment, keyValues));
    }

    private static String refusal(RunLimits limits, String experiment, String... keyValues) {
        String message = assertThrows(ParameterException.class,
                () -> limits.check(EXPERIMENTS.get(experiment), parameters(experiment, keyValues))).getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }

    @Test void aDeepWideLandscapeIsRefusedForItsHeapNamingDepthAndWidth() {
        // 62 layers of 1000 x 1000: 62 million parameters, a Lanczos basis of 58 vectors of them is 29 GB alone
        String message = refusal(STANDARD_AT_FOUR_GIB, "landscape", "depth", "64", "width", "1000");
        assertTrue(message.startsWith("landscape would need about "), message);
        assertContains(message, "more than the 4.0 GiB", "depth=64", "width=1000", "Lanczos", "lower depth or width", "-Xmx");
    }

    @Test void theHeapLimitHoldsEvenWhenLargeRunsAreAllowed() {
        String message = refusal(new RunLimits(FOUR_GIB, 1e12, true), "landscape", "depth", "64", "width", "1000");
        assertContains(message, "of heap", "--allow-large does not lift this limit");
    }

    @Test void aDeepWideTrajectoryIsRefusedNamingDepthAndWidth() {
        // 18 layers of 10,000 x 10,000: 1.8 billion parameters, 14 GB for one copy of the weights
        String message = refusal(STANDARD_AT_FOUR_GIB, "trajectory", "depth", "20", "width", "10000");
        assertTrue(message.startsWith("trajectory would need about "), message);
        assertContains(message, "depth=20", "width=10000", "lower depth or width");
    }

    @Test void aMatrixTooLargeForAnArrayIsRefusedWhateverTheHeapAndTimeAllowed() {
        // the imbalance forms width x width Gram matrices: 10^10 entries, which EJML cannot index
        String message = refusal(new RunLimits(Long.MAX_VALUE, 1e12, true), "landscape", "width", "100000");
        assertTrue(message.startsWith("landscape cannot run: "), message);
        assertContains(message, "100,000 x 100,000", "width=100000", "2,147,483,639", "lower width");
    }

    /**
     * SquaredLoss builds X^T X / n at every depth: 46,341 input columns make 2,147,488,281 entries, past what EJML
     * indexes. (Checked on the estimate: parsing so wide a CSV takes seconds; `run landscape -p dataset=` such a file
     * is refused with this message.)
     */
    @Test void aDatasetTooWideForItsInputMomentsCannotRun() {
        CostEstimate tooWide = new CostEstimate(parameters("landscape", "dataset", "wide.csv"));
        new NetworkWidths(new int[] {46_341, 1}).checkInputMoments(tooWide, "dataset");
        assertEquals("the input moments X^T X / n of 46,341 x 46,341: 2,147,488,281 entries (dataset=wide.csv)",
                tooWide.cost().unrepresentable().orElseThrow().description());
        CostEstimate fits = new CostEstimate(parameters("landscape", "dataset", "wide.csv"));
        new NetworkWidths(new int[] {46_340, 1}).checkInputMoments(fits, "dataset");
        assertTrue(fits.cost().unrepresentable().isEmpty());
    }

    @Test void aTenMillionNeuronUltrawideRunHasAnEstimateAndATighterTimeLimitRefusesIt() {
        // 3 seeds (the default) x 10^7 neurons x (2 steps + 3 recorded steps' flip passes) x 256 x 10 inputs: 3e12 flops,
        // beside 4e11 for the empirical kernels (bit sets) at the start and end
        RunCost cost = cost("ultrawide", "widths", "10000000", "steps", "2");
        assertTrue(cost.seconds() > 600 && cost.seconds() < 20_000, "estimate " + cost.seconds() + " s");
        assertContains(cost.timeTerm().description(), "gradient descent", "widths=10000000", "seeds=1,2,3");
        String message = refusal(new RunLimits(FOUR_GIB, 600, false), "ultrawide", "widths", "10000000", "steps", "2");
        assertTrue(message.startsWith("ultrawide would take about "), message);
        assertContains(message, "more than the 10 minutes", "widths=10000000", "lower widths, seeds, steps or samples", "--max-run-seconds", "--allow-large");
        new RunLimits(FOUR_GIB, 600, true).check(EXPERIMENTS.get("ultrawide"), parameters("ultrawide", "widths", "10000000", "steps", "2"));
    }

    @Test void aLongRunIsRefusedUnlessLargeRunsAreAllowed() {
        String[] run = {"depth", "4", "width", "100", "steps", "100000000"};
        String message = refusal(STANDARD_AT_FOUR_GIB, "landscape", run);
        assertContains(message, "more than the 60 minutes", "gradient steps", "steps=100000000", "--max-run-seconds");
        new RunLimits(FOUR_GIB, RunLimits.DEFAULT_MAX_SECONDS, true).check(EXPERIMENTS.get("landscape"), parameters("landscape", run));
    }

    @Test void everyExperimentEstimatesItsDefaultRunAndItFits() {
        for (String name : EXPERIMENTS.names()) {
            RunCost cost = cost(name);
            assertNotEquals(RunCost.NOT_ESTIMATED, cost, name);
            assertTrue(cost.seconds() > 0 && cost.heapBytes() >= CostEstimate.BASELINE_BYTES, name + ": " + cost);
            STANDARD_AT_FOUR_GIB.check(EXPERIMENTS.get(name), parameters(name));
        }
    }

    @Test void theParameterCountIsTheNetworksOwn() {
        for (int[] widths : new int[][] {{10, 1}, {10, 30, 30, 1}, {3, 7, 7, 7, 2}})
            assertEquals(DeepLinearNetwork.gaussian(widths, 1, 1).parameterCount(), new NetworkWidths(widths).parameters());
    }

    @Test void belowTheDenseLimitTheEstimateHoldsTheHessianTheNetworkBuilds() {
        // depth 3, width 30 on diabetes: 10*30 + 30*30 + 30*1 = 1,230 parameters, within DENSE_EIGEN_LIMIT
        SquaredLoss loss = diabetesLoss();
        DeepLinearNetwork net = DeepLinearNetwork.gaussian(new int[] {10, 30, 30, 1}, 0.1, 1);
        DMatrixRMaj hessian = net.hessian(loss);
        assertEquals(HessianExtremes.Method.DENSE, net.hessianExtremes(loss).method());
        RunCost cost = cost("landscape", "depth", "3", "width", "30");
        double hessianBytes = 8.0 * hessian.getNumElements();
        assertTrue(cost.heapBytes() >= LandscapeCost.DENSE_HESSIAN_COPIES * hessianBytes, cost.toString());
        assertTrue(cost.heapBytes() <= CostEstimate.BASELINE_BYTES + 2 * LandscapeCost.DENSE_HESSIAN_COPIES * hessianBytes, cost.toString());
        // every record (the default floor and adaptive records) decomposes the reduced Hessian the network computes
        int reduced = org.optreport.model.ReducedHessian.dimension(new int[] {10, 30, 30, 1});
        assertEquals(10 + 30 - 1 + (30 + 30 - 1) + 30, reduced);
        int records = SpectralSchedule.maxRecords(RecordingSchedule.logSpaced(20_000, 60).length, 400);
        assertTrue(cost.seconds() >= records * LandscapeCost.REDUCED_FLOPS_PER_CUBE * Math.pow(reduced, 3) / CostEstimate.MATRIX_FLOPS_PER_SECOND,
                cost.toString());
    }

    @Test void aboveTheDenseLimitTheEstimateHoldsTheLanczosBasis() {
        // depth 3, width 40: 400 + 1,600 + 40 = 2,040 parameters, beyond DENSE_EIGEN_LIMIT
        SquaredLoss loss = diabetesLoss();
        DeepLinearNetwork net = DeepLinearNetwork.gaussian(new int[] {10, 40, 40, 1}, 0.1, 1);
        assertEquals(HessianExtremes.Method.LANCZOS, net.hessianExtremes(loss).method());
        RunCost cost = cost("landscape", "depth", "3", "width", "40");
        assertTrue(cost.heapBytes() >= 8.0 * LandscapeCost.LANCZOS_VECTORS * net.parameterCount(), cost.toString());
        assertContains(cost.timeTerm().description(), "Lanczos runs", CostEstimate.count(net.parameterCount()) + " parameters");
    }

    @Test void theTimeOfALongRunGrowsInProportionToItsSteps() {
        double once = cost("trajectory", "steps", "1000000").seconds(), twice = cost("trajectory", "steps", "2000000").seconds();
        assertEquals(2, twice / once, 0.02);
    }

    @Test void theLimitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RunLimits(0, 10, false));
        assertThrows(IllegalArgumentException.class, () -> new RunLimits(FOUR_GIB, Double.NaN, false));
    }

    private static SquaredLoss diabetesLoss() {
        Dataset data = Preprocessing.standardize(Datasets.load("diabetes"));
        return SquaredLoss.of(data.x(), data.y());
    }
}
