package org.optreport.report.trajectory;

import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.integers;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.reals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.experiment.DatasetParameters;
import org.optreport.experiment.RunRequest;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.study.StudyConfig;
import org.optreport.report.study.StudyDataset;
import org.optreport.results.TrajectoryResult;

/** The trajectory study's settings and the runs planned from them, whose handles the analysis reads results with. */
final class TrajectoryRuns {
    private TrajectoryRuns() {}

    /**
     * Recorded steps per run (log-spaced): the end-to-end matrices and the imbalance. The losses and the distance are
     * traced at every step in the experiment's default number of buckets.
     */
    static final int RECORDS = 200;

    /** Every setting, read once so that runs() and analyze() agree. */
    record Settings(StudyDataset data, double horizon, double learningRate, double initScale, double xavierScale, int width,
                            List<Integer> depths, List<Double> convergenceRates, List<Double> imbalanceScales,
                            List<Double> imbalanceRates, List<Integer> multiDepths, int multiSteps, long seed,
                            double latePhaseRate, int latePhaseSteps) {
        int steps(double eta) { return (int) Math.max(1, Math.round(horizon / eta)); }

        static final Setting<Double> HORIZON = Setting.of("horizon", real(openClosed(0, 1e6)), 40.0,
                "time horizon eta x steps: a run at rate eta takes horizon / eta steps");
        static final Setting<Double> LEARNING_RATE = Setting.of("learningRate", real(openClosed(0, 10)), 0.005,
                "learning rate of the main and multi-output runs").withQuickDefault(0.01);
        static final Setting<Double> INIT_SCALE = Setting.of("initScale", real(openClosed(0, 100)), 1e-3,
                "end-to-end norm of the balanced initializations");
        static final Setting<Double> XAVIER_SCALE = Setting.of("xavierScale", real(openClosed(0, 100)), 0.3,
                "factor on the Xavier std of the unbalanced initialization");
        static final Setting<Integer> WIDTH = Setting.of("width", integer(1, 1000), 10, "hidden width");
        static final Setting<List<Integer>> DEPTHS = Setting.of("depths", integers(2, 10), List.of(2, 3, 4), "depths of the main runs");
        static final Setting<List<Double>> CONVERGENCE_RATES = Setting.of("convergenceRates", reals(openClosed(0, 10)),
                List.of(0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1), "learning rates of the distance-against-rate runs")
                .withQuickDefault(List.of(0.004, 0.01, 0.02, 0.04, 0.1));
        static final Setting<List<Double>> IMBALANCE_SCALES = Setting.of("imbalanceScales", reals(openClosed(0, 100)),
                List.of(0.03, 0.1, 0.3, 1.0), "Xavier factors of the distance-against-imbalance runs").withQuickDefault(List.of(0.1, 0.3, 1.0));
        static final Setting<List<Double>> IMBALANCE_RATES = Setting.of("imbalanceRates", reals(openClosed(0, 10)), List.of(0.002, 0.02),
                "learning rates of the distance-against-imbalance runs").withQuickDefault(List.of(0.01, 0.04));
        static final Setting<List<Integer>> MULTI_OUTPUT_DEPTHS = Setting.of("multiOutputDepths", integers(2, 10), List.of(2, 3),
                "depths of the multi-output runs (Linnerud)");
        static final Setting<Integer> MULTI_OUTPUT_STEPS = Setting.of("multiOutputSteps", integer(10, 10_000_000), 20_000,
                "steps of the multi-output runs").withQuickDefault(8000);
        static final Setting<Integer> SEED = Setting.of("seed", integer(0, Integer.MAX_VALUE), 1, "seed of every random initialization");
        static final Setting<Double> LATE_PHASE_RATE = Setting.of("latePhaseRate", real(openClosed(0, 0.45)), 0.2,
                "learning rate of the late-phase runs (l2, depths 1-3); below 2 / lambda_max(C), depth 1's stability limit");
        static final Setting<Integer> LATE_PHASE_STEPS = Setting.of("latePhaseSteps", integer(100, 10_000_000), 6000,
                "steps of the late-phase runs; the rate is measured over the second half");
        static final List<Setting<?>> ALL = List.of(DatasetParameters.DATASET, DatasetParameters.INPUTS, DatasetParameters.TARGETS, HORIZON, LEARNING_RATE, INIT_SCALE, XAVIER_SCALE, WIDTH, DEPTHS, CONVERGENCE_RATES,
                IMBALANCE_SCALES, IMBALANCE_RATES, MULTI_OUTPUT_DEPTHS, MULTI_OUTPUT_STEPS, SEED, LATE_PHASE_RATE, LATE_PHASE_STEPS);
    }

    static Settings settings(StudyConfig c) {
        return new Settings(StudyDataset.read(c, DatasetParameters.STANDARD), c.get(Settings.HORIZON), c.get(Settings.LEARNING_RATE), c.get(Settings.INIT_SCALE), c.get(Settings.XAVIER_SCALE),
                c.get(Settings.WIDTH), c.get(Settings.DEPTHS), c.get(Settings.CONVERGENCE_RATES), c.get(Settings.IMBALANCE_SCALES),
                c.get(Settings.IMBALANCE_RATES), c.get(Settings.MULTI_OUTPUT_DEPTHS), c.get(Settings.MULTI_OUTPUT_STEPS),
                c.get(Settings.SEED),
                c.get(Settings.LATE_PHASE_RATE), c.get(Settings.LATE_PHASE_STEPS));
    }

