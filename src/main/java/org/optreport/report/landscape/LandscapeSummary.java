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
import org.optreport.results.LandscapeResult;

/** The landscape page's results table and the numbers its prose quotes, all computed from the run results. */
final class LandscapeSummary {
    private LandscapeSummary() {}

    static Table table(Map<Integer, List<LandscapeResult>> main, Map<Integer, List<LandscapeResult>> large, double optimalLoss) {
        List<String> header = List.of("depth N", "hidden width", "parameters", "seeds", "escape step [predicted]", "steps to 10⁻³", "steps to 10⁻⁶",
                "steps per decade, final phase (predicted)", "final (L − L*)/L*", "final λmax", "predicted λmax", "relative imbalance");
        List<List<String>> rows = new ArrayList<>();
        for (Map<Integer, List<LandscapeResult>> config : List.of(main, large))
            for (Map.Entry<Integer, List<LandscapeResult>> e : config.entrySet()) {
                List<LandscapeResult> runs = e.getValue();
                LandscapeResult first = runs.get(0);
                rows.add(List.of(
                        Integer.toString(e.getKey()),
                        Integer.toString(first.widths()[1]),
                        Format.integer(first.parameterCount()),
                        Integer.toString(runs.size()),
                        medianAndRange(runs, r -> step(r.events().escapeStep())) + " [" + stepCount(median(runs, LandscapeSummary::predictedEscapeStep)) + "]",
                        stepsCell(runs, "1e-3"),
                        stepsCell(runs, "1e-6"),
                        stepCount(median(runs, r -> orNaN(r.finalRate().measuredStepsPerDecade()))) + " ("
                                + stepCount(median(runs, r -> orNaN(r.finalRate().predictedStepsPerDecade()))) + ")",
                        Format.sig(max(runs, LandscapeSummary::finalExcess), 2),
                        Format.sig(median(runs, LandscapeSummary::finalSharpness), 4),
                        Format.sig(median(runs, r -> orNaN(r.predictedSharpness())), 4),
                        Format.sig(median(runs, r -> r.finalRelativeImbalance()), 2)));
            }
        return new Table(header, rows);
    }

