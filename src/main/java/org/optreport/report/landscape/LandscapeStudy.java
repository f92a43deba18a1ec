package org.optreport.report.landscape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.experiment.Json;
import org.optreport.experiment.RunRequest;
import org.optreport.report.output.Figure;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.UntypedRuns;
import org.optreport.report.study.StudyConfig;

/**
 * Part 2: loss, gradient norm and extreme Hessian eigenvalues of deep linear networks of several depths trained by
 * gradient descent on the diabetes data, over several seeds (median and min..max band), checked against the
 * least-squares optimum, the depth-2 saddle at the origin and the sharpness predicted at the reached minimum;
 * plus a wide configuration (Lanczos path) with the same figures.
 */
public final class LandscapeStudy implements Study<UntypedRuns> {
    static final String MAIN = "main", LARGE = "large";

    @Override public String name() { return "landscape"; }

    /** The settings of both configurations, read once (and all of them, so typos in report.yaml are caught). */
    private record Settings(List<Integer> depths, int seeds, int width, int steps, int records, double fraction, double initScale,
                            List<Integer> largeDepths, int largeSeeds, int largeWidth, int largeSteps, int largeRecords) {
        static Settings of(StudyConfig c) {
            return new Settings(
                    c.integers("depths", List.of(2, 3, 4), List.of(2, 3, 4), 1, 16),
                    c.integer("seeds", 5, 2, 1, 100),
                    c.integer("width", 10, 10, 1, 10_000),
                    c.integer("steps", 20_000, 12_000, 1, 10_000_000),
                    c.integer("records", 30, 15, 2, 10_000), // the floor: adaptive records resolve the fast phases
                    c.real("learningRateFraction", 0.5, 0.5, 0, 100),
                    c.real("initScale", 0.01, 0.01, 0, 100),
                    c.integers("largeDepths", List.of(3, 4), List.of(4), 1, 16),
                    c.integer("largeSeeds", 1, 1, 1, 100),
                    c.integer("largeWidth", 100, 30, 1, 10_000),
                    c.integer("largeSteps", 10_000, 8_000, 1, 10_000_000),
                    c.integer("largeRecords", 15, 10, 2, 10_000));
        }
    }

    @Override public UntypedRuns plan(StudyConfig config, RunPlan runs) {
        return UntypedRuns.of(config, runs(config), r -> false, runs);
    }

    @Override public StudyOutput analyze(UntypedRuns plan, RunResults results) {
        return analyze(plan.config(), plan.documents(results));
    }

    public List<RunRequest> runs(StudyConfig config) {
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

    StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results) {
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
