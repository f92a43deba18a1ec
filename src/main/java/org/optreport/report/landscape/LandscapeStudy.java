package org.optreport.report.landscape;

import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.integers;
import static org.optreport.experiment.settings.SettingType.real;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.optreport.experiment.DatasetParameters;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.Figure;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.report.study.StudyDataset;
import org.optreport.results.LandscapeResult;

/**
 * Part 2: loss, gradient norm and extreme Hessian eigenvalues of deep linear networks of several depths trained by
 * gradient descent on the diabetes data, over several seeds (median and min..max band), checked against the
 * least-squares optimum, the depth-2 saddle at the origin and the sharpness predicted at the reached minimum;
 * plus a wide configuration (Lanczos path) with the same figures.
 */
public final class LandscapeStudy implements Study<LandscapeStudy.Plan> {
    static final String MAIN = "main", LARGE = "large";

    @Override public String name() { return "landscape"; }

    /** The settings of both configurations, read once (and all of them, so typos in report.yaml are caught). */
    private record Settings(StudyDataset data, List<Integer> depths, int seeds, int width, int steps, int records, double fraction, double initScale,
                            List<Integer> largeDepths, int largeSeeds, int largeWidth, int largeSteps, int largeRecords) {
        static final Setting<List<Integer>> DEPTHS = Setting.of("depths", integers(1, 16), List.of(2, 3, 4), "network depths N");
        static final Setting<Integer> SEEDS = Setting.of("seeds", integer(1, 100), 5, "seeds per depth").withQuickDefault(2);
        static final Setting<Integer> WIDTH = Setting.of("width", integer(1, 10_000), 10, "hidden width");
        static final Setting<Integer> STEPS = Setting.of("steps", integer(1, 10_000_000), 20_000, "gradient-descent steps")
                .withQuickDefault(12_000);
        static final Setting<Integer> RECORDS = Setting.of("records", integer(2, 10_000), 30,
                "log-spaced floor of the Hessian records; more are added where the loss moves").withQuickDefault(15);
        static final Setting<Double> LEARNING_RATE_FRACTION = Setting.of("learningRateFraction", real(openClosed(0, 100)), 0.5,
                "learning rate = fraction / lambda_max(X^T X / n)");
        static final Setting<Double> INIT_SCALE = Setting.of("initScale", real(openClosed(0, 100)), 0.01, "std of the Gaussian initial entries");
        static final Setting<List<Integer>> LARGE_DEPTHS = Setting.of("largeDepths", integers(1, 16), List.of(3, 4),
                "depths of the wide configuration").withQuickDefault(List.of(4));
        static final Setting<Integer> LARGE_SEEDS = Setting.of("largeSeeds", integer(1, 100), 1, "seeds per depth of the wide configuration");
        static final Setting<Integer> LARGE_WIDTH = Setting.of("largeWidth", integer(1, 10_000), 100, "hidden width of the wide configuration")
                .withQuickDefault(30);
        static final Setting<Integer> LARGE_STEPS = Setting.of("largeSteps", integer(1, 10_000_000), 10_000, "steps of the wide configuration")
                .withQuickDefault(8000);
        static final Setting<Integer> LARGE_RECORDS = Setting.of("largeRecords", integer(2, 10_000), 15,
                "floor of the Hessian records of the wide configuration").withQuickDefault(10);
        static final List<Setting<?>> ALL = List.of(DatasetParameters.DATASET, DatasetParameters.INPUTS, DatasetParameters.TARGETS, DEPTHS, SEEDS, WIDTH, STEPS, RECORDS, LEARNING_RATE_FRACTION, INIT_SCALE,
                LARGE_DEPTHS, LARGE_SEEDS, LARGE_WIDTH, LARGE_STEPS, LARGE_RECORDS);

        static Settings of(StudyConfig c) {
            return new Settings(StudyDataset.read(c, DatasetParameters.STANDARD), c.get(DEPTHS), c.get(SEEDS), c.get(WIDTH), c.get(STEPS), c.get(RECORDS), c.get(LEARNING_RATE_FRACTION),
                    c.get(INIT_SCALE), c.get(LARGE_DEPTHS), c.get(LARGE_SEEDS), c.get(LARGE_WIDTH), c.get(LARGE_STEPS), c.get(LARGE_RECORDS));
        }
    }

    @Override public List<Setting<?>> settings() { return Settings.ALL; }

    /** The planned runs of one configuration: by depth (increasing), each depth's runs in seed order (1, 2, ...). */
    public record Configuration(int seeds, SortedMap<Integer, List<Run<LandscapeResult>>> byDepth) {}

    /** What analyze reads: the runs of the main (width 10) and the large (wide, Lanczos) configuration. */
    public record Plan(Configuration main, Configuration large) {}

