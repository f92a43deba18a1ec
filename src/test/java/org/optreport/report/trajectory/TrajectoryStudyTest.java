package org.optreport.report.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.report.PageUses;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.report.Studies;
import org.optreport.report.output.Format;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.ResultDocuments;
import org.optreport.results.TrajectoryResult;
import org.optreport.site.claims.StudyNumbers;
import org.optreport.site.markdown.ClaimUse;
import org.optreport.site.markdown.MarkdownPages;

class TrajectoryStudyTest {
    private static final TrajectoryStudy STUDY = new TrajectoryStudy();
    private static StudyOutput quick;
    private static TrajectoryPlan plan;
    private static RunResults results;

    /** The quick study as the build runs it: planned, its runs computed once each, analysed through the handles. */
    @BeforeAll static void runQuickStudy() throws Exception {
        RunPlan runs = new RunPlan();
        plan = STUDY.plan(StudyConfig.defaults("trajectory", true), runs);
        Map<RunRequest, JsonNode> documents = new HashMap<>();
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (RunRequest r : runs.requests()) {
            Experiment e = registry.get(r.experiment());
            documents.computeIfAbsent(r, k -> e.run(Parameters.of(e.name(), e.parameters(), k.parameters()), Experiment.Progress.SILENT));
        }
        results = new RunResults(documents);
        quick = STUDY.analyze(plan, results);
    }

    @Test void everyFigureTableAndValueThePageUsesExists() throws Exception {
        Path page = Path.of("content/part3-trajectory.md");
        assertTrue(PageUses.count(page, "trajectory") > 0, "the page uses the study");
        assertTrue(PageUses.missing(page, "trajectory", quick).isEmpty(), "missing: " + PageUses.missing(page, "trajectory", quick));
    }

    @Test void balancedSlopeIsAboutOneAndUnbalancedAboutZero() {
        double balanced = Double.parseDouble(quick.values().get("balancedN2Slope"));
        double deeper = Double.parseDouble(quick.values().get("balancedN3Slope"));
        double unbalanced = Double.parseDouble(quick.values().get("unbalancedN2Slope"));
        assertEquals(1, balanced, 0.1);
        assertEquals(1, deeper, 0.1);
        assertEquals(0, unbalanced, 0.1);
    }

    /** A planned run again with every step recorded: the naive reference for the quoted steps. */
    private static TrajectoryResult everyStep(Run<TrajectoryResult> run) {
        Map<String, String> p = new HashMap<>(run.request().parameters());
        p.put("records", "100000");
        Experiment e = ExperimentRegistry.standard().get("trajectory");
        TrajectoryResult r = ResultDocuments.read(e.run(Parameters.of(e.name(), e.parameters(), p), Experiment.Progress.SILENT),
                TrajectoryResult.class, "every step of " + run);
        int[] step = r.series().step();
        assertEquals(run.request().parameters().get("steps"), Integer.toString(step[step.length - 1]));
        for (int t = 0; t < step.length; t++) assertEquals(t, step[t], "every step recorded");
        return r;
    }

    private static double[] excess(TrajectoryResult r) {
        double[] v = r.series().networkLoss().clone();
        for (int t = 0; t < v.length; t++) v[t] -= r.optimalLoss();
        return v;
    }

    @Test void quotedEscapeStepsAndLargestDistancesAreThoseOfEveryStep() {
        TrajectoryRuns.Settings s = plan.settings();
        for (int depth : s.depths()) {
            TrajectoryResult r = everyStep(plan.main(depth, true));
            double[] excess = excess(r), distance = r.series().distance();
            int escape = 0;
            while (!(excess[escape] <= excess[0] / 2)) escape++;
            int peak = 0;
            for (int t = 1; t < distance.length; t++) if (distance[t] > distance[peak]) peak = t;
            assertEquals(Format.integer(escape), quick.values().get("balancedN" + depth + "EscapeStep"), "N = " + depth);
            assertEquals(Format.integer(peak), quick.values().get("balancedN" + depth + "MaxDistanceStep"), "N = " + depth);
            assertEquals(Format.sig(distance[peak], 2), quick.values().get("balancedN" + depth + "MaxDistance"), "N = " + depth);
            // the figure draws the peak itself, not the nearest records
            Series drawn = quick.figures().get("balanced").panels().get(1).series().get(depth - s.depths().get(0));
            double drawnMax = 0;
            for (double y : drawn.y()) drawnMax = Math.max(drawnMax, y);
            assertEquals(distance[peak], drawnMax, "N = " + depth);
        }
    }

