package org.optreport.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.optreport.experiment.Json;

/**
 * Part 3 (linear networks): the end-to-end matrix of a linear network trained by gradient descent against the
 * discrete end-to-end dynamics. Five groups of runs: balanced and unbalanced initializations at depths 2-4,
 * the largest distance against the learning rate at a fixed time horizon eta * steps (and against the imbalance),
 * a multi-output run on Linnerud, and depth as acceleration on the l2 and l4 losses.
 */
public final class TrajectoryStudy implements Study {
    /** Recorded steps per run (log-spaced), enough for smooth curves on logarithmic step axes. */
    private static final int RECORDS = 200;

    @Override public String name() { return "trajectory"; }

    /** Every setting, read once so that runs() and analyze() agree. */
    private record Settings(double horizon, double learningRate, double initScale, double xavierScale, int width,
                            List<Integer> depths, List<Double> convergenceRates, List<Double> imbalanceScales,
                            List<Double> imbalanceRates, List<Integer> multiDepths, int multiSteps,
                            List<Double> accelerationRates, int accelerationSteps, double excessTarget, long seed) {
        int steps(double eta) { return (int) Math.max(1, Math.round(horizon / eta)); }
    }

    private static Settings settings(StudyConfig c) {
        List<Double> convergence = c.reals("convergenceRates", List.of(0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1),
                List.of(0.004, 0.01, 0.02, 0.04, 0.1), 0, 10);
        return new Settings(
                c.real("horizon", 40, 40, 0, 1e6),
                c.real("learningRate", 0.005, 0.01, 0, 10),
                c.real("initScale", 1e-3, 1e-3, 0, 100),
                c.real("xavierScale", 0.3, 0.3, 0, 100),
                c.integer("width", 10, 10, 1, 1000),
                c.integers("depths", List.of(2, 3, 4), List.of(2, 3, 4), 2, 10),
                convergence,
                c.reals("imbalanceScales", List.of(0.03, 0.1, 0.3, 1.0), List.of(0.1, 0.3, 1.0), 0, 100),
                c.reals("imbalanceRates", List.of(0.002, 0.02), List.of(0.01, 0.04), 0, 10),
                c.integers("multiOutputDepths", List.of(2, 3), List.of(2, 3), 2, 10),
                c.integer("multiOutputSteps", 20000, 8000, 10, 10_000_000),
                c.reals("accelerationRates", List.of(0.05, 0.07, 0.1, 0.14, 0.2, 0.28, 0.4, 0.56, 0.8), List.of(0.1, 0.2, 0.4, 0.8), 0, 100),
                c.integer("accelerationSteps", 3000, 1000, 10, 10_000_000),
                c.real("excessTarget", 1e-6, 1e-4, 0, 1),
                c.integer("seed", 1, 1, 0, Integer.MAX_VALUE));
    }

    // ---------------------------------------------------------------- runs

    private static RunRequest run(Settings s, String dataset, int depth, int width, String init, double scale,
                                  String loss, double eta, int steps) {
        return run(s, dataset, depth, width, init, scale, loss, eta, steps, RECORDS);
    }

    private static RunRequest run(Settings s, String dataset, int depth, int width, String init, double scale,
                                  String loss, double eta, int steps, int records) {
        Map<String, String> p = new TreeMap<>();
        p.put("dataset", dataset);
        p.put("samples", "all");
        p.put("depth", Integer.toString(depth));
        p.put("width", Integer.toString(width));
        p.put("init", init);
        p.put("initScale", Double.toString(scale));
        p.put("loss", loss);
        p.put("learningRate", Double.toString(eta));
        p.put("steps", Integer.toString(steps));
        p.put("seed", Long.toString(s.seed()));
        p.put("records", Integer.toString(records));
        return RunRequest.of("trajectory", p);
    }

    private static RunRequest mainRun(Settings s, int depth, boolean balanced) {
        return run(s, "diabetes", depth, s.width(), balanced ? "balanced" : "xavier", balanced ? s.initScale() : s.xavierScale(),
                "l2", s.learningRate(), s.steps(s.learningRate()));
    }

