package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class TrajectoryExperimentTest {
    private static final TrajectoryExperiment EXPERIMENT = new TrajectoryExperiment();

    private static JsonNode run(String... keyValues) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) p.put(keyValues[i], keyValues[i + 1]);
        return EXPERIMENT.run(Parameters.of("trajectory", EXPERIMENT.parameters(), p), Experiment.Progress.SILENT);
    }

    private static double maxDistance(JsonNode r) {
        double m = 0;
        for (double d : Json.doubles(r.get("series").get("distance"))) m = Math.max(m, d);
        return m;
    }

    /** Loss of a linear model recomputed sample by sample from the recorded data: (1/(p n)) sum |w.x - y|^p. */
    private static double loss(JsonNode r, DMatrixRMaj w, int power) {
        JsonNode x = r.get("dataset").get("x"), y = r.get("dataset").get("y");
        double s = 0;
        for (int i = 0; i < x.size(); i++)
            for (int k = 0; k < w.numRows; k++) {
                double res = -y.get(i).get(k).asDouble();
                for (int c = 0; c < w.numCols; c++) res += w.get(k, c) * x.get(i).get(c).asDouble();
                s += Math.pow(Math.abs(res), power);
            }
        return s / (power * x.size());
    }

    @Test void resultHasTheContractFieldsAndShapes() {
        JsonNode r = run("depth", "3", "width", "4", "steps", "50", "records", "10");
        assertEquals("trajectory/v1", r.get("schema").asText());
        assertEquals("l2", r.get("loss").asText());
        assertEquals(3, r.get("depth").asInt());
        assertEquals(50, r.get("steps").asInt());
        assertEquals(0.005, r.get("learningRate").asDouble());
        int[] widths = {10, 4, 4, 1};
        for (int j = 0; j < widths.length; j++) assertEquals(widths[j], r.get("widths").get(j).asInt());
        assertEquals(3, r.get("initialWeights").size());
        for (int j = 1; j <= 3; j++) {
            JsonNode w = r.get("initialWeights").get(j - 1);
            assertEquals(widths[j], w.size());
            assertEquals(widths[j - 1], w.get(0).size());
        }
        assertEquals(442, r.get("dataset").get("x").size());
        JsonNode s = r.get("series");
        int n = s.get("step").size();
        assertEquals(0, s.get("step").get(0).asInt());
        assertEquals(50, s.get("step").get(n - 1).asInt());
        for (String key : new String[] {"networkEndToEnd", "dynamicsEndToEnd", "networkLoss", "dynamicsLoss", "distance", "imbalance"})
            assertEquals(n, s.get(key).size(), key);
        assertEquals(1, s.get("networkEndToEnd").get(0).size());
        assertEquals(10, s.get("networkEndToEnd").get(0).get(0).size());
        assertFalse(r.get("diverged").asBoolean());
    }

    @Test void lossesAndDistanceRecomputedFromTheRecordedMatrices() {
        for (String lossName : new String[] {"l2", "l4"}) {
            JsonNode r = run("depth", "2", "steps", "200", "records", "8", "loss", lossName, "learningRate", "0.05");
            int power = lossName.equals("l2") ? 2 : 4;
            JsonNode s = r.get("series");
            for (int i = 0; i < s.get("step").size(); i++) {
                DMatrixRMaj net = Json.toMatrix(s.get("networkEndToEnd").get(i)), dyn = Json.toMatrix(s.get("dynamicsEndToEnd").get(i));
                assertEquals(loss(r, net, power), s.get("networkLoss").get(i).asDouble(), 1e-10);
                assertEquals(loss(r, dyn, power), s.get("dynamicsLoss").get(i).asDouble(), 1e-10);
                DMatrixRMaj diff = new DMatrixRMaj(1, 10);
                CommonOps_DDRM.subtract(net, dyn, diff);
                double norm = 0;
                for (double v : diff.data) norm += v * v;
                assertEquals(Math.sqrt(norm), s.get("distance").get(i).asDouble(), 1e-14);
            }
        }
    }

    @Test void initialEndToEndIsTheProductOfTheInitialWeightsAndBothStartThere() {
        JsonNode r = run("depth", "3", "width", "5", "steps", "10", "init", "xavier", "initScale", "0.5");
        DMatrixRMaj product = Json.toMatrix(r.get("initialWeights").get(0));
        for (int j = 1; j < 3; j++) {
            DMatrixRMaj next = Json.toMatrix(r.get("initialWeights").get(j));
            DMatrixRMaj out = new DMatrixRMaj(next.numRows, product.numCols);
            CommonOps_DDRM.mult(next, product, out);
            product = out;
        }
        DMatrixRMaj net = Json.toMatrix(r.get("series").get("networkEndToEnd").get(0));
        DMatrixRMaj dyn = Json.toMatrix(r.get("series").get("dynamicsEndToEnd").get(0));
        for (int c = 0; c < 10; c++) {
            assertEquals(product.get(0, c), net.get(0, c), 1e-15);
            assertEquals(product.get(0, c), dyn.get(0, c), 1e-15);
        }
        assertEquals(0, r.get("series").get("distance").get(0).asDouble());
    }

    @Test void depthOneNetworkIsTheLinearModelSoTheDistanceIsExactlyZero() {
        JsonNode r = run("depth", "1", "steps", "300", "learningRate", "0.1", "loss", "l4");
        for (double d : Json.doubles(r.get("series").get("distance"))) assertEquals(0.0, d);
        for (double d : Json.doubles(r.get("series").get("imbalance"))) assertEquals(0.0, d);
    }

    @Test void balancedStartDistanceIsFirstOrderInTheLearningRate() {
        // fixed horizon eta * steps = 20: halving eta should halve the largest distance
        double coarse = maxDistance(run("steps", "1000", "learningRate", "0.02"));
        double fine = maxDistance(run("steps", "2000", "learningRate", "0.01"));
        double ratio = coarse / fine;
        assertTrue(ratio > 1.8 && ratio < 2.2, "ratio " + ratio);
    }

    @Test void unbalancedStartDistanceDoesNotShrinkWithTheLearningRate() {
        double coarse = maxDistance(run("steps", "1000", "learningRate", "0.02", "init", "xavier", "initScale", "0.3"));
        double fine = maxDistance(run("steps", "2000", "learningRate", "0.01", "init", "xavier", "initScale", "0.3"));
        assertTrue(coarse / fine < 1.2, "ratio " + coarse / fine);
    }

    @Test void balancedInitIsBalancedAndImbalanceMatchesItsDefinition() {
        JsonNode r = run("depth", "2", "width", "3", "steps", "10", "init", "gaussian", "initScale", "0.7");
        DMatrixRMaj w1 = Json.toMatrix(r.get("initialWeights").get(0)), w2 = Json.toMatrix(r.get("initialWeights").get(1));
        DMatrixRMaj a = new DMatrixRMaj(3, 3), b = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(w2, w2, a);
        CommonOps_DDRM.multTransB(w1, w1, b);
        CommonOps_DDRM.subtractEquals(a, b);
        double norm = 0;
        for (double v : a.data) norm += v * v;
        assertEquals(Math.sqrt(norm), r.get("series").get("imbalance").get(0).asDouble(), 1e-12);
        assertTrue(run("depth", "3", "steps", "1").get("series").get("imbalance").get(0).asDouble() < 1e-12);
    }

    @Test void quarticOptimumHasZeroGradient() {
        JsonNode r = run("loss", "l4", "steps", "1");
        DMatrixRMaj w = Json.toMatrix(r.get("optimalEndToEnd"));
        JsonNode x = r.get("dataset").get("x"), y = r.get("dataset").get("y");
        double[] g = new double[10];
        for (int i = 0; i < x.size(); i++) {
            double res = -y.get(i).get(0).asDouble();
            for (int c = 0; c < 10; c++) res += w.get(0, c) * x.get(i).get(c).asDouble();
            for (int c = 0; c < 10; c++) g[c] += res * res * res * x.get(i).get(c).asDouble() / x.size();
        }
        for (double v : g) assertEquals(0, v, 1e-10);
        assertEquals(loss(r, w, 4), r.get("optimalLoss").asDouble(), 1e-12);
    }

    @Test void linnerudHasThreeOutputs() {
        JsonNode r = run("dataset", "linnerud", "width", "3", "depth", "3", "steps", "20");
        assertEquals(3, r.get("series").get("dynamicsEndToEnd").get(0).size());
        assertEquals(3, r.get("series").get("dynamicsEndToEnd").get(0).get(0).size());
    }

    @Test void sameParametersSameNumbers() {
        JsonNode a = run("init", "xavier", "initScale", "0.2", "steps", "100");
        JsonNode b = run("init", "xavier", "initScale", "0.2", "steps", "100");
        assertEquals(a, b);
        assertFalse(a.equals(run("init", "xavier", "initScale", "0.2", "steps", "100", "seed", "2")));
    }

    @Test void tooLargeRateIsMarkedDivergedAndSeriesStayFinite() {
        JsonNode r = run("depth", "1", "steps", "500", "learningRate", "2");
        assertTrue(r.get("diverged").asBoolean());
        assertTrue(r.get("divergedAtStep").asInt() < 500);
        for (double v : Json.doubles(r.get("series").get("networkLoss"))) assertTrue(Double.isFinite(v));
    }

    // ---- every-step traces and events, checked against a run that records every step and a naive scan of it

    /** Enough log-spaced records that every step is recorded (asserted by {@link #everyStep}). */
    private static final String EVERY_STEP = "100000";

    /** The same run recording every step: its series are the naive reference the events are checked against. */
    private static JsonNode everyStep(int steps, String... keyValues) {
        String[] all = java.util.Arrays.copyOf(keyValues, keyValues.length + 4);
        all[keyValues.length] = "steps";
        all[keyValues.length + 1] = Integer.toString(steps);
        all[keyValues.length + 2] = "records";
        all[keyValues.length + 3] = EVERY_STEP;
        JsonNode r = run(all);
        double[] step = Json.doubles(r.get("series").get("step"));
        for (int t = 0; t < step.length; t++) assertEquals(t, step[t], "every step recorded");
        return r;
    }

    private static JsonNode sparse(int steps, String... keyValues) {
        String[] all = java.util.Arrays.copyOf(keyValues, keyValues.length + 4);
        all[keyValues.length] = "steps";
        all[keyValues.length + 1] = Integer.toString(steps);
        all[keyValues.length + 2] = "records";
        all[keyValues.length + 3] = "20";
        return run(all);
    }

    private static double[] excess(JsonNode r, String lossKey) {
        double[] loss = Json.doubles(r.get("series").get(lossKey));
        double optimal = r.get("optimalLoss").asDouble();
        for (int i = 0; i < loss.length; i++) loss[i] -= optimal;
        return loss;
    }

    private static int naiveFirstAtOrBelow(double[] v, double level) {
        for (int t = 0; t < v.length; t++) if (v[t] <= level) return t;
        return -1;
    }

    /** One more than the last step above the level; -1 if the last step is above it. */
    private static int naiveSettled(double[] v, double level) {
        int lastAbove = -1;
        for (int t = 0; t < v.length; t++) if (!(v[t] <= level)) lastAbove = t;
        return lastAbove == v.length - 1 ? -1 : lastAbove + 1;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int t = 1; t < v.length; t++) if (v[t] > v[best]) best = t;
        return best;
    }

    private static int step(JsonNode events, String key) { return events.get(key).isNull() ? -1 : events.get(key).asInt(); }

    private static final String[][] EVENT_RUNS = {
            {"depth", "3", "learningRate", "0.02"},                                           // long plateau, late escape
            {"depth", "2", "init", "xavier", "initScale", "0.3", "learningRate", "0.02"},  // the distance peaks mid-run
            {"depth", "2", "loss", "l4", "learningRate", "0.2", "excessTarget", "1e-4"}};

    @Test void eventsOfASparselyRecordedRunEqualANaiveScanOfEveryStep() {
        int steps = 3000;
        for (String[] kv : EVENT_RUNS) {
            JsonNode events = sparse(steps, kv).get("events"), reference = everyStep(steps, kv);
            double[] net = excess(reference, "networkLoss"), dyn = excess(reference, "dynamicsLoss");
            double[] distance = Json.doubles(reference.get("series").get("distance"));
            String what = String.join(" ", kv);
            double half = net[0] / 2;
            assertEquals(half, events.get("halfwayExcess").asDouble(), 1e-12 * net[0], what);
            assertEquals(naiveFirstAtOrBelow(net, half), step(events, "networkHalfwayStep"), what);
            assertEquals(naiveFirstAtOrBelow(dyn, half), step(events, "dynamicsHalfwayStep"), what);
            assertTrue(step(events, "networkHalfwayStep") > 0, what + ": the loss escapes within the run");
            assertEquals(distance[argMax(distance)], events.get("maxDistance").asDouble(), what);
            assertEquals(argMax(distance), events.get("maxDistanceStep").asInt(), what);
            double target = events.get("excessTarget").asDouble();
            assertEquals(naiveSettled(net, target), step(events, "networkExcessSettledStep"), what);
            assertEquals(naiveSettled(dyn, target), step(events, "dynamicsExcessSettledStep"), what);
        }
    }

    /** The l4 run reaches 1e-4; with a target it never reaches, and with one it is always below, the edges. */
    @Test void settledStepEdgesAgreeWithANaiveScan() {
        JsonNode l4 = sparse(3000, "depth", "2", "loss", "l4", "learningRate", "0.2", "excessTarget", "1e-4").get("events");
        assertTrue(step(l4, "networkExcessSettledStep") > 0);
        JsonNode unreachable = sparse(300, "depth", "2", "learningRate", "0.02", "excessTarget", "1e-9").get("events");
        assertTrue(unreachable.get("networkExcessSettledStep").isNull());
        JsonNode always = sparse(300, "depth", "2", "learningRate", "0.02", "excessTarget", "100").get("events");
        assertEquals(0, always.get("networkExcessSettledStep").asInt());
    }

    @Test void tracesKeepEveryStepsExtremesAndOnlyValuesOfTheStepsTheyName() {
        int steps = 3000;
        for (String[] kv : EVENT_RUNS) {
            JsonNode trace = sparse(steps, kv).get("trace"), reference = everyStep(steps, kv);
            String what = String.join(" ", kv);
            assertEquals(StepTrace.RULE, trace.get("rule").asText());
            for (String[] keys : new String[][] {{"networkLoss", "networkLoss"}, {"dynamicsLoss", "dynamicsLoss"}, {"distance", "distance"}}) {
                double[] v = Json.doubles(reference.get("series").get(keys[1]));
                JsonNode t = trace.get(keys[0]);
                int argMin = 0;
                for (int i = 1; i < v.length; i++) if (v[i] < v[argMin]) argMin = i;
                assertEquals(v[argMax(v)], t.get("max").asDouble(), what + " " + keys[0]);
                assertEquals(argMax(v), t.get("maxStep").asInt(), what + " " + keys[0]);
                assertEquals(v[argMin], t.get("min").asDouble(), what + " " + keys[0]);
                assertEquals(argMin, t.get("minStep").asInt(), what + " " + keys[0]);
                double[] s = Json.doubles(t.get("step")), value = Json.doubles(t.get("value"));
                assertEquals(0, s[0]);
                assertEquals(steps, s[s.length - 1]);
                assertTrue(s.length < 4 * 201, what + ": a reduction, not every step");
                for (int i = 0; i < s.length; i++) assertEquals(v[(int) s[i]], value[i], what + " " + keys[0] + " at " + s[i]);
            }
            // the excess traces: l2 in the cancellation-free form, so equal to L - L* up to rounding of L*
            for (String[] keys : new String[][] {{"networkExcess", "networkLoss"}, {"dynamicsExcess", "dynamicsLoss"}}) {
                double[] v = excess(reference, keys[1]);
                JsonNode t = trace.get(keys[0]);
                double[] s = Json.doubles(t.get("step")), value = Json.doubles(t.get("value"));
                for (int i = 0; i < s.length; i++) assertEquals(v[(int) s[i]], value[i], 1e-14, what + " " + keys[0] + " at " + s[i]);
            }
        }
    }

    @Test void aDivergedRunHasNoSettledStepAndItsTracesEndWithItsSeries() {
        JsonNode r = run("depth", "1", "steps", "500", "learningRate", "2", "excessTarget", "100");
        assertTrue(r.get("diverged").asBoolean());
        assertTrue(r.get("events").get("networkExcessSettledStep").isNull());
        double[] recorded = Json.doubles(r.get("series").get("step")), traced = Json.doubles(r.get("trace").get("networkLoss").get("step"));
        assertTrue(traced[traced.length - 1] < r.get("divergedAtStep").asInt());
        assertTrue(traced[traced.length - 1] >= recorded[recorded.length - 1]);
        for (double v : Json.doubles(r.get("trace").get("networkLoss").get("value"))) assertTrue(Double.isFinite(v));
    }

    @Test void badParametersNameTheKey() {
        String[][] bad = {{"depth", "0"}, {"width", "0"}, {"steps", "-1"}, {"learningRate", "0"}, {"init", "uniform"},
                {"initScale", "-1"}, {"loss", "l3"}, {"seed", "x"}, {"records", "1"}, {"samples", "-2"}, {"buckets", "0"},
                {"excessTarget", "0"}};
        for (String[] kv : bad) {
            ParameterException e = assertThrows(ParameterException.class, () -> run(kv[0], kv[1]));
            assertTrue(e.getMessage().contains(kv[0]), e.getMessage());
        }
        ParameterException unknown = assertThrows(ParameterException.class, () -> run("depht", "2"));
        assertTrue(unknown.getMessage().contains("depht"));
    }
}
