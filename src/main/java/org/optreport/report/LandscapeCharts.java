package org.optreport.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The landscape page's chart panels: per depth the median over seeds as a line and the min..max range as a band,
 * on a logarithmic step axis (step + 1, so that step 0, the initialization, is drawn), with theory as dashed lines.
 */
final class LandscapeCharts {
    /** Values drawn on a log axis are clipped here; only exact zeros (never reached in practice) hit it. */
    static final double LOG_FLOOR = 1e-30;
    private static final Axis STEP = Axis.log("step + 1");

    private final double optimalLoss;
    private final double learningRate;
    private final double saddleCurvature;

    LandscapeCharts(double optimalLoss, double learningRate, double saddleCurvature) {
        this.optimalLoss = optimalLoss;
        this.learningRate = learningRate;
        this.saddleCurvature = saddleCurvature;
    }

    Figure lossFigure(Map<Integer, List<JsonNode>> runs) {
        List<Series> loss = bands(runs, "loss", v -> v);
        loss.add(horizontal("L*", runs, optimalLoss));
        Panel lossPanel = new Panel("loss", "training loss L", STEP, Axis.linear("L"), loss);
        return Figure.of(lossPanel, excessPanel(runs, "excess"));
    }

    Panel excessPanel(Map<Integer, List<JsonNode>> runs, String id) {
        List<Series> excess = bands(runs, "excessLoss", v -> Math.max(LOG_FLOOR, v / optimalLoss));
        excess.add(horizontal("10⁻³", runs, 1e-3));
        excess.add(horizontal("10⁻⁶", runs, 1e-6));
        return new Panel(id, "relative excess loss (L − L*)/L*", STEP, Axis.log("(L − L*)/L*"), excess);
    }

    Panel gradientPanel(Map<Integer, List<JsonNode>> runs, String id) {
        return new Panel(id, "gradient norm", STEP, Axis.log("‖∇L‖"), bands(runs, "gradientNorm", v -> Math.max(LOG_FLOOR, v)));
    }

    Figure lambdaMinFigure(Map<Integer, List<JsonNode>> runs) {
        return Figure.of(lambdaMinPanel(runs, "lambda-min"), lambdaMinMagnitudePanel(runs, "lambda-min-abs"));
    }

    Panel lambdaMinPanel(Map<Integer, List<JsonNode>> runs, String id) {
        List<Series> min = bands(runs, "hessianMinEigenvalue", v -> v);
        min.add(horizontal("−σmax(∇ℓ(0))", runs, -saddleCurvature));
        return new Panel(id, "smallest Hessian eigenvalue", STEP, Axis.linear("λmin"), min);
    }

    Panel lambdaMinMagnitudePanel(Map<Integer, List<JsonNode>> runs, String id) {
        return new Panel(id, "its magnitude", STEP, Axis.log("|λmin|"),
                bands(runs, "hessianMinEigenvalue", v -> Math.max(LOG_FLOOR, Math.abs(v))));
    }

    Panel lambdaMaxPanel(Map<Integer, List<JsonNode>> runs, String id) {
        List<Series> max = bands(runs, "hessianMaxEigenvalue", v -> Math.max(LOG_FLOOR, v));
        for (Map.Entry<Integer, List<JsonNode>> e : runs.entrySet()) {
            double predicted = LandscapeSummary.median(e.getValue(), r -> r.get("predictedSharpness").asDouble());
            if (Double.isFinite(predicted)) max.add(horizontal("predicted, N = " + e.getKey(), runs, predicted));
        }
        max.add(horizontal("2/η", runs, 2 / learningRate));
        return new Panel(id, "largest Hessian eigenvalue (sharpness)", STEP, Axis.log("λmax"), max);
    }

    Figure largeFigure(Map<Integer, List<JsonNode>> runs) {
        return Figure.of(excessPanel(runs, "large-excess"), gradientPanel(runs, "large-gradient"),
                lambdaMinPanel(runs, "large-lambda-min"), lambdaMaxPanel(runs, "large-lambda-max"));
    }

    /** One series per depth: median over seeds with the min..max band, at the recorded steps. */
    static List<Series> bands(Map<Integer, List<JsonNode>> runs, String name, DoubleUnaryOperator transform) {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Integer, List<JsonNode>> e : runs.entrySet()) {
            List<JsonNode> seeds = e.getValue();
            double[] steps = longest(seeds);
            int n = steps.length;
            double[] x = new double[n], median = new double[n], lower = new double[n], upper = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = steps[i] + 1;
                List<Double> at = new ArrayList<>();
                for (JsonNode r : seeds) {
                    double[] v = LandscapeStudy.series(r, name);
                    // seeds share the recording schedule; a diverged run simply ends early
                    if (i < v.length && Double.isFinite(v[i])) at.add(transform.applyAsDouble(v[i]));
                }
                double[] sorted = at.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                median[i] = sorted.length == 0 ? Double.NaN : LandscapeSummary.median(sorted);
                lower[i] = sorted.length == 0 ? Double.NaN : sorted[0];
                upper[i] = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
            }
            String label = "N = " + e.getKey();
            out.add(Series.band(label, x, median, lower, upper));
        }
        return out;
    }

    private static double[] longest(List<JsonNode> seeds) {
        double[] best = new double[0];
        for (JsonNode r : seeds) {
            double[] s = LandscapeStudy.series(r, "step");
            if (s.length > best.length) best = s;
        }
        return best;
    }

    /** A dashed reference line over the whole step range of the panel. */
    private static Series horizontal(String name, Map<Integer, List<JsonNode>> runs, double y) {
        double last = 1;
        for (List<JsonNode> seeds : runs.values()) {
            double[] s = longest(seeds);
            if (s.length > 0) last = Math.max(last, s[s.length - 1] + 1);
        }
        double[] ys = new double[2];
        Arrays.fill(ys, y);
        return Series.dashed(name, new double[] {1, last}, ys);
    }
}
