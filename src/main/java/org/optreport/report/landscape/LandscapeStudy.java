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
import java.util.TreeMap;
import org.optreport.experiment.Json;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.Figure;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;

/**
 * Part 2: loss, gradient norm and extreme Hessian eigenvalues of deep linear networks of several depths trained by
 * gradient descent on the diabetes data, over several seeds (median and min..max band), checked against the
 * least-squares optimum, the depth-2 saddle at the origin and the sharpness predicted at the reached minimum;
 * plus a wide configuration (Lanczos path) with the same figures.
 */
public final class LandscapeStudy implements Study {
    static final String MAIN = "main", LARGE = "large";

    @Override public String name() { return "landscape"; }

    /** The settings of both configurations, read once (and all of them, so typos in report.yaml are caught). */
    private record Settings(List<Integer> depths, int seeds, int width, int steps, int records, double fraction, double initScale,
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
        static final List<Setting<?>> ALL = List.of(DEPTHS, SEEDS, WIDTH, STEPS, RECORDS, LEARNING_RATE_FRACTION, INIT_SCALE,
                LARGE_DEPTHS, LARGE_SEEDS, LARGE_WIDTH, LARGE_STEPS, LARGE_RECORDS);

        static Settings of(StudyConfig c) {
            return new Settings(c.get(DEPTHS), c.get(SEEDS), c.get(WIDTH), c.get(STEPS), c.get(RECORDS), c.get(LEARNING_RATE_FRACTION),
                    c.get(INIT_SCALE), c.get(LARGE_DEPTHS), c.get(LARGE_SEEDS), c.get(LARGE_WIDTH), c.get(LARGE_STEPS), c.get(LARGE_RECORDS));
        }
    }

    @Override public List<Setting<?>> settings() { return Settings.ALL; }

    @Override public List<RunRequest> runs(StudyConfig config) {
        Settings s = Settings.of(config);
        List<RunRequest> runs = new ArrayList<>();
        for (int depth : s.depths())
            for (int seed = 1; seed <= s.seeds(); seed++) runs.add(request(depth, seed, s.width(), s.steps(), s.records(), s, false));
        for (int depth : s.largeDepths())
            for (int seed = 1; seed <= s.largeSeeds(); seed++) runs.add(request(depth, seed, s.largeWidth(), s.largeSteps(), s.largeRecords(), s, true));
        return runs;
    }

    /**
     * The wide runs' spectral records come from Lanczos, ten times dearer than the dense ones: a coarser adaptive rule
     * (a record per 5% of the loss's fall or a factor 4 of the gradient norm, at most 40 beyond the floor) still
     * puts about ten records into the escape.
     */
    private static final Map<String, String> WIDE_SPECTRAL_RULE = Map.of("spectralLossStep", "0.05", "spectralGradientFactor", "4",
            "maxAdaptiveRecords", "40");

    private static RunRequest request(int depth, int seed, int width, int steps, int records, Settings s, boolean wide) {
        Map<String, String> p = new HashMap<>();
        if (wide) p.putAll(WIDE_SPECTRAL_RULE);
        p.put("dataset", "diabetes");
        p.put("depth", Integer.toString(depth));
        p.put("width", Integer.toString(width));
        p.put("steps", Integer.toString(steps));
        p.put("records", Integer.toString(records));
        p.put("learningRateFraction", Double.toString(s.fraction()));
        p.put("learningRate", "auto");
        p.put("init", "gaussian");
        p.put("initScale", Double.toString(s.initScale()));
        p.put("seed", Integer.toString(seed));
        return RunRequest.of("landscape", p);
    }

    @Override public StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results) {
        Settings s = Settings.of(config);
        Map<Integer, List<JsonNode>> main = group(results, s.depths(), s.seeds(), s.width(), s.steps(), s.records(), s, false);
        Map<Integer, List<JsonNode>> large = group(results, s.largeDepths(), s.largeSeeds(), s.largeWidth(), s.largeSteps(), s.largeRecords(), s, true);
        List<String> warnings = new ArrayList<>();
        checkRuns(main, warnings);
        checkRuns(large, warnings);

        JsonNode any = main.values().iterator().next().get(0);
        JsonNode ls = any.get("leastSquares");
        double optimal = ls.get("optimalLoss").asDouble();
        double eta = any.get("learningRate").asDouble();
        double saddle = ls.get("saddleCurvature").asDouble();

        LandscapeCharts charts = new LandscapeCharts(optimal, eta, saddle);
        Map<String, Figure> figures = new HashMap<>();
        figures.put("loss", charts.lossFigure(main));
        figures.put("gradient", Figure.of(charts.gradientPanel(main, "gradient")));
        figures.put("lambdaMin", charts.lambdaMinFigure(main));
        figures.put("lambdaMax", Figure.of(charts.lambdaMaxPanel(main, "lambda-max")));
        figures.put("large", charts.largeFigure(large));

        Map<String, Table> tables = Map.of("results", LandscapeSummary.table(main, large, optimal));
        Map<String, String> values = LandscapeSummary.values(main, large, s.seeds(), s.largeSeeds());
        return new StudyOutput(figures, tables, values, warnings);
    }

    /** Results by depth (each list in seed order) for one configuration. */
    private static Map<Integer, List<JsonNode>> group(Map<RunRequest, JsonNode> results, List<Integer> depths, int seeds, int width,
                                                      int steps, int records, Settings s, boolean wide) {
        Map<Integer, List<JsonNode>> byDepth = new TreeMap<>();
        for (int depth : depths) {
            List<JsonNode> runs = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                JsonNode r = results.get(request(depth, seed, width, steps, records, s, wide));
                if (r == null) throw new IllegalStateException("missing result for landscape depth=" + depth + " seed=" + seed + " width=" + width);
                runs.add(r);
            }
            byDepth.put(depth, runs);
        }
        return byDepth;
    }

    private static void checkRuns(Map<Integer, List<JsonNode>> runs, List<String> warnings) {
        for (List<JsonNode> list : runs.values())
            for (JsonNode r : list) {
                String what = "landscape run depth " + r.get("depth").asInt() + ", width " + r.get("widths").get(1).asInt() + ", seed " + r.get("seed").asLong();
                if (r.path("diverged").asBoolean(false)) warnings.add(what + " diverged: " + r.get("divergence").asText());
                else if (r.get("stepsToRelativeExcess").get("1e-6").isNull())
                    warnings.add(what + " did not reach a relative excess loss of 1e-6 in " + r.get("steps").asInt() + " steps");
            }
    }

    static double[] series(JsonNode run, String name) { return Json.doubles(run.get("series").get(name)); }
}
