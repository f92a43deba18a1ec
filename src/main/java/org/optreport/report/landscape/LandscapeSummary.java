package org.optreport.report.landscape;

import static org.optreport.report.stats.Median.median;
import static org.optreport.report.stats.Median.medianOfSorted;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;

/** The landscape page's results table and the numbers its prose quotes, all computed from the run results. */
final class LandscapeSummary {
    private LandscapeSummary() {}

    static Table table(Map<Integer, List<JsonNode>> main, Map<Integer, List<JsonNode>> large, double optimalLoss) {
        List<String> header = List.of("depth N", "hidden width", "parameters", "seeds", "escape step [predicted]", "steps to 10⁻³", "steps to 10⁻⁶",
                "steps per decade, final phase (predicted)", "final (L − L*)/L*", "final λmax", "predicted λmax", "relative imbalance");
        List<List<String>> rows = new ArrayList<>();
        for (Map<Integer, List<JsonNode>> config : List.of(main, large))
            for (Map.Entry<Integer, List<JsonNode>> e : config.entrySet()) {
                List<JsonNode> runs = e.getValue();
                JsonNode first = runs.get(0);
                rows.add(List.of(
                        Integer.toString(e.getKey()),
                        Integer.toString(first.get("widths").get(1).asInt()),
                        Format.integer(first.get("parameterCount").asInt()),
                        Integer.toString(runs.size()),
                        medianAndRange(runs, r -> event(r, "escapeStep")) + " [" + stepCount(median(runs, LandscapeSummary::predictedEscapeStep)) + "]",
                        stepsCell(runs, "1e-3"),
                        stepsCell(runs, "1e-6"),
                        stepCount(median(runs, r -> r.get("finalRate").path("measuredStepsPerDecade").asDouble(Double.NaN))) + " ("
                                + stepCount(median(runs, r -> r.get("finalRate").path("predictedStepsPerDecade").asDouble(Double.NaN))) + ")",
                        Format.sig(max(runs, LandscapeSummary::finalExcess), 2),
                        Format.sig(median(runs, LandscapeSummary::finalSharpness), 4),
                        Format.sig(median(runs, r -> r.get("predictedSharpness").asDouble(Double.NaN)), 4),
                        Format.sig(median(runs, r -> r.get("finalRelativeImbalance").asDouble()), 2)));
            }
        return new Table(header, rows);
    }