    static Map<String, String> values(Map<Integer, List<LandscapeResult>> main, Map<Integer, List<LandscapeResult>> large, int seeds, int largeSeeds) {
        Map<String, String> v = new HashMap<>();
        LandscapeResult any = main.values().iterator().next().get(0);
        LandscapeResult.LeastSquares ls = any.leastSquares();
        double eta = any.learningRate();
        double lambdaMax = ls.inputMomentMaxEigenvalue(), lambdaMin = ls.inputMomentMinEigenvalue();
        v.put("samples", Integer.toString(any.dataset().samples()));
        v.put("features", Integer.toString(any.widths()[0]));
        v.put("learningRate", Format.sig(eta, 3));
        v.put("learningRateFraction", plain(any.learningRateFraction()));
        v.put("lambdaMaxSxx", Format.sig(lambdaMax, 3));
        v.put("lambdaMinSxx", Format.sig(lambdaMin, 3));
        v.put("conditionNumber", Format.sig(lambdaMax / lambdaMin, 3));
        v.put("optimalLoss", Format.sig(ls.optimalLoss(), 4));
        double optimumNorm = 0;
        for (double[] row : ls.optimalWeights()) for (double w : row) optimumNorm += w * w;
        v.put("optimumNorm", Format.sig(Math.sqrt(optimumNorm), 3));
        v.put("saddleCurvature", Format.sig(ls.saddleCurvature(), 4));
        v.put("stabilityLimit", Format.sig(2 / eta, 3));
        v.put("initScale", plain(any.initScale()));
        v.put("init", any.init());
        v.put("width", Integer.toString(any.widths()[1]));
        v.put("steps", Format.integer(any.steps()));
        v.put("records", Integer.toString(any.series().step().length));
        v.put("seeds", Integer.toString(seeds));
        v.put("depths", main.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        List<LandscapeResult> all = main.values().stream().flatMap(List::stream).toList();
        v.put("stepsTo1e6Max", stepCount(max(all, r -> steps(r, "1e-6"))));
        List<LandscapeResult> deep = main.entrySet().stream().filter(e -> e.getKey() >= 3).flatMap(e -> e.getValue().stream()).toList();
        v.put("mainRuns", Integer.toString(all.size()));
        v.put("largestNegativeCurvature", Format.upperBound(max(all, r -> -orNaN(r.events().lowestLambdaMin())), 3));
        double resolution = max(deep, r -> orNaN(r.events().lowestLambdaMinResolution()));
        v.put("lowestLambdaMinResolutionDeep", stepCount(resolution) + (resolution == 1 ? " step" : " steps"));
        LandscapeResult.EscapePrediction escape = any.escapePrediction();
        v.put("parabolaReach", Format.sig(Math.pow(escape.sigma(), 2) / escape.lambdaV(), 3));
        v.put("lossFall", Format.sig(any.series().loss()[0] - ls.optimalLoss(), 3));
        Map<String, String> parameters = any.parameters();
        v.put("spectralLossStepPercent", plain(100 * Double.parseDouble(parameters.get("spectralLossStep"))));
        v.put("spectralGradientFactor", plain(Double.parseDouble(parameters.get("spectralGradientFactor"))));
        v.put("deepRuns", Integer.toString(deep.size()));
        v.put("escapeLaterThanPredictedRuns", Long.toString(all.stream().filter(r -> step(r.events().escapeStep()) > predictedEscapeStep(r)).count()));
        v.put("peakGradientInEscapeRuns", Long.toString(all.stream().filter(r -> insideEscape(r, step(r.events().peakGradientNormStep()))).count()));
        v.put("lowestLambdaMinInEscapeRuns", Long.toString(deep.stream().filter(r -> insideEscape(r, step(r.events().lowestLambdaMinStep()))).count()));
        v.put("finalExcessMax", Format.upperBound(max(all, LandscapeSummary::finalExcess), 2));
        v.put("etaSharpnessMax", Format.upperBound(max(all, r -> eta * finalSharpness(r)), 3));
        v.put("finalLambdaMinMax", Format.upperBound(max(all, r -> Math.abs(last(r.series().hessianMinEigenvalue()))), 2));
        v.put("finalGradientMax", Format.upperBound(max(all, r -> last(r.series().gradientNorm())), 2));
        v.put("imbalanceMax", Format.upperBound(max(all, r -> r.finalRelativeImbalance()), 2));
        v.put("sharpnessGapMax", Format.upperBound(max(all, LandscapeSummary::sharpnessGapPercent), 2));
        double overshoot = 100 * max(all, r -> Arrays.stream(r.series().hessianMaxEigenvalue())
                .max().orElse(0) / finalSharpness(r) - 1);
        v.put("sharpnessOvershootPercent", Format.sig(overshoot, 2));
        v.put("sharpnessOvershoot", overshoot < 0.005 ? "never exceeds the final one (at the recorded steps)"
                : "exceeds the final one by no more than " + Format.sig(overshoot, 2) + " %");
        // the last phase: steps per factor 10 of excess loss, measured between 1e-3 and 1e-6, and what the slowest
        // mode of gradient descent on the linear model itself, (1 - eta lambda_min)^(2t), would take
        v.put("stepsPerDecade", stepCount(median(all, r -> (steps(r, "1e-6") - steps(r, "1e-3")) / 3)));
        v.put("linearStepsPerDecade", stepCount(Math.log(10) / (-2 * Math.log1p(-eta * lambdaMin))));
        perDepth(v, "", main);

        List<LandscapeResult> wide = large.values().stream().flatMap(List::stream).toList();
        LandscapeResult deepest = large.get(large.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow()).get(0);
        v.put("largeWidth", Integer.toString(deepest.widths()[1]));
        v.put("largeDepths", large.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        v.put("largeDepth", Integer.toString(deepest.depth()));
        v.put("largeSeeds", Integer.toString(largeSeeds));
        v.put("largeSteps", Format.integer(deepest.steps()));
        v.put("largeParameters", Format.integer(deepest.parameterCount()));
        v.put("largeHessianMethod", deepest.series().hessianMethod());
        v.put("largeLanczosResidualMax", Format.upperBound(max(wide, r -> Arrays.stream(r.series().hessianResidual()).max().orElse(0)), 2));
        v.put("largeStepsTo1e6Max", stepCount(max(wide, r -> steps(r, "1e-6"))));
        v.put("largeFinalExcessMax", Format.upperBound(max(wide, LandscapeSummary::finalExcess), 2));
        v.put("largeSharpness", Format.sig(finalSharpness(deepest), 4));
        v.put("largePredictedSharpness", Format.sig(orNaN(deepest.predictedSharpness()), 4));
        v.put("largeSharpnessGap", Format.sig(sharpnessGapPercent(deepest), 2));
        v.put("largeImbalance", Format.sig(deepest.finalRelativeImbalance(), 2));
        v.put("largeHessianSeconds", Format.sig(max(wide, r -> r.timings().hessianSeconds()), 2));
        perDepth(v, "large", large);
        return v;
    }

    /** Keys like stepsTo1e6Depth3 (or largeStepsTo1e6Depth3) for every depth of a configuration. */
    private static void perDepth(Map<String, String> v, String prefix, Map<Integer, List<LandscapeResult>> runs) {
        for (Map.Entry<Integer, List<LandscapeResult>> e : runs.entrySet()) {
            String d = "Depth" + e.getKey();
            List<LandscapeResult> r = e.getValue();
            v.put(key(prefix, "parameters") + d, Format.integer(r.get(0).parameterCount()));
            v.put(key(prefix, "stepsTo1e3") + d, stepCount(median(r, x -> steps(x, "1e-3"))));
            v.put(key(prefix, "stepsTo1e6") + d, stepCount(median(r, x -> steps(x, "1e-6"))));
            v.put(key(prefix, "stepsTo1e6Max") + d, stepCount(max(r, x -> steps(x, "1e-6"))));
            v.put(key(prefix, "sharpness") + d, Format.sig(median(r, LandscapeSummary::finalSharpness), 4));
            v.put(key(prefix, "predictedSharpness") + d, Format.sig(median(r, x -> orNaN(x.predictedSharpness())), 4));
            v.put(key(prefix, "sharpnessGap") + d, Format.upperBound(median(r, LandscapeSummary::sharpnessGapPercent), 2));
            v.put(key(prefix, "imbalance") + d, Format.sig(median(r, x -> x.finalRelativeImbalance()), 2));
            v.put(key(prefix, "initialLambdaMin") + d, Format.sig(median(r, x -> x.series().hessianMinEigenvalue()[0]), 3));
            v.put(key(prefix, "initialLambdaMax") + d, Format.sig(median(r, x -> x.series().hessianMaxEigenvalue()[0]), 3));
            v.put(key(prefix, "lowestLambdaMin") + d, Format.sig(median(r, x -> orNaN(x.events().lowestLambdaMin())), 2));
            v.put(key(prefix, "lowestLambdaMinStep") + d, stepCount(median(r, x -> step(x.events().lowestLambdaMinStep()))));
            v.put(key(prefix, "lowestLambdaMinResolution") + d, stepCount(max(r, x -> orNaN(x.events().lowestLambdaMinResolution()))));
            v.put(key(prefix, "initialGradient") + d, Format.sig(median(r, x -> x.series().gradientNorm()[0]), 3));
            v.put(key(prefix, "peakGradient") + d, Format.sig(median(r, x -> x.events().peakGradientNorm()), 2));
            v.put(key(prefix, "peakGradientStep") + d, stepCount(median(r, x -> step(x.events().peakGradientNormStep()))));
            v.put(key(prefix, "escapeStep") + d, stepCount(median(r, x -> step(x.events().escapeStep()))));
            v.put(key(prefix, "predictedEscapeStep") + d, stepCount(median(r, LandscapeSummary::predictedEscapeStep)));
            v.put(key(prefix, "escapeRatioMin") + d, Format.sig(min(r, x -> step(x.events().escapeStep()) / predictedEscapeStep(x)), 2));
            v.put(key(prefix, "escapeRatioMax") + d, Format.sig(max(r, x -> step(x.events().escapeStep()) / predictedEscapeStep(x)), 2));
            v.put(key(prefix, "layerScale") + d, Format.sig(median(r, x -> orNaN(x.escapePrediction().layerScale())), 2));
            v.put(key(prefix, "escapeStart") + d, stepCount(median(r, x -> step(x.events().escapeStartStep()))));
            v.put(key(prefix, "escapeEnd") + d, stepCount(median(r, x -> step(x.events().escapeEndStep()))));
            v.put(key(prefix, "escapeDuration") + d, stepCount(median(r, x -> step(x.events().escapeEndStep()) - step(x.events().escapeStartStep()))));
            v.put(key(prefix, "escapesFullyRecorded") + d, Long.toString(r.stream().filter(x ->
                    x.events().spectralRecordsInEscape() == step(x.events().escapeEndStep()) - step(x.events().escapeStartStep()) + 1).count()));
            v.put(key(prefix, "runs") + d, Integer.toString(r.size()));
            v.put(key(prefix, "spectralRecordsInEscapeMin") + d, stepCount(min(r, x -> x.events().spectralRecordsInEscape())));
            v.put(key(prefix, "predictedRate") + d, Format.sig(median(r, x -> orNaN(x.finalRate().predictedRate())), 3));
            v.put(key(prefix, "predictedStepsPerDecade") + d, stepCount(median(r, x -> orNaN(x.finalRate().predictedStepsPerDecade()))));
            v.put(key(prefix, "measuredStepsPerDecade") + d, stepCount(median(r, x -> orNaN(x.finalRate().measuredStepsPerDecade()))));
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

    private static String stepsCell(List<LandscapeResult> runs, String threshold) {
        long missing = runs.stream().filter(r -> r.stepsToRelativeExcess().get(threshold) == null).count();
        if (missing > 0) return "not reached by " + missing + " of " + runs.size();
        double[] s = runs.stream().mapToDouble(r -> steps(r, threshold)).sorted().toArray();
        if (s.length == 1) return Format.integer((long) s[0]);
        return Format.integer((long) medianOfSorted(s)) + " (" + Format.integer((long) s[0]) + "–" + Format.integer((long) s[s.length - 1]) + ")";
    }

    /** "median (min–max)" of a per-run step count, or the one value for a single run. */
    private static String medianAndRange(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        double[] s = runs.stream().mapToDouble(f).sorted().toArray();
        if (s.length == 1) return stepCount(s[0]);
        return stepCount(medianOfSorted(s)) + " (" + stepCount(s[0]) + "–" + stepCount(s[s.length - 1]) + ")";
    }

    /** The first step with relative excess below the threshold, or infinity when the run never got there. */
    static double steps(LandscapeResult r, String threshold) {
        Integer s = r.stepsToRelativeExcess().get(threshold);
        return s == null ? Double.POSITIVE_INFINITY : s;
    }

    static double finalExcess(LandscapeResult r) { return last(r.series().excessLoss()) / r.leastSquares().optimalLoss(); }

    static double finalSharpness(LandscapeResult r) { return last(r.series().hessianMaxEigenvalue()); }

    /** |measured - predicted| / predicted in percent, at the final weights. */
    static double sharpnessGapPercent(LandscapeResult r) {
        double predicted = orNaN(r.predictedSharpness());
        return 100 * Math.abs(finalSharpness(r) - predicted) / predicted;
    }

    private static double last(double[] v) {
        return v[v.length - 1];
    }

    /** A step of an event (docs/results-format.md, landscape events); NaN when it did not happen (absent or -1). */
    static double step(Integer step) {
        return step == null || step < 0 ? Double.NaN : step;
    }

    /** A number the run may not have (absent or null in its result), NaN then. */
    static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }

    /** The escape step EscapeTheory predicts from the run's start (docs/results-format.md), NaN if none. */
    static double predictedEscapeStep(LandscapeResult r) {
        return orNaN(r.escapePrediction().predictedEscapeStep());
    }

    /** Whether the run's event {@code name} (a step) lies in its escape, from the 10% to the 90% crossing. */
    static boolean insideEscape(LandscapeResult r, double step) {
        return step >= step(r.events().escapeStartStep()) && step <= step(r.events().escapeEndStep());
    }

    /** |measured - predicted| / predicted steps per decade of the final phase, in percent. */
    static double stepsPerDecadeGapPercent(LandscapeResult r) {
        LandscapeResult.FinalRate f = r.finalRate();
        double predicted = orNaN(f.predictedStepsPerDecade()), measured = orNaN(f.measuredStepsPerDecade());
        return 100 * Math.abs(measured - predicted) / predicted;
    }

    private static double min(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
