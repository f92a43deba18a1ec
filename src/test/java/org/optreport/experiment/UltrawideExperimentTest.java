package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.optreport.data.DataException;
import org.optreport.linalg.DenseEigen;
import org.optreport.model.KernelDynamics;
import org.optreport.model.NeuralTangentKernel;
import org.optreport.model.TwoLayerReluNetwork;
import org.optreport.results.ResultDocuments;
import org.optreport.results.ResultFormatException;
import org.optreport.results.UltrawideResult;

class UltrawideExperimentTest {
    private static final int SAMPLES = 24, STEPS = 40;
    private static final Map<String, String> SMALL = Map.of("samples", Integer.toString(SAMPLES), "widths", "20,400",
            "seeds", "1,2", "steps", Integer.toString(STEPS), "records", "8");
    private static final UltrawideExperiment EXPERIMENT = new UltrawideExperiment();
    private static final JsonNode RESULT = run(SMALL);
    /** The same runs with every step recorded (log-spaced points this dense hit every integer) and traces cut into 3 buckets. */
    private static final JsonNode EVERY_STEP = run(Map.of("samples", Integer.toString(SAMPLES), "widths", "20,400", "seeds", "1,2",
            "steps", Integer.toString(STEPS), "records", "2000", "traceBuckets", "3"));
    private static final String[] TRACED = {"networkLoss", "kernelLoss", "distance"};

    private static ObjectNode run(Map<String, String> overrides) {
        return EXPERIMENT.run(Parameters.of("ultrawide", EXPERIMENT.parameters(), overrides), Experiment.Progress.SILENT);
    }

    private static Map<String, String> small(String key, String value) {
        Map<String, String> p = new HashMap<>(SMALL);
        p.put(key, value);
        return p;
    }