    @Override public Plan plan(StudyConfig config, RunPlan runs) {
        Settings s = Settings.of(config);
        return new Plan(configuration(runs, s.depths(), s.seeds(), s.width(), s.steps(), s.records(), s, false),
                configuration(runs, s.largeDepths(), s.largeSeeds(), s.largeWidth(), s.largeSteps(), s.largeRecords(), s, true));
    }

    /** The requests the study plans on {@code config}, in order. */
    public List<RunRequest> runs(StudyConfig config) {
        RunPlan runs = new RunPlan();
        plan(config, runs);
        return runs.requests();
    }

    private static Configuration configuration(RunPlan runs, List<Integer> depths, int seeds, int width, int steps, int records,
                                               Settings s, boolean wide) {
        SortedMap<Integer, List<Run<LandscapeResult>>> byDepth = new TreeMap<>();
        for (int depth : depths) {
            List<Run<LandscapeResult>> bySeed = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++)
                bySeed.add(runs.add(LandscapeResult.class, "landscape", parameters(depth, seed, width, steps, records, s, wide)));
            byDepth.put(depth, bySeed);
        }
        return new Configuration(seeds, byDepth);
    }

    /**
     * The wide runs' spectral records come from Lanczos, ten times dearer than the dense ones: a coarser adaptive rule
     * (a record per 5% of the loss's fall or a factor 4 of the gradient norm, at most 40 beyond the floor) still
     * puts about ten records into the escape.
     */
    private static final Map<String, String> WIDE_SPECTRAL_RULE = Map.of("spectralLossStep", "0.05", "spectralGradientFactor", "4",
            "maxAdaptiveRecords", "40");

    private static Map<String, String> parameters(int depth, int seed, int width, int steps, int records, Settings s, boolean wide) {
        Map<String, String> p = new HashMap<>();
        if (wide) p.putAll(WIDE_SPECTRAL_RULE);
        s.data().addTo(p);
        p.put("depth", Integer.toString(depth));
        p.put("width", Integer.toString(width));
        p.put("steps", Integer.toString(steps));
        p.put("records", Integer.toString(records));
        p.put("learningRateFraction", Double.toString(s.fraction()));
        p.put("learningRate", "auto");
        p.put("init", "gaussian");
        p.put("initScale", Double.toString(s.initScale()));
        p.put("seed", Integer.toString(seed));
        return p;
    }

    @Override public StudyOutput analyze(Plan plan, RunResults results) {
        Map<Integer, List<LandscapeResult>> main = read(plan.main(), results), large = read(plan.large(), results);
        List<String> warnings = new ArrayList<>();
        checkRuns(main, warnings);
        checkRuns(large, warnings);

        LandscapeResult any = main.values().iterator().next().get(0);
        LandscapeResult.LeastSquares ls = any.leastSquares();
        double optimal = ls.optimalLoss();
        double eta = any.learningRate();
        double saddle = ls.saddleCurvature();

        LandscapeCharts charts = new LandscapeCharts(optimal, eta, saddle);
        Map<String, Figure> figures = new HashMap<>();
        figures.put("loss", charts.lossFigure(main));
        figures.put("gradient", Figure.of(charts.gradientPanel(main, "gradient")));
        figures.put("lambdaMin", charts.lambdaMinFigure(main));
        figures.put("lambdaMax", charts.lambdaMaxFigure(main));
        Map<String, Table> tables = Map.of("results", LandscapeSummary.table(main, large, optimal));
        LandscapeSummary.Quoted quoted = LandscapeSummary.quoted(main, large, plan.main().seeds(), plan.large().seeds());
        // the wide runs' Lanczos records below half the main runs' |lambda_min| / ||grad|| are marked as unresolved
        figures.put("large", charts.largeFigure(large, Math.abs(quoted.numbers().get("lastPhaseLambdaMinGradientRatioMax")) / 2));
        return new StudyOutput(figures, tables, quoted.values(), quoted.numbers(), warnings);
    }

    /** The results of one configuration, by depth, each list in seed order. */
    private static Map<Integer, List<LandscapeResult>> read(Configuration configuration, RunResults results) {
        Map<Integer, List<LandscapeResult>> byDepth = new TreeMap<>();
        configuration.byDepth().forEach((depth, runs) -> byDepth.put(depth, results.get(runs)));
        return byDepth;
    }

    private static void checkRuns(Map<Integer, List<LandscapeResult>> runs, List<String> warnings) {
        for (List<LandscapeResult> list : runs.values())
            for (LandscapeResult r : list) {
                String what = "landscape run depth " + r.depth() + ", width " + r.widths()[1] + ", seed " + r.seed();
                if (r.diverged()) warnings.add(what + " diverged: " + r.divergence());
                else if (Double.isInfinite(LandscapeSummary.steps(r, "1e-6")))
                    warnings.add(what + " did not reach a relative excess loss of 1e-6 in " + r.steps() + " steps");
            }
    }
}