    private static RunRequest convergenceRun(Settings s, int depth, String init, double scale, double eta) {
        return run(s, "diabetes", depth, s.width(), init, scale, "l2", eta, s.steps(eta));
    }

    private static RunRequest multiOutputRun(Settings s, int depth) {
        return run(s, "linnerud", depth, 3, "balanced", s.initScale(), "l2", s.learningRate(), s.multiSteps());
    }

    private static RunRequest accelerationRun(Settings s, String loss, int depth, double eta) {
        // denser records: the table quotes the step at which each run reaches the target
        return run(s, "diabetes", depth, s.width(), "balanced", s.initScale(), loss, eta, s.accelerationSteps(), 3 * RECORDS);
    }

    /** The convergence study's curves: label, depth, init, scale. */
    private record Curve(String label, int depth, String init, double scale) {}

    private static List<Curve> convergenceCurves(Settings s) {
        return List.of(new Curve("balanced N=2", 2, "balanced", s.initScale()),
                new Curve("balanced N=3", 3, "balanced", s.initScale()),
                new Curve("Xavier N=2", 2, "xavier", s.xavierScale()));
    }

    private static final List<String> LOSSES = List.of("l2", "l4");
    private static final List<Integer> ACCELERATION_DEPTHS = List.of(1, 2, 3);

    @Override public List<RunRequest> runs(StudyConfig config) {
        Settings s = settings(config);
        LinkedHashSet<RunRequest> runs = new LinkedHashSet<>();
        for (int depth : s.depths()) {
            runs.add(mainRun(s, depth, true));
            runs.add(mainRun(s, depth, false));
        }
        for (Curve c : convergenceCurves(s))
            for (double eta : s.convergenceRates()) runs.add(convergenceRun(s, c.depth(), c.init(), c.scale(), eta));
        for (double eta : s.imbalanceRates()) {
            runs.add(convergenceRun(s, 2, "balanced", s.initScale(), eta));
            for (double scale : s.imbalanceScales()) runs.add(convergenceRun(s, 2, "xavier", scale, eta));
        }
        for (int depth : s.multiDepths()) runs.add(multiOutputRun(s, depth));
        for (String loss : LOSSES)
            for (int depth : ACCELERATION_DEPTHS)
                for (double eta : s.accelerationRates()) runs.add(accelerationRun(s, loss, depth, eta));
        return List.copyOf(runs);
    }

    /** The acceleration grid searches for each depth's largest stable rate: its largest rates are meant to diverge. */
    @Override public boolean divergenceExpected(StudyConfig config, RunRequest request) {
        Settings s = settings(config);
        for (String loss : LOSSES)
            for (int depth : ACCELERATION_DEPTHS)
                for (double eta : s.accelerationRates()) if (accelerationRun(s, loss, depth, eta).equals(request)) return true;
        return false;
    }

    // ---------------------------------------------------------------- analysis

    /** The recorded series of one run, with the quantities the figures need. */
    private record Run(JsonNode json, double[] step, double[] networkLoss, double[] dynamicsLoss, double[] distance,
                       double[] imbalance, double optimalLoss, boolean diverged) {
        static Run of(JsonNode r) {
            JsonNode series = r.get("series");
            return new Run(r, Json.doubles(series.get("step")), Json.doubles(series.get("networkLoss")),
                    Json.doubles(series.get("dynamicsLoss")), Json.doubles(series.get("distance")),
                    Json.doubles(series.get("imbalance")), r.get("optimalLoss").asDouble(), r.path("diverged").asBoolean(false));
        }

        double maxDistance() { return max(distance); }

        double[] networkExcess() { return excess(networkLoss); }

        double[] dynamicsExcess() { return excess(dynamicsLoss); }

        private double[] excess(double[] loss) {
            double[] e = new double[loss.length];
            for (int i = 0; i < e.length; i++) e[i] = loss[i] - optimalLoss;
            return e;
        }

        /** The recorded step at which the distance is largest. */
        double stepOfMaxDistance() {
            int best = 0;
            for (int i = 1; i < distance.length; i++) if (distance[i] > distance[best]) best = i;
            return step[best];
        }

        /** First recorded step from which the excess loss stays at or below target until the end; -1 if never. */
        int stepsToReach(double[] excess, double target) {
            if (diverged || excess.length == 0 || !(excess[excess.length - 1] <= target)) return -1;
            int i = excess.length - 1;
            while (i > 0 && excess[i - 1] <= target) i--;
            return (int) step[i];
        }
    }

