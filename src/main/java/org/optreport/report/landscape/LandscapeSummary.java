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
import org.optreport.report.output.QuotedValues;
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

    /**
     * What the page quotes ({@code values}, formatted) and what its claims check ({@code numbers}, exact), filled
     * together so that a quoted value and the number of the same name are the same quantity. Per-depth quantities are
     * quoted as {@code escapeStepDepth3} and checked as the family member {@code escapeStep.depth3}.
     */
    record Quoted(QuotedValues values, Map<String, Double> numbers) {
        Quoted() { this(new QuotedValues(), new HashMap<>()); }

        /** A quoted value and the exact number it shows, under one name. */
        void both(String name, double exact, String text, String meaning) {
            values.put(name, text, meaning);
            numbers.put(name, exact);
        }

        /**
         * A quoted value and the exact number it shows, for one depth: {@code nameDepthN} and {@code name.depthN}; the
         * meaning is the family's, with the depth (and the configuration: names of the wide one start with "large").
         */
        void perDepth(String name, int depth, double exact, String text, String meaning) {
            values.put(name + "Depth" + depth, text, meaning + ", depth " + depth + (name.startsWith("large") ? ", wide configuration" : ""));
            numbers.put(name + ".depth" + depth, exact);
        }
    }

    static Quoted quoted(Map<Integer, List<LandscapeResult>> main, Map<Integer, List<LandscapeResult>> large, int seeds, int largeSeeds) {
        Quoted q = new Quoted();
        QuotedValues v = q.values();
        Map<String, Double> n = q.numbers();
        LandscapeResult any = main.values().iterator().next().get(0);
        LandscapeResult.LeastSquares ls = any.leastSquares();
        double eta = any.learningRate();
        double lambdaMax = ls.inputMomentMaxEigenvalue(), lambdaMin = ls.inputMomentMinEigenvalue();
        v.put("samples", Integer.toString(any.dataset().samples()), "samples of the dataset the networks are trained on");
        v.put("features", Integer.toString(any.widths()[0]), "input dimension d₀ (input columns)");
        v.put("learningRate", Format.sig(eta, 3), "learning rate η of the main runs");
        v.put("learningRateFraction", plain(any.learningRateFraction()), "η λ_max(Sxx): the learning rate as a fraction of the input moments' largest eigenvalue");
        q.both("lambdaMaxSxx", lambdaMax, Format.sig(lambdaMax, 3), "largest eigenvalue of the input moments Sxx = XᵀX / n");
        q.both("lambdaMinSxx", lambdaMin, Format.sig(lambdaMin, 3), "smallest eigenvalue of the input moments Sxx");
        q.both("conditionNumber", lambdaMax / lambdaMin, Format.sig(lambdaMax / lambdaMin, 3), "condition number of Sxx");
        q.both("optimalLoss", ls.optimalLoss(), Format.sig(ls.optimalLoss(), 4), "least-squares optimum L*, the lowest loss any depth can reach");
        double optimumNorm = 0;
        for (double[] row : ls.optimalWeights()) for (double w : row) optimumNorm += w * w;
        q.both("optimumNorm", Math.sqrt(optimumNorm), Format.sig(Math.sqrt(optimumNorm), 3), "Frobenius norm of the least-squares solution W*");
        q.both("saddleCurvature", ls.saddleCurvature(), Format.sig(ls.saddleCurvature(), 4), "magnitude of the most negative Hessian eigenvalue at the origin (depth 2)");
        v.put("stabilityLimit", Format.sig(2 / eta, 3), "2 / η: the sharpness above which gradient descent cannot stay at a minimum");
        v.put("initScale", plain(any.initScale()), "standard deviation of the Gaussian initial entries");
        v.put("init", any.init(), "the initialization");
        v.put("width", Integer.toString(any.widths()[1]), "hidden width of the main runs");
        v.put("steps", Format.integer(any.steps()), "gradient steps of the main runs");
        v.put("records", Integer.toString(any.series().step().length), "recorded steps of a main run (the log-spaced floor plus the adaptive records)");
        v.put("seeds", Integer.toString(seeds), "seeds per depth of the main runs");
        v.put("depths", main.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")), "depths of the main runs");
        List<LandscapeResult> all = main.values().stream().flatMap(List::stream).toList();
        List<LandscapeResult> wide = large.values().stream().flatMap(List::stream).toList();
        List<LandscapeResult> everyRun = java.util.stream.Stream.concat(all.stream(), wide.stream()).toList();
        v.put("stepsTo1e6Max", stepCount(max(all, r -> steps(r, "1e-6"))), "most steps any main run takes to a relative excess loss of 1e-6");
        List<LandscapeResult> deep = main.entrySet().stream().filter(e -> e.getKey() >= 3).flatMap(e -> e.getValue().stream()).toList();
        q.both("mainRuns", all.size(), Integer.toString(all.size()), "number of main runs (depths x seeds)");
        n.put("runsReaching1e6", (double) all.stream().filter(r -> Double.isFinite(steps(r, "1e-6"))).count());
        n.put("initialLossMin", min(all, r -> r.series().loss()[0]));
        n.put("initialLossMax", max(all, r -> r.series().loss()[0]));
        n.put("finalPhaseStepsMin", min(all, r -> steps(r, "1e-6") - steps(r, "1e-3")));
        double largestNegative = max(all, r -> -orNaN(r.events().lowestLambdaMin()));
        q.both("largestNegativeCurvature", largestNegative, Format.upperBound(largestNegative, 3), "most negative λ_min met by any main run, in magnitude (upper bound)");
        n.put("peakCurvatureRatioMax", max(all, r -> Math.max(Arrays.stream(r.series().hessianMaxEigenvalue()).max().orElse(Double.NaN),
                -Arrays.stream(r.series().hessianMinEigenvalue()).min().orElse(Double.NaN)) / finalSharpness(r)));
        double resolution = max(deep, r -> orNaN(r.events().lowestLambdaMinResolution()));
        v.put("lowestLambdaMinResolutionDeep", stepCount(resolution) + (resolution == 1 ? " step" : " steps"), "spacing of the records around the most negative λ_min, depths 3 and up (largest over runs)");
        LandscapeResult.EscapePrediction escape = any.escapePrediction();
        double reach = Math.pow(escape.sigma(), 2) / escape.lambdaV();
        q.both("parabolaReach", reach, Format.sig(reach, 3), "σ² / λ_v: how far from the origin the escape's quadratic approximation holds");
        v.put("lossFall", Format.sig(any.series().loss()[0] - ls.optimalLoss(), 3), "fall of the loss from its initial value to the optimum, L(0) − L*");
        n.put("lossFallMax", max(everyRun, r -> r.series().loss()[0] - r.leastSquares().optimalLoss()));
        Map<String, String> parameters = any.parameters();
        v.put("spectralLossStepPercent", plain(100 * Double.parseDouble(parameters.get("spectralLossStep"))), "the wide runs' adaptive record rule: a record per this percentage of the loss's fall");
        v.put("spectralGradientFactor", plain(Double.parseDouble(parameters.get("spectralGradientFactor"))), "the wide runs' adaptive record rule: a record per this factor of the gradient norm");
        q.both("deepRuns", deep.size(), Integer.toString(deep.size()), "number of main runs of depth 3 and up");
        long later = all.stream().filter(r -> step(r.events().escapeStep()) > predictedEscapeStep(r)).count();
        q.both("escapeLaterThanPredictedRuns", later, Long.toString(later), "main runs that escape the origin later than the theory predicts");
        long peakInEscape = all.stream().filter(r -> insideEscape(r, step(r.events().peakGradientNormStep()))).count();
        q.both("peakGradientInEscapeRuns", peakInEscape, Long.toString(peakInEscape), "main runs whose gradient norm peaks inside the escape");
        long lowestInEscape = deep.stream().filter(r -> insideEscape(r, step(r.events().lowestLambdaMinStep()))).count();
        q.both("lowestLambdaMinInEscapeRuns", lowestInEscape, Long.toString(lowestInEscape), "deep runs whose most negative λ_min falls inside the escape");
        double shareMin = min(deep, r -> -orNaN(r.events().lowestLambdaMin()) / ls.saddleCurvature());
        double shareMax = max(deep, r -> -orNaN(r.events().lowestLambdaMin()) / ls.saddleCurvature());
        q.both("lowestLambdaMinShareMin", shareMin, Format.sig(shareMin, 2), "smallest most-negative λ_min of a deep run, as a share of the depth-2 saddle curvature");
        q.both("lowestLambdaMinShareMax", shareMax, Format.sig(shareMax, 2), "largest such share");
        double finalExcessMax = max(all, LandscapeSummary::finalExcess);
        q.both("finalExcessMax", finalExcessMax, Format.upperBound(finalExcessMax, 2), "largest final relative excess loss of the main runs (upper bound)");
        double etaSharpnessMax = max(all, r -> eta * finalSharpness(r));
        q.both("etaSharpnessMax", etaSharpnessMax, Format.upperBound(etaSharpnessMax, 3), "largest η × final sharpness over the main runs (stable below 2)");
        n.put("etaPeakSharpnessMax", eta * max(all, r -> Arrays.stream(r.series().hessianMaxEigenvalue()).max().orElse(Double.NaN)));
        n.put("etaPredictedSharpnessMax", eta * max(all, r -> orNaN(r.predictedSharpness())));
        double finalLambdaMinMax = max(all, r -> Math.abs(last(r.series().hessianMinEigenvalue())));
        q.both("finalLambdaMinMax", finalLambdaMinMax, Format.upperBound(finalLambdaMinMax, 2), "largest |λ_min| at the end of a main run (upper bound)");
        n.put("lambdaMinAfterEscapeMax", max(all, LandscapeSummary::lambdaMinAfterEscape));
        double afterMin = min(all, r -> ratiosAfterEscape(r).min().orElse(Double.NaN));
        double afterMax = max(all, r -> ratiosAfterEscape(r).max().orElse(Double.NaN));
        q.both("lambdaMinGradientRatioAfterEscapeMin", afterMin, Format.sig(afterMin, 3), "smallest λ_min / gradient norm after the escape");
        q.both("lambdaMinGradientRatioAfterEscapeMax", afterMax, Format.sig(afterMax, 3), "largest λ_min / gradient norm after the escape");
        n.put("lambdaMinGradientRateGapMax", max(all, LandscapeSummary::lambdaMinGradientRateGapPercent));
        double finalGradientMax = max(all, r -> last(r.series().gradientNorm()));
        q.both("finalGradientMax", finalGradientMax, Format.upperBound(finalGradientMax, 2), "largest final gradient norm of the main runs (upper bound)");
        n.put("gradientDecayRateGapMax", max(all, LandscapeSummary::gradientDecayRateGapPercent));
        double imbalanceMax = max(all, r -> r.finalRelativeImbalance());
        q.both("imbalanceMax", imbalanceMax, Format.upperBound(imbalanceMax, 2), "largest final relative layer imbalance of the main runs (upper bound)");
        n.put("startImbalanceShareMin", min(all, r -> r.series().imbalance()[0] / last(r.series().imbalance())));
        double sharpnessGapMax = max(all, LandscapeSummary::sharpnessGapPercent);
        q.both("sharpnessGapMax", sharpnessGapMax, Format.upperBound(sharpnessGapMax, 2), "largest gap between final and predicted sharpness, in percent (upper bound)");
        n.put("sharpnessRatioMin", min(everyRun, r -> finalSharpness(r) / orNaN(r.predictedSharpness())));
        n.put("sharpnessRatioMax", max(everyRun, r -> finalSharpness(r) / orNaN(r.predictedSharpness())));
        double overshoot = 100 * max(all, r -> Arrays.stream(r.series().hessianMaxEigenvalue())
                .max().orElse(0) / finalSharpness(r) - 1);
        q.both("sharpnessOvershootPercent", overshoot, Format.upperBound(overshoot, 2), "largest overshoot of the sharpness above its final value, in percent (upper bound)");
        // the sharpness over the last phase: at the end of the escape, at the last record at or before the 1e-6 crossing
        double atEscapeEnd = max(all, LandscapeSummary::sharpnessAtEscapeEnd);
        q.both("sharpnessAtEscapeEndMax", atEscapeEnd, Format.upperBound(atEscapeEnd, 2), "largest sharpness at the end of the escape relative to the final sharpness (upper bound)");
        double at1e6 = min(all, LandscapeSummary::sharpnessAt1e6);
        q.both("sharpnessAt1e6Min", at1e6, Format.sig(at1e6, 2), "smallest sharpness at a relative excess of 1e-6, relative to the final sharpness");
        n.put("escapeEndTo1e6Min", min(all, r -> steps(r, "1e-6") - step(r.events().escapeEndStep())));
        // the last phase: steps per factor 10 of excess loss, measured between 1e-3 and 1e-6, and what the slowest
        // mode of gradient descent on the linear model itself, (1 - eta lambda_min)^(2t), would take
        v.put("stepsPerDecade", stepCount(median(all, r -> (steps(r, "1e-6") - steps(r, "1e-3")) / 3)), "steps per decade of the excess loss in the final phase (median over the main runs)");
        double linear = Math.log(10) / (-2 * Math.log1p(-eta * lambdaMin));
        q.both("linearStepsPerDecade", linear, stepCount(linear), "steps per decade of the excess loss that depth 1 (linear regression) would take");
        n.put("stepsPerDecadeGapMax", max(all, LandscapeSummary::stepsPerDecadeGapPercent));
        // between the crossings of 1e-3 and 1e-6 (three decades): how much slower than predicted, in percent
        double slowdownMin = min(all, LandscapeSummary::midPhaseSlowdownPercent), slowdownMax = max(all, LandscapeSummary::midPhaseSlowdownPercent);
        q.both("midPhaseSlowdownMin", slowdownMin, Format.sig(slowdownMin, 2), "smallest slowdown between the excess crossings of 1e-3 and 1e-6 against the prediction, in percent");
        q.both("midPhaseSlowdownMax", slowdownMax, Format.sig(slowdownMax, 2), "largest slowdown between the excess crossings of 1e-3 and 1e-6 against the prediction, in percent");
        perDepth(q, "", main);
        StructureSummary.add(q, main);

        LandscapeResult deepest = large.get(large.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow()).get(0);
        v.put("largeWidth", Integer.toString(deepest.widths()[1]), "hidden width of the wide configuration");
        v.put("largeDepths", large.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")), "depths of the wide configuration");
        v.put("largeDepth", Integer.toString(deepest.depth()), "deepest depth of the wide configuration");
        q.both("largeSeeds", largeSeeds, Integer.toString(largeSeeds), "seeds per depth of the wide configuration");
        n.put("largeRuns", (double) wide.size());
        n.put("largeRunsReaching1e6", (double) wide.stream().filter(r -> Double.isFinite(steps(r, "1e-6"))).count());
        v.put("largeSteps", Format.integer(deepest.steps()), "gradient steps of the wide configuration's deepest run");
        v.put("largeParameters", Format.integer(deepest.parameterCount()), "parameters of the wide configuration's deepest network");
        v.put("largeHessianMethod", deepest.series().hessianMethod(), "how the wide runs' Hessian extremes are computed");
        v.put("largeLanczosResidualMax", Format.upperBound(max(wide, r -> Arrays.stream(r.series().hessianResidual()).max().orElse(0)), 2), "largest Lanczos residual over the wide runs' records");
        v.put("largeStepsTo1e6Max", stepCount(max(wide, r -> steps(r, "1e-6"))), "most steps any wide run takes to a relative excess loss of 1e-6");
        v.put("largeFinalExcessMax", Format.upperBound(max(wide, LandscapeSummary::finalExcess), 2), "largest final relative excess loss of the wide runs");
        n.put("largeInitialLambdaMinMax", max(wide, r -> r.series().hessianMinEigenvalue()[0]));
        // the final smallest eigenvalue farthest from zero, and how it compares with the Lanczos residual there
        double largeFinalLambdaMin = wide.stream().mapToDouble(r -> last(r.series().hessianMinEigenvalue()))
                .boxed().max(java.util.Comparator.comparingDouble(Math::abs)).orElse(Double.NaN);
        q.both("largeFinalLambdaMin", largeFinalLambdaMin, Format.sig(largeFinalLambdaMin, 2), "λ_min at the end of the wide configuration's deepest run");
        n.put("largeFinalLambdaMinOverResidualMax", max(wide, r -> Math.abs(last(r.series().hessianMinEigenvalue()))
                / last(r.series().hessianResidual())));
        // lambda_min against the gradient norm from a relative excess of 1e-6 on: in the main runs it stays near -0.93;
        // a wide run's record where Lanczos reports less than half the smallest such magnitude is counted as unresolved
        double ratioMin = min(all, r -> lastPhaseRatios(r).min().orElse(Double.NaN));
        double ratioMax = max(all, r -> lastPhaseRatios(r).max().orElse(Double.NaN));
        q.both("lastPhaseLambdaMinGradientRatioMin", ratioMin, Format.sig(ratioMin, 3), "smallest λ_min / gradient norm from a relative excess of 1e-6 on (main runs)");
        q.both("lastPhaseLambdaMinGradientRatioMax", ratioMax, Format.sig(ratioMax, 3), "largest λ_min / gradient norm from a relative excess of 1e-6 on (main runs)");
        double cut = Math.abs(ratioMax) / 2;
        double resolvedMin = Double.POSITIVE_INFINITY, resolvedMax = Double.NEGATIVE_INFINITY, resolvedTo = Double.NEGATIVE_INFINITY;
        double unresolvedFrom = Double.POSITIVE_INFINITY, unresolvedRatioMax = 0, expectedOverResidualMin = Double.POSITIVE_INFINITY;
        double unresolvedTotal = 0, unresolvedMin = Double.POSITIVE_INFINITY;
        for (LandscapeResult r : wide) {
            int[] steps = r.series().step();
            double[] smallest = r.series().hessianMinEigenvalue(), gradient = r.series().gradientNorm(), residual = r.series().hessianResidual();
            int count = 0;
            for (int i = Math.max(0, firstAtOrAfter(steps, steps(r, "1e-6"))); i < steps.length && Double.isFinite(steps(r, "1e-6")); i++) {
                double ratio = smallest[i] / gradient[i];
                if (Math.abs(ratio) >= cut) {
                    resolvedMin = Math.min(resolvedMin, ratio);
                    resolvedMax = Math.max(resolvedMax, ratio);
                    resolvedTo = Math.max(resolvedTo, steps[i]);
                } else {
                    count++;
                    unresolvedFrom = Math.min(unresolvedFrom, steps[i]);
                    unresolvedRatioMax = Math.max(unresolvedRatioMax, Math.abs(ratio));
                    expectedOverResidualMin = Math.min(expectedOverResidualMin, Math.abs(ratioMax) * gradient[i] / residual[i]);
                }
            }
            unresolvedTotal += count;
            unresolvedMin = Math.min(unresolvedMin, count);
        }
        q.both("largeResolvedRatioMin", resolvedMin, Format.sig(resolvedMin, 3), "smallest resolved λ_min / gradient norm of the wide runs' last phase");
        q.both("largeResolvedRatioMax", resolvedMax, Format.sig(resolvedMax, 3), "largest resolved λ_min / gradient norm of the wide runs' last phase");
        q.both("largeResolvedToStep", resolvedTo, stepCount(resolvedTo), "last step at which a wide run's λ_min is resolved");
        q.both("largeUnresolvedFromStep", unresolvedFrom, stepCount(unresolvedFrom), "first step at which a wide run's λ_min is below Lanczos' resolution");
        q.both("largeUnresolvedRecords", unresolvedTotal, stepCount(unresolvedTotal), "wide-run records whose λ_min is below Lanczos' resolution");
        n.put("largeUnresolvedRecordsMin", unresolvedMin);
        q.both("largeUnresolvedRatioMax", unresolvedRatioMax, Format.upperBound(unresolvedRatioMax, 2), "largest |λ_min| / gradient norm among the unresolved records (upper bound)");
        q.both("largeExpectedLambdaMinOverResidualMin", expectedOverResidualMin, Format.sig(expectedOverResidualMin, 2), "smallest expected |λ_min| over the Lanczos residual among the unresolved records");
        q.both("largeSharpness", finalSharpness(deepest), Format.sig(finalSharpness(deepest), 4), "final sharpness of the wide configuration's deepest run");
        q.both("largePredictedSharpness", orNaN(deepest.predictedSharpness()), Format.sig(orNaN(deepest.predictedSharpness()), 4), "predicted sharpness at the minimum the wide configuration's deepest run reaches");
        q.both("largeSharpnessGap", sharpnessGapPercent(deepest), Format.sig(sharpnessGapPercent(deepest), 2), "gap between the wide deepest run's final and predicted sharpness, in percent");
        n.put("largeSharpnessGapMax", max(wide, LandscapeSummary::sharpnessGapPercent));
        q.both("largeImbalance", deepest.finalRelativeImbalance(), Format.sig(deepest.finalRelativeImbalance(), 2), "final relative layer imbalance of the wide configuration's deepest run");
        v.put("largeHessianSeconds", Format.sig(max(wide, r -> r.timings().hessianSeconds()), 2), "longest time a wide run spent computing Hessian extremes, in seconds");
        perDepth(q, "large", large);
        // the wide configuration against the main one, at the depths both have: median escape step and start scale
        for (Map.Entry<Integer, List<LandscapeResult>> e : large.entrySet()) {
            List<LandscapeResult> narrow = main.get(e.getKey());
            if (narrow == null) continue;
            n.put("largeEscapeStepRatio.depth" + e.getKey(),
                    median(e.getValue(), x -> step(x.events().escapeStep())) / median(narrow, x -> step(x.events().escapeStep())));
            n.put("largeLayerScaleRatio.depth" + e.getKey(), median(e.getValue(), x -> orNaN(x.escapePrediction().layerScale()))
                    / median(narrow, x -> orNaN(x.escapePrediction().layerScale())));
        }
        // one minus sign on the page: the typographic one in every quoted negative number
        q.values().replaceTexts(StructureSummary::minus);
        return q;
    }

    /** Keys like stepsTo1e6Depth3 (or largeStepsTo1e6Depth3) for every depth of a configuration, and the numbers stepsTo1e6.depth3. */
    private static void perDepth(Quoted q, String prefix, Map<Integer, List<LandscapeResult>> runs) {
        for (Map.Entry<Integer, List<LandscapeResult>> e : runs.entrySet()) {
            int d = e.getKey();
            List<LandscapeResult> r = e.getValue();
            q.values().put(key(prefix, "parameters") + "Depth" + d, Format.integer(r.get(0).parameterCount()),
                    "number of network parameters, depth " + d + (prefix.isEmpty() ? "" : ", wide configuration"));
            double x;
            x = median(r, y -> steps(y, "1e-3"));
            q.perDepth(key(prefix, "stepsTo1e3"), d, x, stepCount(x), "steps to a relative excess loss of 1e-3 (median over seeds)");
            x = median(r, y -> steps(y, "1e-6"));
            q.perDepth(key(prefix, "stepsTo1e6"), d, x, stepCount(x), "steps to a relative excess loss of 1e-6 (median over seeds)");
            x = max(r, y -> steps(y, "1e-6"));
            q.perDepth(key(prefix, "stepsTo1e6Max"), d, x, stepCount(x), "most steps to a relative excess loss of 1e-6 over seeds");
            x = median(r, LandscapeSummary::finalSharpness);
            q.perDepth(key(prefix, "sharpness"), d, x, Format.sig(x, 4), "final sharpness λ_max (median over seeds)");
            x = median(r, y -> orNaN(y.predictedSharpness()));
            q.perDepth(key(prefix, "predictedSharpness"), d, x, Format.sig(x, 4), "predicted sharpness at the reached minimum (median over seeds)");
            x = median(r, LandscapeSummary::sharpnessGapPercent);
            q.perDepth(key(prefix, "sharpnessGap"), d, x, Format.upperBound(x, 2), "gap between final and predicted sharpness, in percent (upper bound)");
            x = median(r, y -> y.finalRelativeImbalance());
            q.perDepth(key(prefix, "imbalance"), d, x, Format.sig(x, 2), "final relative layer imbalance (median over seeds)");
            x = median(r, y -> y.series().hessianMinEigenvalue()[0]);
            q.perDepth(key(prefix, "initialLambdaMin"), d, x, Format.sig(x, 3), "λ_min of the Hessian at the start (median over seeds)");
            x = median(r, y -> y.series().hessianMaxEigenvalue()[0]);
            q.perDepth(key(prefix, "initialLambdaMax"), d, x, Format.sig(x, 3), "λ_max of the Hessian at the start (median over seeds)");
            x = median(r, y -> orNaN(y.events().lowestLambdaMin()));
            q.perDepth(key(prefix, "lowestLambdaMin"), d, x, Format.sig(x, 2), "most negative λ_min along the run (median over seeds)");
            x = median(r, y -> step(y.events().lowestLambdaMinStep()));
            q.perDepth(key(prefix, "lowestLambdaMinStep"), d, x, stepCount(x), "step of the most negative λ_min (median over seeds)");
            x = max(r, y -> orNaN(y.events().lowestLambdaMinResolution()));
            q.perDepth(key(prefix, "lowestLambdaMinResolution"), d, x, stepCount(x), "spacing of the records around the most negative λ_min (median over seeds)");
            x = median(r, y -> y.series().gradientNorm()[0]);
            q.perDepth(key(prefix, "initialGradient"), d, x, Format.sig(x, 3), "gradient norm at the start (median over seeds)");
            x = median(r, y -> y.events().peakGradientNorm());
            q.perDepth(key(prefix, "peakGradient"), d, x, Format.sig(x, 2), "peak gradient norm (median over seeds)");
            x = median(r, y -> step(y.events().peakGradientNormStep()));
            q.perDepth(key(prefix, "peakGradientStep"), d, x, stepCount(x), "step of the peak gradient norm (median over seeds)");
            x = median(r, y -> step(y.events().escapeStep()));
            q.perDepth(key(prefix, "escapeStep"), d, x, stepCount(x), "steps to escape the origin (median over seeds)");
            x = median(r, LandscapeSummary::predictedEscapeStep);
            q.perDepth(key(prefix, "predictedEscapeStep"), d, x, stepCount(x), "predicted steps to escape the origin (median over seeds)");
            x = min(r, y -> step(y.events().escapeStep()) / predictedEscapeStep(y));
            q.perDepth(key(prefix, "escapeRatioMin"), d, x, Format.sig(x, 2), "smallest measured / predicted escape step over seeds");
            x = max(r, y -> step(y.events().escapeStep()) / predictedEscapeStep(y));
            q.perDepth(key(prefix, "escapeRatioMax"), d, x, Format.sig(x, 2), "largest measured / predicted escape step over seeds");
            x = median(r, y -> orNaN(y.escapePrediction().layerScale()));
            q.perDepth(key(prefix, "layerScale"), d, x, Format.sig(x, 2), "initial scale of a layer in the escape prediction (median over seeds)");
            x = median(r, y -> step(y.events().escapeStartStep()));
            q.perDepth(key(prefix, "escapeStart"), d, x, stepCount(x), "step at which the escape starts (median over seeds)");
            x = median(r, y -> step(y.events().escapeEndStep()));
            q.perDepth(key(prefix, "escapeEnd"), d, x, stepCount(x), "step at which the escape ends (median over seeds)");
            x = median(r, y -> step(y.events().escapeEndStep()) - step(y.events().escapeStartStep()));
            q.perDepth(key(prefix, "escapeDuration"), d, x, stepCount(x), "steps the escape lasts (median over seeds)");
            long fullyRecorded = r.stream().filter(y ->
                    y.events().spectralRecordsInEscape() == step(y.events().escapeEndStep()) - step(y.events().escapeStartStep()) + 1).count();
            q.perDepth(key(prefix, "escapesFullyRecorded"), d, fullyRecorded, Long.toString(fullyRecorded), "runs whose escape lies wholly inside the recorded steps");
            q.perDepth(key(prefix, "runs"), d, r.size(), Integer.toString(r.size()), "number of runs");
            x = min(r, y -> y.events().spectralRecordsInEscape());
            q.perDepth(key(prefix, "spectralRecordsInEscapeMin"), d, x, stepCount(x), "fewest Hessian records inside the escape over seeds");
            x = median(r, y -> orNaN(y.finalRate().predictedRate()));
            q.perDepth(key(prefix, "predictedRate"), d, x, Format.sig(x, 3), "predicted per-step contraction of the excess loss in the final phase");
            x = median(r, y -> orNaN(y.finalRate().predictedStepsPerDecade()));
            q.perDepth(key(prefix, "predictedStepsPerDecade"), d, x, stepCount(x), "predicted steps per decade of the excess loss in the final phase");
            x = median(r, y -> orNaN(y.finalRate().measuredStepsPerDecade()));
            q.perDepth(key(prefix, "measuredStepsPerDecade"), d, x, stepCount(x), "measured steps per decade of the excess loss in the final phase (median over seeds)");
            x = max(r, LandscapeSummary::stepsPerDecadeGapPercent);
            q.perDepth(key(prefix, "stepsPerDecadeGap"), d, x, Format.upperBound(x, 2), "gap between measured and predicted steps per decade, in percent (upper bound)");
            // numbers only, for the claims about the records and the sharpness through the escape
            String member = ".depth" + d;
            x = max(r, LandscapeSummary::sharpnessDip);
            q.perDepth(key(prefix, "sharpnessDip"), d, x, Format.sig(x, 2), "dip of the sharpness below its final value after the escape (median over seeds)");
            x = r.stream().filter(y -> insideEscape(y, y.series().step()[lowestSharpnessRecord(y)])).count();
            q.numbers().put(key(prefix, "sharpnessLowestInEscapeRuns") + member, x);
            x = max(r, LandscapeSummary::sharpnessDipRecovery);
            q.perDepth(key(prefix, "sharpnessDipRecovery"), d, x, stepCount(x), "steps the sharpness takes to recover from the dip (median over seeds)");
            q.numbers().put(key(prefix, "sharpnessAtEscapeEnd") + member, min(r, LandscapeSummary::sharpnessAtEscapeEnd));
            q.numbers().put(key(prefix, "plateauRecordDensity") + member, max(r, LandscapeSummary::plateauRecordDensity));
            q.numbers().put(key(prefix, "escapeRecordDensity") + member, min(r, LandscapeSummary::escapeRecordDensity));
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

    /** Steps per decade between the first steps at a relative excess of 1e-3 and 1e-6, against the prediction: (measured / predicted - 1) in percent. */
    static double midPhaseSlowdownPercent(LandscapeResult r) {
        double measured = (steps(r, "1e-6") - steps(r, "1e-3")) / 3;
        return 100 * (measured / orNaN(r.finalRate().predictedStepsPerDecade()) - 1);
    }

    /** The largest smallest-eigenvalue at the spectral records from the end of the escape on (negative: never convex there). */
    static double lambdaMinAfterEscape(LandscapeResult r) {
        int[] steps = r.series().step();
        double[] lambdaMin = r.series().hessianMinEigenvalue();
        double end = step(r.events().escapeEndStep()), largest = Double.NaN;
        for (int i = 0; i < steps.length; i++)
            if (steps[i] >= end && !(lambdaMin[i] <= largest)) largest = lambdaMin[i];
        return largest;
    }

    /**
     * How far |lambda_min| and the gradient norm decay at different rates in the last phase, in percent: over the
     * spectral records from the first one at a relative excess of at most 1e-6 to the last one,
     * |ln(|lambda_min| ratio) / ln(gradient norm ratio) - 1|; NaN if the run never got to 1e-6.
     */
    static double lambdaMinGradientRateGapPercent(LandscapeResult r) {
        int[] steps = r.series().step();
        int from = firstAtOrAfter(steps, steps(r, "1e-6")), to = steps.length - 1;
        if (from < 0 || from >= to) return Double.NaN;
        double[] lambdaMin = r.series().hessianMinEigenvalue(), gradient = r.series().gradientNorm();
        double ratio = Math.log(Math.abs(lambdaMin[from] / lambdaMin[to])) / Math.log(gradient[from] / gradient[to]);
        return 100 * Math.abs(ratio - 1);
    }

    /**
     * How far the gradient norm is from falling geometrically in the last phase, in percent: the points its every-step
     * trace kept from a relative excess of 1e-6 on are cut at the one nearest the middle, and the steps per factor of
     * ten over the two halves compared, |second / first - 1|; NaN if the run never got to 1e-6.
     */
    static double gradientDecayRateGapPercent(LandscapeResult r) {
        int[] steps = r.trace().gradientNorm().step();
        double[] value = r.trace().gradientNorm().value();
        int from = firstAtOrAfter(steps, steps(r, "1e-6")), to = steps.length - 1;
        if (from < 0 || to - from < 2) return Double.NaN;
        double middle = (steps[from] + steps[to]) / 2.0;
        int mid = from + 1;
        for (int i = from + 1; i < to; i++) if (Math.abs(steps[i] - middle) < Math.abs(steps[mid] - middle)) mid = i;
        double first = (steps[mid] - steps[from]) / Math.log10(value[from] / value[mid]);
        double second = (steps[to] - steps[mid]) / Math.log10(value[mid] / value[to]);
        return 100 * Math.abs(second / first - 1);
    }

    /** lambda_min / gradient norm at the spectral records from the end of the escape on. */
    static java.util.stream.DoubleStream ratiosAfterEscape(LandscapeResult r) {
        int[] steps = r.series().step();
        double[] lambdaMin = r.series().hessianMinEigenvalue(), gradient = r.series().gradientNorm();
        double end = step(r.events().escapeEndStep());
        return java.util.stream.IntStream.range(0, steps.length).filter(i -> steps[i] >= end).mapToDouble(i -> lambdaMin[i] / gradient[i]);
    }

    /** lambda_min / gradient norm at the spectral records from the first one at a relative excess of at most 1e-6 on. */
    static java.util.stream.DoubleStream lastPhaseRatios(LandscapeResult r) {
        int[] steps = r.series().step();
        double[] lambdaMin = r.series().hessianMinEigenvalue(), gradient = r.series().gradientNorm();
        int from = firstAtOrAfter(steps, steps(r, "1e-6"));
        return from < 0 ? java.util.stream.DoubleStream.empty()
                : java.util.stream.IntStream.range(from, steps.length).mapToDouble(i -> lambdaMin[i] / gradient[i]);
    }

    /** The index of the first step at or after {@code step}, or -1 (also for a step that is infinite or NaN). */
    private static int firstAtOrAfter(int[] steps, double step) {
        for (int i = 0; i < steps.length; i++) if (steps[i] >= step) return i;
        return -1;
    }

    /** The smallest lambda_max at the records inside the escape, relative to lambda_max at step 0 (below 1: it dips). */
    static double sharpnessDip(LandscapeResult r) {
        int[] steps = r.series().step();
        double[] lambdaMax = r.series().hessianMaxEigenvalue();
        double lowest = Double.NaN;
        for (int i = 0; i < steps.length; i++)
            if (insideEscape(r, steps[i]) && !(lambdaMax[i] >= lowest)) lowest = lambdaMax[i];
        return lowest / lambdaMax[0];
    }

    /** The index of the spectral record with the smallest lambda_max (the first one if several). */
    static int lowestSharpnessRecord(LandscapeResult r) {
        double[] lambdaMax = r.series().hessianMaxEigenvalue();
        int at = 0;
        for (int i = 1; i < lambdaMax.length; i++) if (lambdaMax[i] < lambdaMax[at]) at = i;
        return at;
    }

    /** Steps from the record with the smallest lambda_max to the first record at or after it back at lambda_max at step 0. */
    static double sharpnessDipRecovery(LandscapeResult r) {
        int[] steps = r.series().step();
        double[] lambdaMax = r.series().hessianMaxEigenvalue();
        int low = lowestSharpnessRecord(r);
        for (int i = low; i < steps.length; i++) if (lambdaMax[i] >= lambdaMax[0]) return steps[i] - steps[low];
        return Double.POSITIVE_INFINITY;
    }

    /** lambda_max at the last record at or before the end of the escape, relative to the final one. */
    static double sharpnessAtEscapeEnd(LandscapeResult r) {
        int[] steps = r.series().step();
        double end = step(r.events().escapeEndStep());
        int at = -1;
        for (int i = 0; i < steps.length; i++) if (steps[i] <= end) at = i;
        return at < 0 ? Double.NaN : r.series().hessianMaxEigenvalue()[at] / finalSharpness(r);
    }

    /** lambda_max at the last record at or before the first step at a relative excess of 1e-6, relative to the final one. */
    static double sharpnessAt1e6(LandscapeResult r) {
        int[] steps = r.series().step();
        double crossing = steps(r, "1e-6");
        int at = -1;
        for (int i = 0; i < steps.length; i++) if (steps[i] <= crossing) at = i;
        return at < 0 || Double.isInfinite(crossing) ? Double.NaN : r.series().hessianMaxEigenvalue()[at] / finalSharpness(r);
    }

    /** Spectral records per step on the plateau, the steps before the escape starts. */
    static double plateauRecordDensity(LandscapeResult r) {
        double start = step(r.events().escapeStartStep());
        return Arrays.stream(r.series().step()).filter(s -> s < start).count() / start;
    }

    /** Spectral records per step inside the escape (1: every step of it is a record). */
    static double escapeRecordDensity(LandscapeResult r) {
        return r.events().spectralRecordsInEscape() / (step(r.events().escapeEndStep()) - step(r.events().escapeStartStep()) + 1);
    }

    private static double min(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