    @Test void runsAreDistinctAndUseTheRegisteredExperiment() {
        RunPlan runs = new RunPlan();
        STUDY.plan(StudyConfig.defaults("trajectory", false), runs);
        List<RunRequest> requests = runs.requests();
        assertEquals(requests.size(), new HashSet<>(requests).size());
        for (RunRequest r : requests) assertEquals("trajectory", r.experiment());
        assertTrue(Studies.standard().names().contains("trajectory"));
        assertTrue(ExperimentRegistry.standard().names().contains("trajectory"));
    }

    // ---- the exact numbers the page's claims read, each against a computation of its own from the run results ----

    private static double number(String name) {
        Double v = quick.numbers().get(name);
        assertNotNull(v, "number " + name);
        return v;
    }

    /** Equal as numbers: NaN to NaN, otherwise within rounding of the two computations. */
    private static void assertNumber(double expected, String name) {
        double actual = number(name);
        if (Double.isNaN(expected)) assertTrue(Double.isNaN(actual), name + " = " + actual + ", expected NaN");
        else assertEquals(expected, actual, 1e-9 * Math.abs(expected), name);
    }

    private static double stepOrNaN(Integer step) {
        return step == null ? Double.NaN : step;
    }

    private static double[] dynamicsExcess(TrajectoryResult r) {
        double[] v = r.series().dynamicsLoss().clone();
        for (int t = 0; t < v.length; t++) v[t] -= r.optimalLoss();
        return v;
    }

    private static double last(double[] v) {
        return v[v.length - 1];
    }

    /** How many leading records keep the network's excess at or above {@code fraction} of its initial value. */
    private static int leadingRecordsAtOrAbove(double[] excess, double fraction) {
        int k = 0;
        while (k < excess.length && !(excess[k] < fraction * excess[0])) k++;
        return k;
    }

    private static double plateauShare(TrajectoryResult r) {
        Integer halfway = r.events().networkHalfwayStep();
        int k = leadingRecordsAtOrAbove(excess(r), 0.9);
        if (halfway == null || halfway == 0 || k == 0 || k == excess(r).length) return Double.NaN;
        return r.series().step()[k - 1] / (double) halfway;
    }

    private static double lossGap(TrajectoryResult r) {
        double[] net = excess(r), dyn = dynamicsExcess(r);
        double gap = 0;
        for (int t = 0; t < net.length; t++) gap = Math.max(gap, Math.abs(net[t] / dyn[t] - 1));
        return gap;
    }

