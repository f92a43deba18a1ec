package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.linalg.DenseEigen;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;

/**
 * The events and reductions of a landscape run (adaptive spectral records, every-step traces) against the same run
 * recorded at every step and scanned naively here.
 */
class LandscapeEventsTest {
    private static final LandscapeExperiment EXPERIMENT = new LandscapeExperiment();
    /** Depth 3 from a small start: a plateau, an escape of a few dozen steps, and the linear phase, in 1,500 steps. */
    private static final Map<String, String> RUN = Map.of("depth", "3", "width", "5", "steps", "1500", "samples", "200",
            "initScale", "0.05", "learningRateFraction", "0.5", "records", "20");
    static JsonNode adaptive, everyStep;

    private static JsonNode run(Map<String, String> base, String... keyValues) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return EXPERIMENT.run(Parameters.of("landscape", EXPERIMENT.parameters(), m), Experiment.Progress.SILENT);
    }

    @BeforeAll static void runBoth() {
        adaptive = run(RUN);
        everyStep = run(RUN, "spectralLossStep", "1e-15", "maxAdaptiveRecords", "100000"); // any move of the loss: every step
        assertEquals(1501, everyStep.get("series").get("step").size(), "the reference records every step");
    }

    private static double[] series(JsonNode r, String name) { return Json.doubles(r.get("series").get(name)); }

    /** First step whose loss covered {@code fraction} of the way from L(0) to L*, scanned over every step. */
    private static int naiveCrossing(double fraction) {
        double[] loss = series(everyStep, "loss");
        double optimum = everyStep.get("leastSquares").get("optimalLoss").asDouble();
        for (int t = 0; t < loss.length; t++) if (loss[t] <= loss[0] - fraction * (loss[0] - optimum)) return t;
        return -1;
    }

    @Test void escapeStepsEqualANaiveScanOfEveryStep() {
        JsonNode e = adaptive.get("events");
        assertTrue(naiveCrossing(0.5) > 10, "the run has a plateau: " + naiveCrossing(0.5));
        assertEquals(naiveCrossing(0.1), e.get("escapeStartStep").asInt());
        assertEquals(naiveCrossing(0.5), e.get("escapeStep").asInt());
        assertEquals(naiveCrossing(0.9), e.get("escapeEndStep").asInt());
    }

    @Test void thePeakGradientNormIsExact() {
        double[] g = series(everyStep, "gradientNorm");
        int peak = 0;
        for (int t = 1; t < g.length; t++) if (g[t] > g[peak]) peak = t;
        assertEquals(peak, adaptive.get("events").get("peakGradientNormStep").asInt());
        assertEquals(g[peak], adaptive.get("events").get("peakGradientNorm").asDouble(), 1e-14 * g[peak]);
        assertEquals(g[peak], adaptive.get("trace").get("gradientNorm").get("max").asDouble(), 1e-14 * g[peak]);
    }

    /** The adaptive records find the lowest smallest eigenvalue to within their stated resolution. */
    @Test void theLowestSmallestEigenvalueIsFoundToTheStatedResolution() {
        double[] min = series(everyStep, "hessianMinEigenvalue");
        int lowest = 0;
        for (int t = 1; t < min.length; t++) if (min[t] < min[lowest]) lowest = t;
        JsonNode e = adaptive.get("events");
        int step = e.get("lowestLambdaMinStep").asInt(), resolution = e.get("lowestLambdaMinResolution").asInt();
        assertTrue(Math.abs(step - lowest) <= resolution, "found at " + step + ", exact " + lowest + ", resolution " + resolution);
        assertEquals(min[step], e.get("lowestLambdaMin").asDouble(), 1e-12, "the value is the exact one at its step");
        assertEquals(min[lowest], e.get("lowestLambdaMin").asDouble(), 0.05 * Math.abs(min[lowest]));
    }

    @Test void theEscapeIsResolvedBySpectralRecords() {
        JsonNode e = adaptive.get("events");
        assertTrue(e.get("spectralRecordsInEscape").asInt() >= 15, e.toString());
        int inEscape = 0;
        for (double t : series(adaptive, "step")) if (t >= e.get("escapeStartStep").asInt() && t <= e.get("escapeEndStep").asInt()) inEscape++;
        assertEquals(inEscape, e.get("spectralRecordsInEscape").asInt());
    }

    /** Every recorded value, floor or adaptive, is the every-step run's value at that step. */
    @Test void adaptiveRecordsAreExactValuesOfTheSameRun() {
        double[] steps = series(adaptive, "step"), loss = series(adaptive, "loss"), reference = series(everyStep, "loss");
        for (int i = 0; i < steps.length; i++) assertEquals(reference[(int) steps[i]], loss[i], 0, "step " + steps[i]);
    }

    /**
     * The predicted rate of the final phase is the smallest nonzero Hessian eigenvalue at the minimum reached: the
     * curved part of the Hessian at a balanced minimum is Sigma^{1/2} P_W Sigma^{1/2}. Checked by a dense
     * eigen-decomposition of the Hessian at the final weights of a long run.
     */
    @Test void thePredictedRateIsTheSmallestNonzeroCurvatureAtTheMinimum() {
        JsonNode r = run(RUN, "steps", "20000", "traceBuckets", "50", "initScale", "0.005"); // a smaller start ends closer to balance
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (JsonNode m : r.get("finalWeights")) layers.add(Json.toMatrix(m));
        DMatrixRMaj x = Json.toMatrix(r.get("dataset").get("x")), y = Json.toMatrix(r.get("dataset").get("y"));
        DMatrixRMaj hessian = new DeepLinearNetwork(layers).hessian(SquaredLoss.of(x, y));
        double[] eigenvalues = DenseEigen.eigenvalues(hessian);
        double largest = java.util.Arrays.stream(eigenvalues).max().orElseThrow();
        double smallestNonzero = java.util.Arrays.stream(eigenvalues).filter(v -> v > 1e-6 * largest).min().orElseThrow();
        double predicted = r.get("finalRate").get("predictedRate").asDouble();
        assertEquals(smallestNonzero, predicted, 0.01 * smallestNonzero);
        double measured = r.get("finalRate").get("measuredStepsPerDecade").asDouble();
        assertEquals(r.get("finalRate").get("predictedStepsPerDecade").asDouble(), measured, 0.01 * measured);
    }
}