    private static double[] y() {
        double[] y = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) y[i] = RESULT.get("dataset").get("y").get(i).get(0).asDouble();
        return y;
    }

    private static double halfSquaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s / 2;
    }

    @Test void theDocumentHasTheContractsFieldsAndShapes() {
        assertEquals("ultrawide/v3", RESULT.get("schema").asText());
        assertEquals(STEPS, RESULT.get("steps").asInt());
        assertTrue(RESULT.get("learningRate").asDouble() > 0);
        JsonNode x = RESULT.get("dataset").get("x");
        assertEquals(SAMPLES, x.size());
        assertEquals(SAMPLES, RESULT.get("dataset").get("y").size());
        assertEquals(1, RESULT.get("dataset").get("y").get(0).size());
        for (JsonNode row : x) {
            double s = 0;
            for (JsonNode v : row) s += v.asDouble() * v.asDouble();
            assertEquals(1, s, 1e-12);
        }
        assertTrue(RESULT.get("kernelGram") == null, "H* is not stored: it is a function of the recorded inputs");
        assertEquals(SAMPLES / 2, RESULT.get("kernelBlocks").get(0).get("size").asInt());
        assertEquals(SAMPLES, RESULT.get("kernelBlocks").get(1).get("size").asInt());
        assertEquals(4, RESULT.get("runs").size());
        for (JsonNode run : RESULT.get("runs")) {
            JsonNode s = run.get("series");
            int records = s.get("step").size();
            assertEquals(0, s.get("step").get(0).asInt());
            assertEquals(STEPS, s.get("step").get(records - 1).asInt());
            for (String key : new String[] {"networkOutputs", "kernelOutputs", "networkLoss", "kernelLoss", "distance"})
                assertEquals(records, s.get(key).size(), key);
            assertEquals(SAMPLES, s.get("networkOutputs").get(records - 1).size());
            assertEquals(SAMPLES, s.get("kernelOutputs").get(records - 1).size());
            assertEquals(StepTrace.RULE, run.get("trace").get("rule").asText());
            assertEquals(100, run.get("trace").get("buckets").asInt());
            for (String key : TRACED)
                for (String field : new String[] {"step", "value", "min", "minStep", "max", "maxStep"})
                    assertTrue(run.get("trace").get(key).has(field), key + "." + field);
        }
    }

    /** The every-step values of one run, recomputed from its recorded outputs: network loss, kernel loss, distance. */
    private static double[][] everyStep(JsonNode run) {
        JsonNode s = run.get("series");
        assertEquals(STEPS + 1, s.get("step").size(), "every step recorded");
        double[] y = y();
        double[][] out = new double[3][STEPS + 1];
        for (int k = 0; k <= STEPS; k++) {
            assertEquals(k, s.get("step").get(k).asInt());
            double[] net = Json.doubles(s.get("networkOutputs").get(k)), ker = Json.doubles(s.get("kernelOutputs").get(k));
            out[0][k] = halfSquaredDistance(net, y);
            out[1][k] = halfSquaredDistance(ker, y);
            out[2][k] = Math.sqrt(2 * halfSquaredDistance(net, ker));
        }
        return out;
    }

    @Test void theTraceOfAShortRunHoldsEveryStepWhateverTheRecords() {
        // 8 records, but 40 steps fit in 100 buckets: the trace keeps every step, equal to the every-step recording.
        for (int r = 0; r < 4; r++) {
            JsonNode trace = RESULT.get("runs").get(r).get("trace");
            double[][] expected = everyStep(EVERY_STEP.get("runs").get(r));
            for (int t = 0; t < TRACED.length; t++) {
                JsonNode kept = trace.get(TRACED[t]);
                assertEquals(STEPS + 1, kept.get("step").size(), TRACED[t]);
                for (int k = 0; k <= STEPS; k++) {
                    assertEquals(k, kept.get("step").get(k).asInt());
                    assertEquals(expected[t][k], kept.get("value").get(k).asDouble(), 1e-12 * Math.max(1, expected[t][k]), TRACED[t] + " at " + k);
                }
            }
        }
    }

    @Test void tracedExtremesAndTheirStepsEqualANaiveScanOfEveryStep() {
        for (JsonNode result : new JsonNode[] {RESULT, EVERY_STEP})
            for (int r = 0; r < 4; r++) {
                JsonNode run = result.get("runs").get(r);
                double[][] values = everyStep(EVERY_STEP.get("runs").get(r));
                for (int t = 0; t < TRACED.length; t++) {
                    double[] v = values[t];
                    int argMin = 0, argMax = 0;
                    for (int k = 1; k <= STEPS; k++) {
                        if (v[k] < v[argMin]) argMin = k;
                        if (v[k] > v[argMax]) argMax = k;
                    }
                    JsonNode trace = run.get("trace").get(TRACED[t]);
                    assertEquals(v[argMin], trace.get("min").asDouble(), 1e-12 * Math.max(1, v[argMin]), TRACED[t]);
                    assertEquals(argMin, trace.get("minStep").asInt(), TRACED[t]);
                    assertEquals(v[argMax], trace.get("max").asDouble(), 1e-12 * Math.max(1, v[argMax]), TRACED[t]);
                    assertEquals(argMax, trace.get("maxStep").asInt(), TRACED[t]);
                    if (t == 2) {
                        assertEquals(v[argMax], run.get("maxDistance").asDouble(), 1e-12);
                        assertEquals(argMax, run.get("maxDistanceStep").asInt());
                    }
                }
            }
    }

    @Test void aReducedTraceKeepsEachBucketsExtremesAtTheirOwnSteps() {
        for (int r = 0; r < 4; r++) {
            JsonNode run = EVERY_STEP.get("runs").get(r);
            double[][] values = everyStep(run);
            int[] starts = StepTrace.bucketStarts(STEPS, 3);
            for (int t = 0; t < TRACED.length; t++) {
                JsonNode trace = run.get("trace").get(TRACED[t]);
                double[] steps = Json.doubles(trace.get("step")), kept = Json.doubles(trace.get("value"));
                assertTrue(steps.length < STEPS + 1 && steps.length <= 4 * starts.length, TRACED[t] + " reduced to " + steps.length + " points");
                for (int i = 0; i < steps.length; i++)
                    assertEquals(values[t][(int) steps[i]], kept[i], 1e-12 * Math.max(1, kept[i]), TRACED[t] + " at " + steps[i]);
                for (int b = 0; b < starts.length; b++) {
                    int from = starts[b], to = b + 1 < starts.length ? starts[b + 1] - 1 : STEPS;
                    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, keptLo = lo, keptHi = hi;
                    for (int k = from; k <= to; k++) { lo = Math.min(lo, values[t][k]); hi = Math.max(hi, values[t][k]); }
                    for (int i = 0; i < steps.length; i++)
                        if (steps[i] >= from && steps[i] <= to) { keptLo = Math.min(keptLo, kept[i]); keptHi = Math.max(keptHi, kept[i]); }
                    assertEquals(lo, keptLo, 1e-12 * Math.max(1, lo), TRACED[t] + " bucket " + from + ".." + to);
                    assertEquals(hi, keptHi, 1e-12 * Math.max(1, hi), TRACED[t] + " bucket " + from + ".." + to);
                }
            }
        }
    }

    /** H*_ij = x_i.x_j (pi - arccos(x_i.x_j)) / (2 pi), from the recorded (unit-norm) inputs: the contract's formula. */
    private static DMatrixRMaj arcCosineFormula(JsonNode result) {
        DMatrixRMaj x = Json.toMatrix(result.get("dataset").get("x"));
        int n = x.numRows, d = x.numCols;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) dot += x.get(i, c) * x.get(j, c);
                h.set(i, j, dot * (Math.PI - Math.acos(Math.max(-1, Math.min(1, dot)))) / (2 * Math.PI));
            }
        return h;
    }

    /** The H* the experiment trains against (not stored in the result): the model's, of the recorded inputs. */
    private static DMatrixRMaj modelsHStar(JsonNode result) {
        return NeuralTangentKernel.infiniteWidth(Json.toMatrix(result.get("dataset").get("x")));
    }

    /** Each recorded block of H* against an eigen-decomposition and direct sums over the formula's matrix. */
    @Test void theKernelBlocksAreThoseOfTheArcCosineFormulaOfTheRecordedInputs() {
        DMatrixRMaj h = arcCosineFormula(RESULT);
        for (JsonNode recorded : RESULT.get("kernelBlocks")) {
            int k = recorded.get("size").asInt();
            DMatrixRMaj block = new DMatrixRMaj(k, k);
            double total = 0, offDiagonal = 0, maxRowSum = 0, negative = 0;
            for (int i = 0; i < k; i++) {
                double rowSum = 0;
                for (int j = 0; j < k; j++) {
                    block.set(i, j, h.get(i, j));
                    total += h.get(i, j);
                    rowSum += Math.abs(h.get(i, j));
                    if (i != j) offDiagonal += h.get(i, j);
                    if (i != j && h.get(i, j) < 0) negative++;
                }
                maxRowSum = Math.max(maxRowSum, rowSum);
            }
            double[] eig = DenseEigen.eigenvalues(block);
            // arccos is ill-conditioned at 1: a rounding of 1e-16 in a unit row's self-product moves an entry by ~1e-8
            assertEquals(eig[k - 1], recorded.get("lambdaMax").asDouble(), 1e-7 * k, "lambda_max of the leading " + k);
            assertEquals(maxRowSum, recorded.get("maxRowSum").asDouble(), 1e-7 * k);
            assertEquals(total / k, recorded.get("onesRayleigh").asDouble(), 1e-7 * k);
            assertEquals(offDiagonal / (k * (k - 1.0)), recorded.get("meanOffDiagonal").asDouble(), 1e-7);
            assertEquals(negative / (k * (k - 1.0)), recorded.get("negativeOffDiagonalShare").asDouble(), 1e-12);
        }
    }

    @Test void theAutomaticStepIsTheFractionOfOneOverTheLargestEigenvalue() {
        double[] eig = DenseEigen.eigenvalues(modelsHStar(RESULT));
        assertEquals(1 / eig[eig.length - 1], RESULT.get("learningRate").asDouble(), 1e-10 / eig[eig.length - 1]);
        assertEquals(eig[0], RESULT.get("lambdaMin").asDouble(), 1e-10);
    }

    @Test void theInitialOutputsAreThoseOfTheSeededNetwork() {
        DMatrixRMaj x = Json.toMatrix(RESULT.get("dataset").get("x"));
        for (JsonNode run : RESULT.get("runs")) {
            double[] expected = TwoLayerReluNetwork.create(run.get("width").asInt(), x.numCols, run.get("seed").asLong()).outputs(x);
            double[] u0 = Json.doubles(run.get("series").get("networkOutputs").get(0));
            for (int i = 0; i < SAMPLES; i++) assertEquals(expected[i], u0[i], 1e-12);
            assertEquals(0, run.get("series").get("distance").get(0).asDouble());
        }
    }

    @Test void kernelOutputsFollowTheClosedFormOfTheRecordedKernelAndStart() {
        double[] y = y();
        for (JsonNode run : RESULT.get("runs")) {
            JsonNode s = run.get("series");
            KernelDynamics closed = new KernelDynamics(modelsHStar(RESULT), y,
                    Json.doubles(s.get("networkOutputs").get(0)), RESULT.get("learningRate").asDouble());
            for (int r = 0; r < s.get("step").size(); r++) {
                double[] expected = closed.closedForm(s.get("step").get(r).asInt());
                double[] recorded = Json.doubles(s.get("kernelOutputs").get(r));
                for (int i = 0; i < SAMPLES; i++) assertEquals(expected[i], recorded[i], 1e-9);
            }
        }
    }

    private static double distance(double[] a, double[] b) { return Math.sqrt(2 * halfSquaredDistance(a, b)); }

    /**
     * The H(0) dynamics, recomputed from the seeded network's own kernel in closed form: the traced initialization gap
     * is their distance to the H* dynamics, the drift gap the network's distance to them, and after one step the drift
     * gap is exactly the flip term of step 0 (H(k) = H(0) at k = 0, so nothing else separates the two).
     */
    @Test void theGapSplitsIntoTheInitialKernelsDynamicsAndTheRest() {
        double[] y = y();
        DMatrixRMaj x = Json.toMatrix(EVERY_STEP.get("dataset").get("x"));
        double eta = EVERY_STEP.get("learningRate").asDouble();
        for (int r = 0; r < 4; r++) {
            // Outputs at every step from the densely recorded runs; traces from the others, which keep every step of 40.
            JsonNode run = RESULT.get("runs").get(r), s = EVERY_STEP.get("runs").get(r).get("series");
            double[] u0 = Json.doubles(s.get("networkOutputs").get(0));
            DMatrixRMaj h0 = TwoLayerReluNetwork.create(run.get("width").asInt(), x.numCols, run.get("seed").asLong()).empiricalKernel(x);
            KernelDynamics initial = new KernelDynamics(h0, y, u0, eta);
            KernelDynamics limit = new KernelDynamics(modelsHStar(EVERY_STEP), y, u0, eta);
            assertEquals(DenseEigen.eigenvalues(h0)[0], run.get("initialKernelLambdaMin").asDouble(), 1e-10);
            JsonNode initGap = run.get("trace").get("initializationGap"), drift = run.get("trace").get("driftGap");
            JsonNode initLoss = run.get("trace").get("initialKernelLoss");
            for (int k = 0; k <= STEPS; k++) {
                double[] uInitial = initial.closedForm(k), net = Json.doubles(s.get("networkOutputs").get(k));
                assertEquals(distance(uInitial, limit.closedForm(k)), initGap.get("value").get(k).asDouble(), 1e-9, "initialization gap at " + k);
                assertEquals(distance(net, uInitial), drift.get("value").get(k).asDouble(), 1e-9, "drift at " + k);
                assertEquals(halfSquaredDistance(uInitial, y), initLoss.get("value").get(k).asDouble(), 1e-9, "H(0) loss at " + k);
            }
            assertEquals(STEPS + 1, initGap.get("step").size());
            JsonNode recorded = run.get("series");
            for (int i = 0; i < recorded.get("step").size(); i++) {
                double[] bands = Json.doubles(recorded.get("initialKernelBandLoss").get(i));
                int k = recorded.get("step").get(i).asInt();
                assertEquals(halfSquaredDistance(initial.closedForm(k), y), bands[0] + bands[1] + bands[2], 1e-9, "H(0) bands at " + k);
            }
            JsonNode flips = EVERY_STEP.get("runs").get(r).get("stepFlips");
            assertEquals(0, flips.get("step").get(0).asInt());
            assertEquals(STEPS, flips.get("step").size(), "every step but the last");
            assertEquals(flips.get("flipTermNorm").get(0).asDouble(), drift.get("value").get(1).asDouble(), 1e-12);
            assertTrue(drift.get("value").get(STEPS).asDouble() > 0);
        }
    }

    @Test void lossesAndDistancesAreRecomputedFromTheRecordedOutputs() {
        double[] y = y();
        for (JsonNode run : RESULT.get("runs")) {
            JsonNode s = run.get("series");
            double largest = 0;
            for (int r = 0; r < s.get("step").size(); r++) {
                double[] net = Json.doubles(s.get("networkOutputs").get(r)), ker = Json.doubles(s.get("kernelOutputs").get(r));
                double netLoss = halfSquaredDistance(net, y);
                assertEquals(netLoss, s.get("networkLoss").get(r).asDouble(), 1e-10 * Math.max(1, netLoss));
                assertEquals(halfSquaredDistance(ker, y), s.get("kernelLoss").get(r).asDouble(), 1e-10 * Math.max(1, netLoss));
                double distance = Math.sqrt(2 * halfSquaredDistance(net, ker));
                assertEquals(distance, s.get("distance").get(r).asDouble(), 1e-12);
                largest = Math.max(largest, distance);
            }
            // maxDistance is taken over every step, the recorded ones included
            assertTrue(run.get("maxDistance").asDouble() >= largest - 1e-12);
        }
    }

    @Test void theKernelLossRespectsTheLambdaMinBoundAtEveryStep() {
        double eta = RESULT.get("learningRate").asDouble(), lambdaMin = RESULT.get("lambdaMin").asDouble();
        for (JsonNode run : RESULT.get("runs")) {
            JsonNode trace = run.get("trace").get("kernelLoss");
            double initial = trace.get("value").get(0).asDouble();
            for (int r = 0; r < trace.get("step").size(); r++) {
                int k = trace.get("step").get(r).asInt();
                assertTrue(trace.get("value").get(r).asDouble() <= Math.pow(1 - eta * lambdaMin, 2 * k) * initial * (1 + 1e-12), "step " + k);
            }
        }
    }

    @Test void sameParametersGiveTheSameNumbersTimingsAside() {
        ObjectNode again = run(SMALL);
        ObjectNode first = RESULT.deepCopy();
        for (ObjectNode doc : new ObjectNode[] {first, again})
            for (JsonNode run : doc.get("runs")) ((ObjectNode) run).remove("timings");
        assertEquals(first, again);
    }

    @Test void theRecordDeclaresEveryFieldTheDocumentHolds() {
        UltrawideResult read = ResultDocuments.read(RESULT, UltrawideResult.class, "ultrawide");
        assertEquals(RESULT, ResultDocuments.write(read));
        assertEquals(4, read.runs().size());
        assertNull(read.runs().get(0).divergence());
    }

    @Test void aDivergedRunsDocumentSurvivesTheCachesTextForm() throws Exception {
        // A network this narrow at nearly the kernel's stability limit blows up within a few dozen steps.
        ObjectNode diverged = run(Map.of("samples", "32", "widths", "3", "seeds", "1", "steps", "60", "learningRateFraction", "1.99"));
        JsonNode stored = Json.read(Json.write(diverged));
        UltrawideResult.NetworkRun run = ResultDocuments.read(stored, UltrawideResult.class, "diverged").runs().get(0);
        assertTrue(run.diverged());
        assertTrue(run.divergence().startsWith("loss grew"), run.divergence());
        // the traces see every step up to the last one that passed the divergence check
        int[] traced = run.trace().networkLoss().step();
        assertEquals(traced[traced.length - 1] + 1, run.divergedAtStep());
        assertTrue(Double.isNaN(run.kernelChangeSpectral()));
        assertEquals(stored, Json.read(Json.write(ResultDocuments.write(ResultDocuments.read(stored, UltrawideResult.class, "diverged")))));
    }

    @Test void aRenamedFieldFailsNamingIt() {
        ObjectNode renamed = RESULT.deepCopy();
        ObjectNode series = (ObjectNode) renamed.get("runs").get(1).get("series");
        series.set("distances", series.remove("distance"));
        assertMessageNames("at runs[1].series: missing distance; not in Series: distances", assertThrows(ResultFormatException.class,
                () -> ResultDocuments.read(renamed, UltrawideResult.class, "renamed")));
    }

    @Test void aRenamedNumberFailsNamingBothNames() {
        ObjectNode renamed = RESULT.deepCopy();
        ObjectNode run = (ObjectNode) renamed.get("runs").get(0);
        run.set("maxDist", run.remove("maxDistance"));
        assertMessageNames("at runs[0]: missing maxDistance; not in NetworkRun: maxDist", assertThrows(ResultFormatException.class,
                () -> ResultDocuments.read(renamed, UltrawideResult.class, "renamed")));
    }

    @Test void theBandsGroupTheEigenvaluesByTheStepTheyTake() {
        double eta = RESULT.get("learningRate").asDouble();
        double[] edges = Json.doubles(RESULT.get("bands").get("edges"));
        int[] directions = new int[3];
        for (double lambda : Json.doubles(RESULT.get("kernelEigenvalues")))
            directions[eta * lambda >= edges[0] ? 0 : eta * lambda >= edges[1] ? 1 : 2]++;
        for (int b = 0; b < 3; b++) assertEquals(directions[b], RESULT.get("bands").get("directions").get(b).asInt());
        assertArrayEquals(new double[] {0.1, 0.01}, edges);
    }

    @Test void theBandLossesSplitTheLossAlongTheEigenvectorsOfTheRecordedKernel() {
        double eta = RESULT.get("learningRate").asDouble();
        double[] y = y(), eigenvalues = Json.doubles(RESULT.get("kernelEigenvalues")), edges = Json.doubles(RESULT.get("bands").get("edges"));
        DMatrixRMaj q = new KernelDynamics(modelsHStar(RESULT), y, new double[SAMPLES], eta).eigenvectors();
        double[] targetEnergy = new double[3];
        for (int c = 0; c < SAMPLES; c++) {
            double p = 0;
            for (int i = 0; i < SAMPLES; i++) p += q.get(i, c) * y[i];
            targetEnergy[band(eta * eigenvalues[c], edges)] += p * p;
        }
        for (int b = 0; b < 3; b++) assertEquals(targetEnergy[b], RESULT.get("bands").get("targetEnergy").get(b).asDouble(), 1e-12);
        for (JsonNode run : RESULT.get("runs")) {
            JsonNode s = run.get("series");
            for (String who : new String[] {"network", "kernel"})
                for (int r = 0; r < s.get("step").size(); r++) {
                    double[] u = Json.doubles(s.get(who + "Outputs").get(r));
                    double[] expected = new double[3];
                    for (int c = 0; c < SAMPLES; c++) {
                        double p = 0;
                        for (int i = 0; i < SAMPLES; i++) p += q.get(i, c) * (u[i] - y[i]);
                        expected[band(eta * eigenvalues[c], edges)] += p * p / 2;
                    }
                    double[] recorded = Json.doubles(s.get(who + "BandLoss").get(r));
                    double loss = s.get(who + "Loss").get(r).asDouble();
                    for (int b = 0; b < 3; b++) assertEquals(expected[b], recorded[b], 1e-12 * Math.max(1, loss), who + " band " + b);
                    assertEquals(loss, recorded[0] + recorded[1] + recorded[2], 1e-12 * Math.max(1, loss), who + " at record " + r);
                }
        }
    }

    private static int band(double etaLambda, double[] edges) {
        return etaLambda >= edges[0] ? 0 : etaLambda >= edges[1] ? 1 : 2;
    }

    @Test void badParametersNameTheirKey() {
        assertMessageNames("widths", assertThrows(ParameterException.class, () -> run(small("widths", "0"))));
        assertMessageNames("learningRate", assertThrows(ParameterException.class, () -> run(small("learningRate", "0"))));
        assertMessageNames("learningRate", assertThrows(ParameterException.class, () -> run(small("learningRate", "-0.1"))));
        assertMessageNames("learningRate", assertThrows(ParameterException.class, () -> run(small("learningRate", "1000"))));
        assertMessageNames("samples", assertThrows(ParameterException.class, () -> run(small("samples", "443"))));
        assertMessageNames("steps", assertThrows(ParameterException.class, () -> run(small("steps", "0"))));
        assertMessageNames("nope", assertThrows(DataException.class, () -> run(small("dataset", "nope"))));
    }

    @Test void theLearningRateFractionStaysInsideTheOpenIntervalItsHelpPromises() {
        for (String edge : new String[] {"2", "0"}) {
            ParameterException e = assertThrows(ParameterException.class, () -> run(small("learningRateFraction", edge)));
            assertMessageNames("learningRateFraction=" + edge, e);
            assertMessageNames("a number in (0, 2)", e);
        }
    }

    private static void assertMessageNames(String key, RuntimeException e) {
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