    /** The least-squares slope of ln y against ln x, computed here from the sums. */
    private static double logLogSlope(double[] x, double[] y) {
        int n = x.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.log(x[i]), b = Math.log(y[i]);
            sx += a;
            sy += b;
            sxx += a * a;
            sxy += a * b;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static DMatrixRMaj product(List<double[][]> layers) {
        DMatrixRMaj w = new DMatrixRMaj(layers.get(0));
        for (int j = 1; j < layers.size(); j++) {
            DMatrixRMaj next = new DMatrixRMaj(layers.get(j).length, w.numCols);
            CommonOps_DDRM.mult(new DMatrixRMaj(layers.get(j)), w, next);
            w = next;
        }
        return w;
    }

    private static double[] descendingSingularValues(DMatrixRMaj m) {
        double[] sv = SingularOps_DDRM.singularValues(m);
        Arrays.sort(sv);
        double[] out = new double[sv.length];
        for (int i = 0; i < sv.length; i++) out[i] = sv[sv.length - 1 - i];
        return out;
    }

    @Test void theMainRunsNumbersAreThoseOfTheirResults() {
        for (boolean balanced : new boolean[] {true, false}) {
            String kind = balanced ? "balanced" : "unbalanced";
            for (int depth : plan.settings().depths()) {
                TrajectoryResult r = results.get(plan.main(depth, balanced));
                String member = ".depth" + depth;
                double[] excess = excess(r), imbalance = r.series().imbalance();
                int[] step = r.series().step();
                assertNumber(stepOrNaN(r.events().networkHalfwayStep()), kind + "EscapeStep" + member);
                assertNumber(stepOrNaN(r.events().dynamicsHalfwayStep()), kind + "DynamicsEscapeStep" + member);
                assertNumber(r.trace().distance().max(), kind + "MaxDistance" + member);
                assertNumber(r.trace().distance().maxStep(), kind + "MaxDistanceStep" + member);
                assertNumber(last(r.trace().distance().value()), kind + "FinalDistance" + member);
                assertNumber(r.initialImbalance(), kind + "InitialImbalance" + member);
                assertNumber(last(imbalance), kind + "FinalImbalance" + member);
                double drift = Arrays.stream(imbalance).map(x -> Math.abs(x / imbalance[0] - 1)).max().orElseThrow();
                assertNumber(drift, kind + "ImbalanceDrift" + member);
                assertNumber(lossGap(r), kind + "LossGap" + member);
                int leading = leadingRecordsAtOrAbove(excess, 0.9);
                assertNumber(leading == excess.length ? Double.NaN : step[leading], kind + "EscapeStart" + member);
                int end = excess.length - 1;
                while (end >= 0 && !(excess[end] > 0.1 * excess[0])) end--;
                assertNumber(end < 0 ? Double.NaN : step[end], kind + "EscapeEnd" + member);
                assertNumber(last(r.trace().networkExcess().value()), kind + "FinalNetworkExcess" + member);
                assertNumber(last(r.trace().dynamicsExcess().value()), kind + "FinalDynamicsExcess" + member);
                if (balanced) assertNumber(plateauShare(r), "plateauShare.balancedN" + depth);
                else assertTrue(!quick.numbers().containsKey("plateauShare.unbalancedN" + depth), "only the balanced runs");
            }
        }
        assertNumber(NormOps_DDRM.normF(new DMatrixRMaj(results.get(plan.main(plan.settings().depths().get(0), true)).optimalEndToEnd())),
                "optimalNorm");
    }

    /** The step-0 preconditioners at depth 2, Xavier start: the network's built as a matrix here, the dynamics' from W. */
    @Test void theInitialPreconditionersAreThoseOfTheInitialLayers() {
        TrajectoryResult r = results.get(plan.main(2, false));
        DMatrixRMaj w1 = new DMatrixRMaj(r.initialWeights().get(0)), w2 = new DMatrixRMaj(r.initialWeights().get(1));
        assertEquals(1, w2.numRows);
        DMatrixRMaj p = new DMatrixRMaj(w1.numCols, w1.numCols);
        CommonOps_DDRM.multTransA(w1, w1, p);
        double w2Squared = NormOps_DDRM.normF(w2) * NormOps_DDRM.normF(w2);
        for (int i = 0; i < p.numRows; i++) p.add(i, i, w2Squared);
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(p.numRows, false, true);
        assertTrue(eig.decompose(p));
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.numRows; i++) {
            max = Math.max(max, eig.getEigenvalue(i).getReal());
            min = Math.min(min, eig.getEigenvalue(i).getReal());
        }
        double norm = NormOps_DDRM.normF(product(r.initialWeights()));
        assertEquals(max, number("unbalancedN2InitialPreconditionerNetworkMax"), 1e-9 * max);
        assertEquals(min, number("unbalancedN2InitialPreconditionerNetworkMin"), 1e-9 * max);
        assertEquals(2 * norm, number("unbalancedN2InitialPreconditionerDynamicsMax"), 1e-9 * norm);
        assertEquals(norm, number("unbalancedN2InitialPreconditionerDynamicsMin"), 1e-9 * norm);
    }