    @Override public StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results) {
        Settings s = settings(config);
        Map<String, Figure> figures = new HashMap<>();
        Map<String, Table> tables = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        List<String> warnings = new ArrayList<>();

        Run first = Run.of(results.get(mainRun(s, s.depths().get(0), true)));
        values.put("samples", Integer.toString(first.json().get("dataset").get("x").size()));
        values.put("inputs", Integer.toString(first.json().get("dataset").get("x").get(0).size()));
        values.put("width", Integer.toString(s.width()));
        values.put("optimalLoss", Format.sig(first.optimalLoss(), 4));
        values.put("optimalNorm", Format.sig(frobenius(first.json().get("optimalEndToEnd")), 3));
        values.put("initialLoss", Format.sig(first.networkLoss()[0], 3));
        values.put("learningRate", Format.sig(s.learningRate(), 2));
        values.put("horizon", Format.sig(s.horizon(), 3));
        values.put("steps", Integer.toString(s.steps(s.learningRate())));
        values.put("initScale", Format.sig(s.initScale(), 2));
        values.put("xavierScale", Format.sig(s.xavierScale(), 2));
        values.put("depths", joinInts(s.depths()));
        values.put("seed", Long.toString(s.seed()));

        mainFigures(s, results, figures, values, warnings);
        convergenceFigure(s, results, figures, values, warnings);
        multiOutputFigure(s, results, figures, values, warnings);
        acceleration(s, results, figures, tables, values);
        return new StudyOutput(figures, tables, values, warnings);
    }

    private void mainFigures(Settings s, Map<RunRequest, JsonNode> results, Map<String, Figure> figures,
                             Map<String, String> values, List<String> warnings) {
        for (boolean balanced : new boolean[] {true, false}) {
            String kind = balanced ? "balanced" : "unbalanced";
            List<Series> loss = new ArrayList<>(), distance = new ArrayList<>(), imbalance = new ArrayList<>();
            for (int depth : s.depths()) {
                Run r = Run.of(results.get(mainRun(s, depth, balanced)));
                if (r.diverged()) warnings.add("trajectory: the " + kind + " run at depth " + depth + " diverged: " + r.json().get("divergence").asText());
                loss.add(logLog(Series.Style.LINE, "net N=" + depth, r.step(), r.networkExcess()));
                loss.add(logLog(Series.Style.DASHED, "e2e N=" + depth, r.step(), r.dynamicsExcess()));
                distance.add(logLog(Series.Style.LINE, "N=" + depth, r.step(), r.distance()));
                imbalance.add(logLog(Series.Style.LINE, "N=" + depth, r.step(), r.imbalance()));
                String key = kind + "N" + depth;
                values.put(key + "MaxDistance", Format.sig(r.maxDistance(), 2));
                values.put(key + "MaxDistanceStep", Format.integer((long) r.stepOfMaxDistance()));
                values.put(key + "FinalDistance", Format.sig(last(r.distance()), 2));
                values.put(key + "InitialImbalance", Format.sig(r.imbalance()[0], 2));
                values.put(key + "FinalImbalance", Format.sig(last(r.imbalance()), 2));
                values.put(key + "InitialNorm", Format.sig(frobenius(r.json().get("series").get("networkEndToEnd").get(0)), 2));
                values.put(key + "FinalNetworkExcess", Format.sig(last(r.networkExcess()), 2));
                values.put(key + "FinalDynamicsExcess", Format.sig(last(r.dynamicsExcess()), 2));
                values.put(key + "EscapeStep", Format.integer(escapeStep(r)));
            }
            Axis step = Axis.log("step");
            figures.put(kind, new Figure(List.of(
                    new Panel("loss", "excess loss L − L*", step, Axis.log("L − L*"), loss),
                    new Panel("distance", "distance between the end-to-end matrices", step, Axis.log("‖W_net − W_dyn‖_F"), distance),
                    new Panel("imbalance", "imbalance of the network", step, Axis.log("max_j ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖_F"), imbalance))));
        }
    }

    /** The first recorded step at which the network's loss has fallen halfway from its start to the optimum. */
    private static long escapeStep(Run r) {
        double half = r.optimalLoss() + 0.5 * (r.networkLoss()[0] - r.optimalLoss());
        for (int i = 0; i < r.step().length; i++) if (r.networkLoss()[i] <= half) return (long) r.step()[i];
        return -1;
    }

    private void convergenceFigure(Settings s, Map<RunRequest, JsonNode> results, Map<String, Figure> figures,
                                   Map<String, String> values, List<String> warnings) {
        List<Series> byRate = new ArrayList<>();
        String[] keys = {"balancedN2", "balancedN3", "unbalancedN2"};
        List<Curve> curves = convergenceCurves(s);
        double[] rates = s.convergenceRates().stream().mapToDouble(Double::doubleValue).toArray();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            double[] max = new double[rates.length];
            for (int k = 0; k < rates.length; k++) {
                Run r = Run.of(results.get(convergenceRun(s, curve.depth(), curve.init(), curve.scale(), rates[k])));
                if (r.diverged()) warnings.add("trajectory: convergence run " + curve.label() + ", η = " + rates[k] + " diverged");
                max[k] = r.maxDistance();
                values.put(keys[c] + "MaxDistanceAtRate" + k, Format.sig(max[k], 2));
            }
            double slope = slope(rates, max);
            values.put(keys[c] + "Slope", Format.sig(slope, 3));
            values.put(keys[c] + "MaxDistanceSmallestRate", Format.sig(max[0], 2));
            values.put(keys[c] + "MaxDistanceLargestRate", Format.sig(max[max.length - 1], 2));
            byRate.add(new Series(curve.label() + ": slope " + Format.sig(slope, 2), rates, max, null, null,
                    Series.Style.LINE_MARKERS));
        }
        values.put("rateCount", Integer.toString(rates.length));
        values.put("smallestRate", Format.sig(rates[0], 2));
        values.put("largestRate", Format.sig(rates[rates.length - 1], 2));
        values.put("smallestRateSteps", Format.integer(s.steps(rates[0])));
        values.put("largestRateSteps", Format.integer(s.steps(rates[rates.length - 1])));
        values.put("rates", joinReals(s.convergenceRates()));

        List<Series> byImbalance = new ArrayList<>();
        double[] scales = s.imbalanceScales().stream().mapToDouble(Double::doubleValue).toArray();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        List<Double> imbalanceRates = s.imbalanceRates();
        double[][] imbalances = new double[imbalanceRates.size()][scales.length];
        double[][] distances = new double[imbalanceRates.size()][scales.length];
        for (int e = 0; e < imbalanceRates.size(); e++) {
            for (int k = 0; k < scales.length; k++) {
                Run r = Run.of(results.get(convergenceRun(s, 2, "xavier", scales[k], imbalanceRates.get(e))));
                imbalances[e][k] = r.imbalance()[0];
                distances[e][k] = r.maxDistance();
                lo = Math.min(lo, imbalances[e][k]);
                hi = Math.max(hi, imbalances[e][k]);
                values.put("imbalanceRate" + e + "Scale" + k + "MaxDistance", Format.sig(distances[e][k], 2));
                values.put("imbalanceScale" + k + "Imbalance", Format.sig(imbalances[e][k], 2));
            }
            values.put("imbalanceRate" + e + "FirstScaleMaxDistance", Format.sig(distances[e][0], 2));
            values.put("imbalanceRate" + e + "LastScaleMaxDistance", Format.sig(distances[e][scales.length - 1], 2));
        }
        for (int e = 0; e < imbalanceRates.size(); e++) {
            String eta = Format.sig(imbalanceRates.get(e), 2);
            byImbalance.add(new Series("Xavier η=" + eta, imbalances[e], distances[e], null, null, Series.Style.LINE_MARKERS));
            Run balanced = Run.of(results.get(convergenceRun(s, 2, "balanced", s.initScale(), imbalanceRates.get(e))));
            double b = balanced.maxDistance();
            values.put("imbalanceRate" + e, eta);
            values.put("imbalanceRate" + e + "BalancedMaxDistance", Format.sig(b, 2));
            byImbalance.add(Series.dashed("bal. η=" + eta, new double[] {lo, hi}, new double[] {b, b}));
        }
        values.put("imbalanceScales", joinReals(s.imbalanceScales()));
        values.put("imbalanceSmallestScale", Format.sig(scales[0], 2));
        values.put("imbalanceLargestScale", Format.sig(scales[scales.length - 1], 2));
        values.put("imbalanceSmallest", Format.sig(lo, 2));
        values.put("imbalanceLargest", Format.sig(hi, 2));
        figures.put("convergence", new Figure(List.of(
                new Panel("rate", "largest distance against the learning rate (η·steps = " + Format.sig(s.horizon(), 3) + ")",
                        Axis.log("learning rate η"), Axis.log("max over the run of ‖W_net − W_dyn‖_F"), byRate),
                new Panel("imbalance", "largest distance against the initial imbalance (N = 2)",
                        Axis.log("initial imbalance ‖W₂ᵀW₂ − W₁W₁ᵀ‖_F"), Axis.log("max over the run of ‖W_net − W_dyn‖_F"), byImbalance))));
    }

    private void multiOutputFigure(Settings s, Map<RunRequest, JsonNode> results, Map<String, Figure> figures,
                                   Map<String, String> values, List<String> warnings) {
        List<Series> loss = new ArrayList<>(), distance = new ArrayList<>();
        for (int depth : s.multiDepths()) {
            Run r = Run.of(results.get(multiOutputRun(s, depth)));
            if (r.diverged()) warnings.add("trajectory: the Linnerud run at depth " + depth + " diverged");
            loss.add(logLog(Series.Style.LINE, "net N=" + depth, r.step(), r.networkExcess()));
            loss.add(logLog(Series.Style.DASHED, "e2e N=" + depth, r.step(), r.dynamicsExcess()));
            distance.add(logLog(Series.Style.LINE, "distance N=" + depth, r.step(), r.distance()));
            distance.add(logLog(Series.Style.DASHED, "imbalance N=" + depth, r.step(), r.imbalance()));
            String key = "multiN" + depth;
            values.put(key + "MaxDistance", Format.sig(r.maxDistance(), 2));
            values.put(key + "FinalDistance", Format.sig(last(r.distance()), 2));
            values.put(key + "FinalNetworkExcess", Format.sig(last(r.networkExcess()), 2));
            values.put(key + "FinalDynamicsExcess", Format.sig(last(r.dynamicsExcess()), 2));
            JsonNode matrices = r.json().get("series").get("dynamicsEndToEnd");
            double[] sv = singularValues(Json.toMatrix(matrices.get(matrices.size() - 1)));
            values.put(key + "SingularValues", joinSig(sv));
            if (depth == s.multiDepths().get(0)) {
                JsonNode d = r.json().get("dataset");
                values.put("multiSamples", Integer.toString(d.get("x").size()));
                values.put("multiOptimalLoss", Format.sig(r.optimalLoss(), 4));
                values.put("multiInitialLoss", Format.sig(r.networkLoss()[0], 3));
                values.put("multiInputs", String.join(", ", texts(d.get("inputColumns"))));
                values.put("multiTargets", String.join(", ", texts(d.get("targetColumns"))));
                values.put("multiOptimalSingularValues", joinSig(singularValues(Json.toMatrix(r.json().get("optimalEndToEnd")))));
            }
        }
        values.put("multiSteps", Format.integer(s.multiSteps()));
        values.put("multiHorizon", Format.sig(s.multiSteps() * s.learningRate(), 3));
        values.put("multiDepths", joinInts(s.multiDepths()));
        figures.put("multioutput", new Figure(List.of(
                new Panel("loss", "Linnerud (3 outputs): excess loss", Axis.log("step"), Axis.log("L − L*"), loss),
                new Panel("distance", "Linnerud: distance and imbalance", Axis.log("step"), Axis.log("Frobenius norm"), distance))));
    }

    private void acceleration(Settings s, Map<RunRequest, JsonNode> results, Map<String, Figure> figures,
                              Map<String, Table> tables, Map<String, String> values) {
        List<Panel> panels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>(), gridRows = new ArrayList<>();
        List<String> gridHeader = new ArrayList<>(List.of("loss", "depth"));
        for (double eta : s.accelerationRates()) gridHeader.add("η = " + Format.sig(eta, 2));
        double target = s.excessTarget();
        for (String loss : LOSSES) {
            List<Series> curves = new ArrayList<>();
            Map<Integer, Integer> stepsByDepth = new HashMap<>();
            for (int depth : ACCELERATION_DEPTHS) {
                Run best = null;
                double bestRate = Double.NaN;
                List<String> gridRow = new ArrayList<>(List.of(loss, Integer.toString(depth)));
                List<String> stable = new ArrayList<>();
                for (double eta : s.accelerationRates()) {
                    Run r = Run.of(results.get(accelerationRun(s, loss, depth, eta)));
                    if (r.diverged()) {
                        gridRow.add("diverged");
                        continue;
                    }
                    stable.add(Format.sig(eta, 2));
                    gridRow.add(Format.sig(last(r.networkExcess()), 2));
                    if (best == null || better(r, best, target)) {
                        best = r;
                        bestRate = eta;
                    }
                }
                gridRows.add(gridRow);
                String key = "acc" + loss.toUpperCase() + "N" + depth;
                if (best == null) {
                    rows.add(List.of(loss, Integer.toString(depth), "none stable", "—", "—", "—", "—"));
                    values.put(key + "Rate", "none");
                    values.put(key + "Steps", "never");
                    values.put(key + "DynamicsSteps", "never");
                    continue;
                }
                double[] x = best.step();
                curves.add(logY(Series.Style.LINE,
                        depth == 1 ? "N=1 GD η=" + Format.sig(bestRate, 2)
                                : "N=" + depth + " net η=" + Format.sig(bestRate, 2), x, best.networkExcess()));
                if (depth > 1)
                    curves.add(logY(Series.Style.DASHED, "N=" + depth + " e2e", x, best.dynamicsExcess()));
                int steps = best.stepsToReach(best.networkExcess(), target);
                int dynamicsSteps = best.stepsToReach(best.dynamicsExcess(), target);
                stepsByDepth.put(depth, steps);
                rows.add(List.of(loss, Integer.toString(depth), Format.sig(bestRate, 2), String.join(", ", stable),
                        steps < 0 ? "not reached" : Format.integer(steps),
                        depth == 1 ? "(same)" : dynamicsSteps < 0 ? "not reached" : Format.integer(dynamicsSteps),
                        Format.sig(last(best.networkExcess()), 2)));
                values.put(key + "Rate", Format.sig(bestRate, 2));
                values.put(key + "Steps", steps < 0 ? "never" : Format.integer(steps));
                values.put(key + "DynamicsSteps", dynamicsSteps < 0 ? "never" : Format.integer(dynamicsSteps));
                values.put(key + "FinalExcess", Format.sig(last(best.networkExcess()), 2));
                values.put(key + "MaxDistance", Format.sig(best.maxDistance(), 2));
                values.put(key + "LargestStableRate", stable.get(stable.size() - 1));
                if (depth == 1) values.put("acc" + loss.toUpperCase() + "OptimalLoss", Format.sig(best.optimalLoss(), 4));
            }
            // depth 1 steps over the fastest deeper network's: above 1 means depth helped
            int shallow = stepsByDepth.getOrDefault(1, -1);
            int deep = stepsByDepth.entrySet().stream().filter(e -> e.getKey() > 1 && e.getValue() >= 0)
                    .mapToInt(Map.Entry::getValue).min().orElse(-1);
            values.put("acc" + loss.toUpperCase() + "Speedup", shallow > 0 && deep > 0 ? Format.sig((double) shallow / deep, 2) : "n/a");
            panels.add(new Panel(loss, (loss.equals("l2") ? "ℓ2 loss" : "ℓ4 loss") + ", each depth at its best rate",
                    Axis.linear("step"), Axis.log("L − L*"), curves));
        }
        values.put("accelerationRates", joinReals(s.accelerationRates()));
        values.put("accelerationSteps", Format.integer(s.accelerationSteps()));
        values.put("excessTarget", Format.sig(target, 2));
        figures.put("acceleration", new Figure(panels));
        tables.put("acceleration", new Table(List.of("loss", "depth N", "chosen η", "stable η in the grid",
                "steps to L − L* ≤ " + Format.sig(target, 2) + " (network)", "same, end-to-end dynamics", "L − L* after the budget"), rows));
        tables.put("rates", new Table(gridHeader, gridRows));
    }

    /**
     * The selection rule for "best stable rate": among runs that did not diverge, the one whose network gets below
     * the excess-loss target first and stays there to the end of the budget; if neither does, the lower final loss.
     */
    private static boolean better(Run candidate, Run incumbent, double target) {
        int a = candidate.stepsToReach(candidate.networkExcess(), target);
        int b = incumbent.stepsToReach(incumbent.networkExcess(), target);
        if (a >= 0 && b >= 0) return a < b;
        if (a >= 0 || b >= 0) return a >= 0;
        return last(candidate.networkLoss()) < last(incumbent.networkLoss());
    }

    // ---------------------------------------------------------------- helpers

    /** A log-log series: step 0 and non-positive values cannot be drawn on logarithmic axes and are left out. */
    private static Series logLog(Series.Style style, String name, double[] x, double[] y) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (x[i] > 0 && y[i] > 0 && Double.isFinite(y[i])) points.add(new double[] {x[i], y[i]});
        return series(style, name, points);
    }

    private static Series logY(Series.Style style, String name, double[] x, double[] y) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (y[i] > 0 && Double.isFinite(y[i])) points.add(new double[] {x[i], y[i]});
        return series(style, name, points);
    }

    private static Series series(Series.Style style, String name, List<double[]> points) {
        double[] x = new double[points.size()], y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Series(name, x, y, null, null, style);
    }

    /** Least-squares slope of log y against log x. */
    static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (Math.log(x[i]) - mx) * (Math.log(y[i]) - my);
            sxx += (Math.log(x[i]) - mx) * (Math.log(x[i]) - mx);
        }
        return sxy / sxx;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }

    private static double last(double[] v) { return v[v.length - 1]; }

    private static double frobenius(JsonNode matrix) {
        double s = 0;
        for (JsonNode row : matrix) for (JsonNode v : row) s += v.asDouble() * v.asDouble();
        return Math.sqrt(s);
    }

    private static double[] singularValues(DMatrixRMaj m) {
        double[] sv = SingularOps_DDRM.singularValues(m);
        java.util.Arrays.sort(sv);
        double[] descending = new double[sv.length];
        for (int i = 0; i < sv.length; i++) descending[i] = sv[sv.length - 1 - i];
        return descending;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) out.add(v.asText());
        return out;
    }

    private static String joinSig(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) parts.add(Format.sig(x, 3));
        return String.join(", ", parts);
    }

    private static String joinReals(List<Double> v) {
        return String.join(", ", v.stream().map(x -> Format.sig(x, 2)).toList());
    }

    private static String joinInts(List<Integer> v) {
        return String.join(", ", v.stream().map(String::valueOf).toList());
    }
}