    static Map<String, String> values(Map<Integer, List<JsonNode>> main, Map<Integer, List<JsonNode>> large, int seeds, int largeSeeds) {
        Map<String, String> v = new HashMap<>();
        JsonNode any = main.values().iterator().next().get(0);
        JsonNode ls = any.get("leastSquares");
        double eta = any.get("learningRate").asDouble();
        double lambdaMax = ls.get("inputMomentMaxEigenvalue").asDouble(), lambdaMin = ls.get("inputMomentMinEigenvalue").asDouble();
        v.put("samples", Integer.toString(any.get("dataset").get("x").size()));
        v.put("features", Integer.toString(any.get("widths").get(0).asInt()));
        v.put("learningRate", Format.sig(eta, 3));
        v.put("learningRateFraction", plain(any.get("learningRateFraction").asDouble()));
        v.put("lambdaMaxSxx", Format.sig(lambdaMax, 3));
        v.put("lambdaMinSxx", Format.sig(lambdaMin, 3));
        v.put("conditionNumber", Format.sig(lambdaMax / lambdaMin, 3));
        v.put("optimalLoss", Format.sig(ls.get("optimalLoss").asDouble(), 4));
        double optimumNorm = 0;
        for (JsonNode row : ls.get("optimalWeights")) for (JsonNode w : row) optimumNorm += w.asDouble() * w.asDouble();
        v.put("optimumNorm", Format.sig(Math.sqrt(optimumNorm), 3));
        v.put("saddleCurvature", Format.sig(ls.get("saddleCurvature").asDouble(), 4));
        v.put("stabilityLimit", Format.sig(2 / eta, 3));
        v.put("initScale", plain(any.get("initScale").asDouble()));
        v.put("init", any.get("init").asText());
        v.put("width", Integer.toString(any.get("widths").get(1).asInt()));
        v.put("steps", Format.integer(any.get("steps").asInt()));
        v.put("records", Integer.toString(any.get("series").get("step").size()));
        v.put("seeds", Integer.toString(seeds));
        v.put("depths", main.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        List<JsonNode> all = main.values().stream().flatMap(List::stream).toList();
        v.put("stepsTo1e6Max", stepCount(max(all, r -> steps(r, "1e-6"))));
        List<JsonNode> deep = main.entrySet().stream().filter(e -> e.getKey() >= 3).flatMap(e -> e.getValue().stream()).toList();
        v.put("mainRuns", Integer.toString(all.size()));
        v.put("largestNegativeCurvature", Format.upperBound(max(all, r -> -event(r, "lowestLambdaMin")), 3));
        double resolution = max(deep, r -> event(r, "lowestLambdaMinResolution"));
        v.put("lowestLambdaMinResolutionDeep", stepCount(resolution) + (resolution == 1 ? " step" : " steps"));
        JsonNode escape = any.get("escapePrediction");
        v.put("parabolaReach", Format.sig(Math.pow(escape.get("sigma").asDouble(), 2) / escape.get("lambdaV").asDouble(), 3));
        v.put("lossFall", Format.sig(LandscapeStudy.series(any, "loss")[0] - ls.get("optimalLoss").asDouble(), 3));
        JsonNode parameters = any.get("parameters");
        v.put("spectralLossStepPercent", plain(100 * parameters.get("spectralLossStep").asDouble()));
        v.put("spectralGradientFactor", plain(parameters.get("spectralGradientFactor").asDouble()));
        v.put("deepRuns", Integer.toString(deep.size()));
        v.put("escapeLaterThanPredictedRuns", Long.toString(all.stream().filter(r -> event(r, "escapeStep") > predictedEscapeStep(r)).count()));
        v.put("peakGradientInEscapeRuns", Long.toString(all.stream().filter(r -> insideEscape(r, "peakGradientNormStep")).count()));
        v.put("lowestLambdaMinInEscapeRuns", Long.toString(deep.stream().filter(r -> insideEscape(r, "lowestLambdaMinStep")).count()));
        v.put("finalExcessMax", Format.upperBound(max(all, LandscapeSummary::finalExcess), 2));
        v.put("etaSharpnessMax", Format.upperBound(max(all, r -> eta * finalSharpness(r)), 3));
        v.put("finalLambdaMinMax", Format.upperBound(max(all, r -> Math.abs(last(r, "hessianMinEigenvalue"))), 2));
        v.put("finalGradientMax", Format.upperBound(max(all, r -> last(r, "gradientNorm")), 2));
        v.put("imbalanceMax", Format.upperBound(max(all, r -> r.get("finalRelativeImbalance").asDouble()), 2));
        v.put("sharpnessGapMax", Format.upperBound(max(all, LandscapeSummary::sharpnessGapPercent), 2));
        double overshoot = 100 * max(all, r -> Arrays.stream(LandscapeStudy.series(r, "hessianMaxEigenvalue"))
                .max().orElse(0) / finalSharpness(r) - 1);
        v.put("sharpnessOvershootPercent", Format.sig(overshoot, 2));
        v.put("sharpnessOvershoot", overshoot < 0.005 ? "never exceeds the final one (at the recorded steps)"
                : "exceeds the final one by no more than " + Format.sig(overshoot, 2) + " %");
        // the last phase: steps per factor 10 of excess loss, measured between 1e-3 and 1e-6, and what the slowest
        // mode of gradient descent on the linear model itself, (1 - eta lambda_min)^(2t), would take
        v.put("stepsPerDecade", stepCount(median(all, r -> (steps(r, "1e-6") - steps(r, "1e-3")) / 3)));
        v.put("linearStepsPerDecade", stepCount(Math.log(10) / (-2 * Math.log1p(-eta * lambdaMin))));
        perDepth(v, "", main);

        List<JsonNode> wide = large.values().stream().flatMap(List::stream).toList();
        JsonNode deepest = large.get(large.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow()).get(0);
        v.put("largeWidth", Integer.toString(deepest.get("widths").get(1).asInt()));
        v.put("largeDepths", large.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        v.put("largeDepth", Integer.toString(deepest.get("depth").asInt()));
        v.put("largeSeeds", Integer.toString(largeSeeds));
        v.put("largeSteps", Format.integer(deepest.get("steps").asInt()));
        v.put("largeParameters", Format.integer(deepest.get("parameterCount").asInt()));
        v.put("largeHessianMethod", deepest.get("series").get("hessianMethod").asText());
        v.put("largeLanczosResidualMax", Format.upperBound(max(wide, r -> Arrays.stream(LandscapeStudy.series(r, "hessianResidual")).max().orElse(0)), 2));
        v.put("largeStepsTo1e6Max", stepCount(max(wide, r -> steps(r, "1e-6"))));
        v.put("largeFinalExcessMax", Format.upperBound(max(wide, LandscapeSummary::finalExcess), 2));
        v.put("largeSharpness", Format.sig(finalSharpness(deepest), 4));
        v.put("largePredictedSharpness", Format.sig(deepest.get("predictedSharpness").asDouble(Double.NaN), 4));
        v.put("largeSharpnessGap", Format.sig(sharpnessGapPercent(deepest), 2));
        v.put("largeImbalance", Format.sig(deepest.get("finalRelativeImbalance").asDouble(), 2));
        v.put("largeHessianSeconds", Format.sig(max(wide, r -> r.get("timings").get("hessianSeconds").asDouble()), 2));
        perDepth(v, "large", large);
        return v;
    }

    /** Keys like stepsTo1e6Depth3 (or largeStepsTo1e6Depth3) for every depth of a configuration. */
    private static void perDepth(Map<String, String> v, String prefix, Map<Integer, List<JsonNode>> runs) {
        for (Map.Entry<Integer, List<JsonNode>> e : runs.entrySet()) {
            String d = "Depth" + e.getKey();
            List<JsonNode> r = e.getValue();
            v.put(key(prefix, "parameters") + d, Format.integer(r.get(0).get("parameterCount").asInt()));
            v.put(key(prefix, "stepsTo1e3") + d, stepCount(median(r, x -> steps(x, "1e-3"))));
            v.put(key(prefix, "stepsTo1e6") + d, stepCount(median(r, x -> steps(x, "1e-6"))));
            v.put(key(prefix, "stepsTo1e6Max") + d, stepCount(max(r, x -> steps(x, "1e-6"))));
            v.put(key(prefix, "sharpness") + d, Format.sig(median(r, LandscapeSummary::finalSharpness), 4));
            v.put(key(prefix, "predictedSharpness") + d, Format.sig(median(r, x -> x.get("predictedSharpness").asDouble(Double.NaN)), 4));
            v.put(key(prefix, "sharpnessGap") + d, Format.upperBound(median(r, LandscapeSummary::sharpnessGapPercent), 2));
            v.put(key(prefix, "imbalance") + d, Format.sig(median(r, x -> x.get("finalRelativeImbalance").asDouble()), 2));
            v.put(key(prefix, "initialLambdaMin") + d, Format.sig(median(r, x -> LandscapeStudy.series(x, "hessianMinEigenvalue")[0]), 3));
            v.put(key(prefix, "initialLambdaMax") + d, Format.sig(median(r, x -> LandscapeStudy.series(x, "hessianMaxEigenvalue")[0]), 3));
            v.put(key(prefix, "lowestLambdaMin") + d, Format.sig(median(r, x -> event(x, "lowestLambdaMin")), 2));
            v.put(key(prefix, "lowestLambdaMinStep") + d, stepCount(median(r, x -> event(x, "lowestLambdaMinStep"))));
            v.put(key(prefix, "lowestLambdaMinResolution") + d, stepCount(max(r, x -> event(x, "lowestLambdaMinResolution"))));
            v.put(key(prefix, "initialGradient") + d, Format.sig(median(r, x -> LandscapeStudy.series(x, "gradientNorm")[0]), 3));
            v.put(key(prefix, "peakGradient") + d, Format.sig(median(r, x -> event(x, "peakGradientNorm")), 2));
            v.put(key(prefix, "peakGradientStep") + d, stepCount(median(r, x -> event(x, "peakGradientNormStep"))));
            v.put(key(prefix, "escapeStep") + d, stepCount(median(r, x -> event(x, "escapeStep"))));
            v.put(key(prefix, "predictedEscapeStep") + d, stepCount(median(r, LandscapeSummary::predictedEscapeStep)));
            v.put(key(prefix, "escapeRatioMin") + d, Format.sig(min(r, x -> event(x, "escapeStep") / predictedEscapeStep(x)), 2));
            v.put(key(prefix, "escapeRatioMax") + d, Format.sig(max(r, x -> event(x, "escapeStep") / predictedEscapeStep(x)), 2));
            v.put(key(prefix, "layerScale") + d, Format.sig(median(r, x -> x.path("escapePrediction").path("layerScale").asDouble(Double.NaN)), 2));
            v.put(key(prefix, "escapeStart") + d, stepCount(median(r, x -> event(x, "escapeStartStep"))));
            v.put(key(prefix, "escapeEnd") + d, stepCount(median(r, x -> event(x, "escapeEndStep"))));
            v.put(key(prefix, "escapeDuration") + d, stepCount(median(r, x -> event(x, "escapeEndStep") - event(x, "escapeStartStep"))));
            v.put(key(prefix, "escapesFullyRecorded") + d, Long.toString(r.stream().filter(x ->
                    event(x, "spectralRecordsInEscape") == event(x, "escapeEndStep") - event(x, "escapeStartStep") + 1).count()));
            v.put(key(prefix, "runs") + d, Integer.toString(r.size()));
            v.put(key(prefix, "spectralRecordsInEscapeMin") + d, stepCount(min(r, x -> event(x, "spectralRecordsInEscape"))));
            v.put(key(prefix, "predictedRate") + d, Format.sig(median(r, x -> x.get("finalRate").path("predictedRate").asDouble(Double.NaN)), 3));
            v.put(key(prefix, "predictedStepsPerDecade") + d, stepCount(median(r, x -> x.get("finalRate").path("predictedStepsPerDecade").asDouble(Double.NaN))));
            v.put(key(prefix, "measuredStepsPerDecade") + d, stepCount(median(r, x -> x.get("finalRate").path("measuredStepsPerDecade").asDouble(Double.NaN))));
            v.put(key(prefix, "stepsPerDecadeGap") + d, Format.upperBound(max(r, LandscapeSummary::stepsPerDecadeGapPercent), 2));
        }
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A setting as the user wrote it (0.5, 0.01), rounded to 6 significant digits. */
    private static String plain(double setting) {
        return new java.math.BigDecimal(setting).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String stepCount(double steps) {
        if (Double.isNaN(steps)) return "n/a";
        return Double.isInfinite(steps) ? "not reached" : Format.integer(Math.round(steps));
    }

    private static String stepsCell(List<JsonNode> runs, String threshold) {
        long missing = runs.stream().filter(r -> r.get("stepsToRelativeExcess").get(threshold).isNull()).count();
        if (missing > 0) return "not reached by " + missing + " of " + runs.size();
        double[] s = runs.stream().mapToDouble(r -> steps(r, threshold)).sorted().toArray();
        if (s.length == 1) return Format.integer((long) s[0]);
        return Format.integer((long) medianOfSorted(s)) + " (" + Format.integer((long) s[0]) + "–" + Format.integer((long) s[s.length - 1]) + ")";
    }

    /** "median (min–max)" of a per-run step count, or the one value for a single run. */
    private static String medianAndRange(List<JsonNode> runs, ToDoubleFunction<JsonNode> f) {
        double[] s = runs.stream().mapToDouble(f).sorted().toArray();
        if (s.length == 1) return stepCount(s[0]);
        return stepCount(medianOfSorted(s)) + " (" + stepCount(s[0]) + "–" + stepCount(s[s.length - 1]) + ")";
    }

    /** The first step with relative excess below the threshold, or infinity when the run never got there. */
    private static double steps(JsonNode r, String threshold) {
        JsonNode s = r.get("stepsToRelativeExcess").get(threshold);
        return s.isNull() ? Double.POSITIVE_INFINITY : s.asDouble();
    }

    static double finalExcess(JsonNode r) { return last(r, "excessLoss") / r.get("leastSquares").get("optimalLoss").asDouble(); }

    static double finalSharpness(JsonNode r) { return last(r, "hessianMaxEigenvalue"); }

    /** |measured - predicted| / predicted in percent, at the final weights. */
    static double sharpnessGapPercent(JsonNode r) {
        double predicted = r.get("predictedSharpness").asDouble(Double.NaN);
        return 100 * Math.abs(finalSharpness(r) - predicted) / predicted;
    }

    private static double last(JsonNode r, String name) {
        double[] v = LandscapeStudy.series(r, name);
        return v[v.length - 1];
    }

    /** An exact event of the run (docs/results-format.md, landscape events); NaN when it did not happen. */
    static double event(JsonNode r, String name) {
        JsonNode e = r.path("events").path(name);
        double value = e.asDouble(Double.NaN);
        return e.isMissingNode() || (name.endsWith("Step") && value < 0) ? Double.NaN : value;
    }

    /** The escape step EscapeTheory predicts from the run's start (docs/results-format.md), NaN if none. */
    static double predictedEscapeStep(JsonNode r) {
        return r.path("escapePrediction").path("predictedEscapeStep").asDouble(Double.NaN);
    }

    /** Whether the run's event {@code name} (a step) lies in its escape, from the 10% to the 90% crossing. */
    static boolean insideEscape(JsonNode r, String name) {
        double step = event(r, name);
        return step >= event(r, "escapeStartStep") && step <= event(r, "escapeEndStep");
    }

    /** |measured - predicted| / predicted steps per decade of the final phase, in percent. */
    static double stepsPerDecadeGapPercent(JsonNode r) {
        JsonNode f = r.get("finalRate");
        double predicted = f.path("predictedStepsPerDecade").asDouble(Double.NaN), measured = f.path("measuredStepsPerDecade").asDouble(Double.NaN);
        return 100 * Math.abs(measured - predicted) / predicted;
    }

    private static double min(List<JsonNode> runs, ToDoubleFunction<JsonNode> f) {
        return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<JsonNode> runs, ToDoubleFunction<JsonNode> f) {
        return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