    @Test void theConvergenceNumbersAreThoseOfTheirRuns() {
        TrajectoryRuns.Settings s = plan.settings();
        double[] rates = s.convergenceRates().stream().mapToDouble(Double::doubleValue).toArray();
        String[] keys = {"balancedN2", "balancedN3", "unbalancedN2"};
        for (int c = 0; c < keys.length; c++) {
            List<TrajectoryResult> byRate = results.get(plan.convergence().get(c).byRate());
            double[] max = byRate.stream().mapToDouble(r -> r.trace().distance().max()).toArray();
            double[] imbalance = byRate.stream().mapToDouble(r -> last(r.series().imbalance())).toArray();
            for (int k = 0; k < rates.length; k++) assertNumber(max[k], keys[c] + "MaxDistanceByRate.rate" + k);
            assertNumber(max[0], keys[c] + "MaxDistanceSmallestRate");
            assertNumber(last(max), keys[c] + "MaxDistanceLargestRate");
            assertEquals(logLogSlope(rates, max), number(keys[c] + "Slope"), 1e-9, keys[c]);
            assertEquals(logLogSlope(rates, imbalance), number(keys[c] + "ImbalanceSlope"), 1e-9, keys[c]);
        }
        double[] scales = s.imbalanceScales().stream().mapToDouble(Double::doubleValue).toArray();
        int smallest = 0, largest = 0;
        for (int k = 0; k < scales.length; k++) {
            if (scales[k] < scales[smallest]) smallest = k;
            if (scales[k] > scales[largest]) largest = k;
        }
        int next = largest;
        for (int k = 0; k < scales.length; k++) if (k != smallest && scales[k] < scales[next]) next = k;
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int e = 0; e < plan.imbalance().size(); e++) {
            TrajectoryPlan.ImbalanceSweep sweep = plan.imbalance().get(e);
            List<TrajectoryResult> byScale = results.get(sweep.xavierByScale());
            assertNumber(byScale.get(smallest).trace().distance().max(), "imbalanceSmallestScaleMaxDistance.rate" + e);
            assertNumber(byScale.get(next).trace().distance().max(), "imbalanceNextScaleMaxDistance.rate" + e);
            assertNumber(byScale.get(largest).trace().distance().max(), "imbalanceLargestScaleMaxDistance.rate" + e);
            assertNumber(results.get(sweep.balanced()).trace().distance().max(), "imbalanceBalancedMaxDistance.rate" + e);
            for (TrajectoryResult r : byScale) {
                lo = Math.min(lo, r.initialImbalance());
                hi = Math.max(hi, r.initialImbalance());
            }
        }
        assertNumber(lo, "imbalanceSmallest");
        assertNumber(hi, "imbalanceLargest");
        // the network's size from its initial layers, multiplied out here
        List<TrajectoryResult> first = results.get(plan.imbalance().get(0).xavierByScale());
        double[] imbalance = new double[scales.length], size = new double[scales.length];
        for (int k = 0; k < scales.length; k++) {
            TrajectoryResult r = first.get(k);
            imbalance[k] = r.initialImbalance();
            size[k] = Math.pow(NormOps_DDRM.normF(product(r.initialWeights())), 2.0 / r.initialWeights().size());
            assertEquals(imbalance[k] / size[k], number("relativeImbalance.scale" + k), 1e-9 * imbalance[k] / size[k], "scale " + k);
        }
        assertEquals(logLogSlope(scales, imbalance), number("imbalanceScaleExponent"), 1e-9);
        assertEquals(logLogSlope(scales, size), number("sizeScaleExponent"), 1e-9);
    }

    @Test void theMultiOutputNumbersAreThoseOfTheirRuns() {
        for (int depth : plan.settings().multiDepths()) {
            TrajectoryResult r = results.get(plan.multiOutput().get(depth));
            String key = "multiN" + depth;
            double[] target = descendingSingularValues(new DMatrixRMaj(r.optimalEndToEnd()));
            double[] reached = descendingSingularValues(product(r.finalWeights())); // the network's own last end-to-end matrix
            for (int k = 0; k < target.length; k++) {
                assertEquals(reached[k] / target[k], number(key + "SingularShare.s" + (k + 1)), 1e-9, key + " s" + (k + 1));
                double half = Double.NaN;
                for (int i = 0; i < r.series().step().length && Double.isNaN(half); i++)
                    if (2 * descendingSingularValues(new DMatrixRMaj(r.series().networkEndToEnd().get(i)))[k] >= target[k])
                        half = r.series().step()[i];
                assertNumber(half, key + "SingularHalfStep.s" + (k + 1));
            }
            assertNumber(r.trace().distance().max(), "multiMaxDistance.depth" + depth);
            assertNumber(lossGap(r), "multiLossGap.depth" + depth);
            // the gap at each record, recomputed here: its last value, and the last record from which it only rises
            double[] net = excess(r), dyn = dynamicsExcess(r);
            double[] gap = new double[net.length];
            for (int t = 0; t < gap.length; t++) gap[t] = Math.abs(net[t] / dyn[t] - 1);
            assertNumber(last(gap), "multiFinalLossGap.depth" + depth);
            int from = gap.length - 1;
            for (int t = gap.length - 2; t >= 0; t--) {
                if (!(gap[t] < gap[t + 1])) break;
                from = t;
            }
            assertNumber(r.series().step()[from], "multiLossGapRisingFrom.depth" + depth);
            assertNumber(last(r.trace().networkExcess().value()), "multiFinalNetworkExcess.depth" + depth);
            assertNumber(plateauShare(r), "plateauShare." + key);
            assertNumber(NormOps_DDRM.normF(new DMatrixRMaj(r.optimalEndToEnd())), "multiOptimalNorm");
        }
    }

    /** The page's claims name only numbers the study provides (whether they hold is the build's check, on the full runs). */
    @Test void everyClaimOfThePageNamesNumbersTheStudyProvides() throws Exception {
        Path page = Path.of("content/part3-trajectory.md");
        List<ClaimUse> claims = new MarkdownPages().parse(page, Files.readString(page)).claims();
        assertTrue(claims.size() > 0);
        StudyNumbers numbers = new StudyNumbers(Map.of("trajectory", quick));
        List<String> unknown = new ArrayList<>();
        for (ClaimUse c : claims) {
            if (!c.claim().studies().equals(Set.of("trajectory"))) continue; // other studies' claims are checked by their tests
            try {
                c.claim().evaluate(numbers);
            } catch (RuntimeException e) {
                unknown.add("line " + c.line() + ": " + e.getMessage());
            }
        }
        assertTrue(unknown.isEmpty(), String.join("\n", unknown));
    }
}
