package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.linalg.DenseEigen;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;

/**
 * What a landscape run records about the whole path and the Hessian's structure (conservation, segment smoothness,
 * inertia, rank, rescaled minima, the gradient's return), each against an independent computation: a naive scan of a
 * run recorded at every step, the dense Hessian along segments, plain loops over the weights, and power iteration.
 */
class LandscapeStructureTest {
    private static final LandscapeExperiment EXPERIMENT = new LandscapeExperiment();
    /** Depth 2 from a small start: the strict saddle, an escape and the linear phase, recorded at every step. */
    private static final Map<String, String> RUN = Map.of("depth", "2", "width", "4", "steps", "1200", "samples", "200",
            "initScale", "0.02", "learningRateFraction", "0.5", "records", "20", "spectralLossStep", "1e-15", "maxAdaptiveRecords", "100000");
    static JsonNode everyStep;

    private static JsonNode run(Map<String, String> base, String... keyValues) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
        return EXPERIMENT.run(Parameters.of("landscape", EXPERIMENT.parameters(), m), Experiment.Progress.SILENT);
    }

    @BeforeAll static void runIt() {
        everyStep = run(RUN);
        assertEquals(1201, everyStep.get("series").get("step").size(), "the reference records every step");
    }

    private static double[] series(String name) { return Json.doubles(everyStep.get("series").get(name)); }

    private static List<DMatrixRMaj> weights(JsonNode r, String field) {
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (JsonNode m : r.get(field)) layers.add(Json.toMatrix(m));
        return layers;
    }

    private static SquaredLoss loss(JsonNode r) {
        return SquaredLoss.of(Json.toMatrix(r.get("dataset").get("x")), Json.toMatrix(r.get("dataset").get("y")));
    }

    @Test void theSumOfSquaredGradientsIsTheSumOverEveryStep() {
        double[] g = series("gradientNorm");
        double sum = 0;
        for (int t = 0; t + 1 < g.length; t++) sum += g[t] * g[t]; // the steps taken: from theta_0 to theta_{T-1}
        assertEquals(sum, everyStep.get("conservation").get("sumSquaredGradient").asDouble(), 1e-12 * sum);
    }

    @Test void theImbalanceDriftIsTheChangeOfTheConservedDifferencesAndWithinTheBound() {
        List<DMatrixRMaj> before = weights(everyStep, "initialWeights"), after = weights(everyStep, "finalWeights");
        DMatrixRMaj change = naiveDifference(after);
        org.ejml.dense.row.CommonOps_DDRM.subtractEquals(change, naiveDifference(before));
        double drift = NormOps_DDRM.normF(change);
        JsonNode c = everyStep.get("conservation");
        assertEquals(drift, c.get("imbalanceChange").asDouble(), 1e-12);
        double eta = everyStep.get("learningRate").asDouble();
        assertTrue(drift > 0, "gradient descent does move the imbalance");
        assertTrue(drift <= eta * eta * c.get("sumSquaredGradient").asDouble(), "each step moves D by at most eta^2 ||grad||^2");
    }

    /** W_2^T W_2 - W_1 W_1^T by plain loops. */
    private static DMatrixRMaj naiveDifference(List<DMatrixRMaj> layers) {
        DMatrixRMaj lower = layers.get(0), upper = layers.get(1);
        int m = upper.numCols;
        DMatrixRMaj d = new DMatrixRMaj(m, m);
        for (int a = 0; a < m; a++)
            for (int b = 0; b < m; b++) {
                double v = 0;
                for (int r = 0; r < upper.numRows; r++) v += upper.get(r, a) * upper.get(r, b);
                for (int k = 0; k < lower.numCols; k++) v -= lower.get(a, k) * lower.get(b, k);
                d.set(a, b, v);
            }
        return d;
    }

    /** No spectral record of a run recorded at every step has a Hessian eigenvalue beyond the segment bound. */
    @Test void theSegmentBoundDominatesTheHessianAtEveryStep() {
        double bound = everyStep.get("conservation").get("maxSegmentSmoothness").asDouble();
        double[] min = series("hessianMinEigenvalue"), max = series("hessianMaxEigenvalue");
        double largest = 0;
        for (int t = 0; t < min.length; t++) largest = Math.max(largest, Math.max(-min[t], max[t]));
        assertTrue(largest <= bound, largest + " > " + bound);
        assertTrue(bound < 4 * largest, "and is not vacuous: " + bound + " against " + largest);
    }

    /** The bound of one segment against the dense Hessian at points along it, for random unbalanced networks. */
    @Test void theSegmentBoundHoldsAlongRandomSegments() {
        SquaredLoss loss = loss(everyStep);
        Random random = new Random(7);
        double lambdaMax = everyStep.get("leastSquares").get("inputMomentMaxEigenvalue").asDouble();
        for (int trial = 0; trial < 20; trial++) {
            int depth = 2 + trial % 3;
            int[] widths = new int[depth + 1];
            widths[0] = 10;
            widths[depth] = 1;
            for (int j = 1; j < depth; j++) widths[j] = 3 + random.nextInt(3);
            DeepLinearNetwork from = DeepLinearNetwork.gaussian(widths, 0.3 + random.nextDouble(), trial);
            DeepLinearNetwork to = DeepLinearNetwork.gaussian(widths, 0.3 + random.nextDouble(), 100 + trial);
            double[] a = from.parameters(), b = to.parameters();
            double length = 0;
            for (int i = 0; i < a.length; i++) length += (b[i] - a[i]) * (b[i] - a[i]);
            length = Math.sqrt(length);
            double r = Math.max(SegmentSmoothness.largestLayerNorm(from.layers()), SegmentSmoothness.largestLayerNorm(to.layers()));
            DMatrixRMaj gradient = new DMatrixRMaj(1, 10);
            loss.gradient(from.endToEnd(), gradient);
            double bound = SegmentSmoothness.bound(depth, lambdaMax, r, NormOps_DDRM.normF(gradient), length);
            for (double s = 0; s <= 1.0001; s += 0.125) {
                double[] p = new double[a.length];
                for (int i = 0; i < a.length; i++) p[i] = a[i] + s * (b[i] - a[i]);
                DeepLinearNetwork at = DeepLinearNetwork.gaussian(widths, 1, 0);
                at.setParameters(p);
                double[] e = DenseEigen.eigenvalues(at.hessian(loss));
                double norm = Math.max(-e[0], e[e.length - 1]);
                assertTrue(norm <= bound, "trial " + trial + " at s = " + s + ": " + norm + " > " + bound);
            }
        }
    }

    /** Depth 2 at the origin: +-||Syx|| each d1 times (one output, one singular value), zero otherwise. */
    @Test void theOriginHasTheInertiaTheoryGives() {
        JsonNode s = everyStep.get("structure");
        int d1 = 4, parameters = everyStep.get("parameterCount").asInt();
        double sigma = everyStep.get("leastSquares").get("saddleCurvature").asDouble();
        assertEquals(d1, s.get("originNegative").asInt());
        assertEquals(d1, s.get("originPositive").asInt());
        assertEquals(parameters - 2 * d1, s.get("originZero").asInt());
        assertEquals(-sigma, s.get("originMinEigenvalue").asDouble(), 1e-12 * sigma);
        assertEquals(sigma, s.get("originMaxEigenvalue").asDouble(), 1e-12 * sigma);
    }

    /**
     * At the reached minimum the rank is d0 dN, and the rescaled points are minima whose sharpness power iteration
     * confirms (whether they are flatter than the reached one depends on the data: the page checks it for its own).
     */
    @Test void theMinimumHasRankD0DnAndRescaledMinimaHaveTheRecordedSharpness() {
        JsonNode s = everyStep.get("structure");
        assertEquals(10, s.get("finalRank").asInt(), s.toString());
        double cut = s.get("finalZeroCut").asDouble();
        assertTrue(s.get("finalLargestNull").asDouble() <= cut && cut < s.get("finalSmallestNonzero").asDouble() / 2, s.toString());
        // the cut is the bound on the gradient term: a converged run's is tiny, this shorter run's is not
        assertTrue(cut > 1e-9 * everyStep.get("series").get("hessianMaxEigenvalue").get(1200).asDouble(), s.toString());
        SquaredLoss loss = loss(everyStep);
        DeepLinearNetwork reached = new DeepLinearNetwork(weights(everyStep, "finalWeights"));
        for (double a : new double[] {2, 0.5}) {
            DeepLinearNetwork rescaled = HessianStructure.rescaled(reached, 1, a);
            assertEquals(reached.loss(loss), rescaled.loss(loss), 1e-12, "a rescaling keeps the loss");
            double recorded = s.get(a == 2 ? "rescaledUpSharpness" : "rescaledDownSharpness").get(0).asDouble();
            assertEquals(powerIteration(rescaled, loss), recorded, 1e-6 * recorded);
        }
    }

    /** The largest eigenvalue by power iteration on Hessian-vector products (the Hessian is PSD at a minimum). */
    private static double powerIteration(DeepLinearNetwork net, SquaredLoss loss) {
        double[] v = new double[net.parameterCount()], w = new double[v.length];
        Random random = new Random(3);
        for (int i = 0; i < v.length; i++) v[i] = random.nextGaussian();
        double estimate = 0;
        for (int k = 0; k < 5000; k++) {
            double norm = 0;
            for (double x : v) norm += x * x;
            norm = Math.sqrt(norm);
            for (int i = 0; i < v.length; i++) v[i] /= norm;
            net.hessianVectorProduct(loss, v, w);
            double next = 0;
            for (int i = 0; i < v.length; i++) next += v[i] * w[i];
            System.arraycopy(w, 0, v, 0, v.length);
            if (Math.abs(next - estimate) < 1e-13 * Math.abs(next)) return next;
            estimate = next;
        }
        return estimate;
    }

    @Test void theGradientReturnIsTheFirstStepAfterTheEscapeBackAtTheInitialNorm() {
        double[] g = series("gradientNorm"), excess = series("excessLoss");
        int end = everyStep.get("events").get("escapeEndStep").asInt();
        int expected = -1;
        for (int t = end + 1; t < g.length - 1; t++) if (g[t] <= g[0]) { expected = t; break; }
        assertTrue(expected > end, "the gradient does come back in this run");
        JsonNode r = everyStep.get("stoppingRule");
        assertEquals(expected, r.get("gradientBackToStartStep").asInt());
        double optimal = everyStep.get("leastSquares").get("optimalLoss").asDouble();
        assertEquals(excess[expected] / optimal, r.get("relativeExcessThen").asDouble(), 1e-12);
    }

    @Test void thePlateauMinimumIsTheSmallestGradientBeforeTheEscapeStarts() {
        double[] g = series("gradientNorm"), excess = series("excessLoss");
        int start = everyStep.get("events").get("escapeStartStep").asInt();
        int end = everyStep.get("events").get("escapeEndStep").asInt();
        int argmin = 0;
        for (int t = 1; t < start; t++) if (g[t] < g[argmin]) argmin = t;
        double escapeMin = Double.POSITIVE_INFINITY;
        for (int t = start; t <= end; t++) escapeMin = Math.min(escapeMin, g[t]);
        JsonNode r = everyStep.get("stoppingRule");
        assertEquals(g[argmin], r.get("plateauMinimum").asDouble(), 0);
        assertEquals(argmin, r.get("plateauMinimumStep").asInt());
        double optimal = everyStep.get("leastSquares").get("optimalLoss").asDouble();
        assertEquals(excess[argmin] / optimal, r.get("plateauMinimumRelativeExcess").asDouble(), 1e-12);
        assertEquals(escapeMin, r.get("escapeMinimum").asDouble(), 0);
    }
}