    /**
     * Adds every run the analysis reads to {@code runs}, in the order the build used to list them, and returns their
     * handles.
     */
    static TrajectoryPlan plan(Settings s, RunPlan runs) {
        Handles handles = new Handles(runs);
        Map<Integer, Run<TrajectoryResult>> balanced = new HashMap<>(), unbalanced = new HashMap<>();
        for (int depth : s.depths()) {
            balanced.put(depth, handles.add(mainRun(s, depth, true)));
            unbalanced.put(depth, handles.add(mainRun(s, depth, false)));
        }
        List<TrajectoryPlan.RateSweep> convergence = new ArrayList<>();
        for (Curve c : convergenceCurves(s)) {
            List<Run<TrajectoryResult>> byRate = new ArrayList<>();
            for (double eta : s.convergenceRates()) byRate.add(handles.add(convergenceRun(s, c.depth(), c.init(), c.scale(), eta)));
            convergence.add(new TrajectoryPlan.RateSweep(c, byRate));
        }
        List<TrajectoryPlan.ImbalanceSweep> imbalance = new ArrayList<>();
        for (double eta : s.imbalanceRates()) {
            Run<TrajectoryResult> balancedAtRate = handles.add(convergenceRun(s, 2, "balanced", s.initScale(), eta));
            List<Run<TrajectoryResult>> byScale = new ArrayList<>();
            for (double scale : s.imbalanceScales()) byScale.add(handles.add(convergenceRun(s, 2, "xavier", scale, eta)));
            imbalance.add(new TrajectoryPlan.ImbalanceSweep(eta, balancedAtRate, byScale));
        }
        Map<Integer, Run<TrajectoryResult>> multiOutput = new HashMap<>();
        for (int depth : s.multiDepths()) multiOutput.put(depth, handles.add(multiOutputRun(s, depth)));
        Map<Integer, Run<TrajectoryResult>> latePhase = new HashMap<>();
        for (int depth : LATE_PHASE_DEPTHS)
            latePhase.put(depth, handles.add(run(s, s.data(), depth, s.width(), "balanced", s.initScale(), "l2", s.latePhaseRate(),
                    s.latePhaseSteps())));
        return new TrajectoryPlan(s, balanced, unbalanced, convergence, imbalance, multiOutput, latePhase);
    }

    /**
     * Adds each distinct request once (a balanced run of the convergence sweep can also be a main run), so its result
     * is read once.
     */
    private static final class Handles {
        private final RunPlan runs;
        private final Map<RunRequest, Run<TrajectoryResult>> added = new HashMap<>();

        Handles(RunPlan runs) { this.runs = runs; }

        Run<TrajectoryResult> add(RunRequest r) {
            return added.computeIfAbsent(r, k -> runs.add(TrajectoryResult.class, k.experiment(), k.parameters()));
        }
    }

    private static RunRequest run(Settings s, StudyDataset dataset, int depth, int width, String init, double scale,
                                  String loss, double eta, int steps) {
        return RunRequest.of("trajectory", parameters(s, dataset, depth, width, init, scale, loss, eta, steps));
    }

    private static Map<String, String> parameters(Settings s, StudyDataset dataset, int depth, int width, String init, double scale,
                                                  String loss, double eta, int steps) {
        Map<String, String> p = new TreeMap<>();
        dataset.addTo(p);
        p.put("samples", "all");
        p.put("depth", Integer.toString(depth));
        p.put("width", Integer.toString(width));
        p.put("init", init);
        p.put("initScale", Double.toString(scale));
        p.put("loss", loss);
        p.put("learningRate", Double.toString(eta));
        p.put("steps", Integer.toString(steps));
        p.put("seed", Long.toString(s.seed()));
        p.put("records", Integer.toString(RECORDS));
        return p;
    }

    private static RunRequest mainRun(Settings s, int depth, boolean balanced) {
        return run(s, s.data(), depth, s.width(), balanced ? "balanced" : "xavier", balanced ? s.initScale() : s.xavierScale(),
                "l2", s.learningRate(), s.steps(s.learningRate()));
    }

    private static RunRequest convergenceRun(Settings s, int depth, String init, double scale, double eta) {
        return run(s, s.data(), depth, s.width(), init, scale, "l2", eta, s.steps(eta));
    }

    private static RunRequest multiOutputRun(Settings s, int depth) {
        return run(s, MULTI_OUTPUT_DATA, depth, 3, "balanced", s.initScale(), "l2", s.learningRate(), s.multiSteps());
    }

    /** The multi-output runs' data, whatever report.yaml's dataset: three targets of three inputs. */
    private static final StudyDataset MULTI_OUTPUT_DATA = StudyDataset.bundled("linnerud");

    /** The convergence study's curves: label, depth, init, scale. */
    record Curve(String label, int depth, String init, double scale) {}

    static List<Curve> convergenceCurves(Settings s) {
        return List.of(new Curve("balanced N=2", 2, "balanced", s.initScale()),
                new Curve("balanced N=3", 3, "balanced", s.initScale()),
                new Curve("Xavier N=2", 2, "xavier", s.xavierScale()));
    }

    static final List<Integer> LATE_PHASE_DEPTHS = List.of(1, 2, 3);
}
