package org.optreport.report.landscape;

import static org.optreport.report.stats.Median.median;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.optreport.report.output.Format;
import org.optreport.results.LandscapeResult;

/**
 * The numbers of the page's structural statements: the Hessian's inertia at the origin and rank at the minimum, the
 * sharpness of rescaled minima, the drift of the imbalance, the smoothness bounds along the path and a priori, the
 * plateau's depth law and the
 * excess at which the gradient is back at its initial size.
 */
final class StructureSummary {
    private StructureSummary() {}

    static void add(LandscapeSummary.Quoted q, Map<Integer, List<LandscapeResult>> main) {
        List<LandscapeResult> all = main.values().stream().flatMap(List::stream).toList();
        LandscapeResult any = all.get(0);
        double eta = any.learningRate();
        LandscapeResult.LeastSquares ls = any.leastSquares();
        double optimumNorm = Math.sqrt(Arrays.stream(ls.optimalWeights()).flatMapToDouble(Arrays::stream).map(w -> w * w).sum());
        double fall = max(all, r -> r.series().loss()[0] - r.leastSquares().optimalLoss());
        double radius = SmoothnessBounds.endToEndRadius(optimumNorm, fall, ls.inputMomentMinEigenvalue());
        q.both("endToEndRadius", radius, Format.sig(radius, 3), "a priori bound on the end-to-end matrix's norm along any run");

        double drift = max(all, r -> r.conservation().imbalanceChange());
        q.both("imbalanceDriftMax", drift, Format.upperBound(drift, 2), "largest change of the layer imbalance over a main run (upper bound)");
        double energy = max(all, r -> eta * eta * r.conservation().sumSquaredGradient());
        q.both("gradientEnergyMax", energy, Format.upperBound(energy, 3), "largest η² × sum of squared gradient norms over a main run (upper bound)");
        double driftBound = min(all, r -> SmoothnessBounds.imbalanceDrift(eta, fall, LandscapeSummary.orNaN(r.conservation().maxSegmentSmoothness())));
        q.both("imbalanceDriftBoundMin", driftBound, Format.sig(driftBound, 2), "smallest a priori bound on the imbalance's drift over the main runs");
        q.both("etaLossFall", eta * fall, Format.sig(eta * fall, 3), "η × the largest fall of the loss");
        q.numbers().put("driftWithinEnergyRuns", (double) all.stream()
                .filter(r -> r.conservation().imbalanceChange() <= eta * eta * r.conservation().sumSquaredGradient()
                        && eta * eta * r.conservation().sumSquaredGradient()
                        <= SmoothnessBounds.imbalanceDrift(eta, fall, LandscapeSummary.orNaN(r.conservation().maxSegmentSmoothness())))
                .count());
        double gapMax = max(all, r -> Math.abs(r.structure().finalSmallestNonzero() / LandscapeSummary.orNaN(r.finalRate().predictedRate()) - 1) * 100);
        q.both("smallestNonzeroGapMax", gapMax, Format.upperBound(gapMax, 2), "largest gap between the final smallest nonzero Hessian eigenvalue and the predicted rate's, in percent (upper bound)");
        double etaSegment = eta * max(all, r -> LandscapeSummary.orNaN(r.conservation().maxSegmentSmoothness()));
        q.both("etaSegmentSmoothnessMax", etaSegment, Format.upperBound(etaSegment, 3), "largest η × the smoothness bound over a gradient step's segment (upper bound)");

        for (Map.Entry<Integer, List<LandscapeResult>> e : main.entrySet()) {
            int d = e.getKey();
            List<LandscapeResult> runs = e.getValue();
            double x;
            x = max(runs, r -> r.structure().originNegative());
            q.perDepth("originNegative", d, x, count(x), "negative Hessian eigenvalues at the origin (most over seeds)");
            x = min(runs, r -> r.structure().originNegative());
            q.numbers().put("originNegativeMin.depth" + d, x);
            x = max(runs, r -> r.structure().originZero());
            q.perDepth("originZero", d, x, count(x), "zero Hessian eigenvalues at the origin (most over seeds)");
            x = max(runs, r -> r.structure().originPositive());
            q.perDepth("originPositive", d, x, count(x), "positive Hessian eigenvalues at the origin (most over seeds)");
            x = max(runs, r -> Math.max(Math.abs(r.structure().originMinEigenvalue()), Math.abs(r.structure().originMaxEigenvalue())));
            q.numbers().put("originLargestMagnitude.depth" + d, x);
            x = median(runs, r -> r.structure().originMaxEigenvalue());
            q.perDepth("originMaxEigenvalue", d, x, Format.sig(x, 4), "largest Hessian eigenvalue at the origin (median over seeds)");
            x = median(runs, r -> r.structure().originMinEigenvalue());
            q.perDepth("originMinEigenvalue", d, x, minus(Format.sig(x, 4)), "smallest Hessian eigenvalue at the origin (median over seeds)");
            x = min(runs, r -> r.structure().finalRank());
            q.perDepth("finalRankMin", d, x, count(x), "smallest rank of the final Hessian over seeds");
            x = max(runs, r -> r.structure().finalRank());
            q.perDepth("finalRankMax", d, x, count(x), "largest rank of the final Hessian over seeds");
            x = max(runs, r -> r.structure().finalLargestNull());
            q.perDepth("finalLargestNull", d, x, Format.upperBound(x, 2), "largest |eigenvalue| counted as zero in the final Hessian (upper bound)");
            q.numbers().put("finalZeroCutMax.depth" + d, max(runs, r -> r.structure().finalZeroCut()));
            x = min(runs, r -> r.structure().finalSmallestNonzero());
            q.perDepth("finalSmallestNonzero", d, x, Format.sig(x, 3), "smallest nonzero eigenvalue of the final Hessian (smallest over seeds)");
            x = max(runs, r -> Math.abs(r.structure().finalSmallestNonzero() / LandscapeSummary.orNaN(r.finalRate().predictedRate()) - 1) * 100);
            q.perDepth("smallestNonzeroGap", d, x, Format.upperBound(x, 2), "gap between that eigenvalue and the predicted rate's, in percent (upper bound)");
            // the flattest of the rescaled minima (over the pairs of layers and both directions) against the reached one
            x = median(runs, StructureSummary::flattestRescaled);
            q.perDepth("flattestRescaled", d, x, Format.sig(x, 3), "sharpness of the flattest rescaled minimum (median over seeds)");
            x = max(runs, r -> flattestRescaled(r) / LandscapeSummary.finalSharpness(r));
            q.perDepth("flattestRescaledRatioMax", d, x, Format.sig(x, 2), "largest flattest-rescaled sharpness over the reached sharpness");
            x = median(runs, r -> r.structure().rescaledDownSharpness()[0]);
            q.perDepth("steepestRescaled", d, x, Format.sig(x, 3), "sharpness of the minimum rescaled the other way (median over seeds)");
            x = max(runs, r -> LandscapeSummary.orNaN(r.conservation().maxSegmentSmoothness()));
            q.perDepth("segmentSmoothness", d, x, Format.sig(x, 3), "largest smoothness over a gradient step's segment (largest over seeds)");
            x = max(runs, r -> LandscapeSummary.orNaN(r.conservation().maxSegmentSmoothness()) / LandscapeSummary.finalSharpness(r));
            q.perDepth("segmentOverSharpness", d, x, Format.sig(x, 2), "that smoothness over the final sharpness (largest over seeds)");
            x = max(runs, r -> LandscapeSummary.orNaN(r.conservation().maxLayerNorm()));
            q.perDepth("maxLayerNorm", d, x, Format.sig(x, 3), "largest layer norm along the run (largest over seeds)");
            x = Math.pow(optimumNorm, 1.0 / d);
            q.perDepth("balancedLayerNorm", d, x, Format.sig(x, 3), "layer norm of the balanced factorization of W*");
            // a priori, from the start alone: the conserved imbalance and the bounded loss
            double delta = max(runs, r -> imbalanceSum(r.initialWeights()));
            q.perDepth("initialImbalanceSum", d, delta, Format.sig(delta, 2), "sum of the initial layer imbalances (largest over seeds)");
            double layerSquared = SmoothnessBounds.layerNormSquared(radius, d, delta);
            q.perDepth("aprioriLayerNorm", d, Math.sqrt(layerSquared), Format.sig(Math.sqrt(layerSquared), 3), "a priori bound on a layer's norm from the start alone");
            double beta = SmoothnessBounds.smoothness(d, ls.inputMomentMaxEigenvalue(), layerSquared, fall);
            q.perDepth("aprioriSmoothness", d, beta, Format.sig(beta, 3), "a priori smoothness bound β from the start alone");
            x = beta / median(runs, r -> Arrays.stream(r.series().hessianMaxEigenvalue()).max().orElse(Double.NaN));
            q.perDepth("aprioriOverSharpness", d, x, Format.sig(x, 2), "β over the largest sharpness met (median over seeds)");
            q.perDepth("aprioriStep", d, 2 / beta, Format.sig(2 / beta, 2), "the a priori safe step size 2 / β");
            // the gradient-norm stopping rule: the relative excess at which the gradient is back at its initial size
            x = median(runs, r -> LandscapeSummary.orNaN(r.stoppingRule().relativeExcessThen()));
            q.perDepth("gradientReturnExcess", d, x, Format.sig(x, 2), "relative excess loss when the gradient norm is back at its initial size (median over seeds)");
            x = max(runs, r -> LandscapeSummary.orNaN(r.stoppingRule().relativeExcessThen()));
            q.perDepth("gradientReturnExcessMax", d, x, Format.sig(x, 2), "the same, largest over seeds");
            x = min(runs, r -> LandscapeSummary.orNaN(r.stoppingRule().relativeExcessThen()));
            q.perDepth("gradientReturnExcessMin", d, x, Format.sig(x, 2), "the same, smallest over seeds");
            x = median(runs, r -> LandscapeSummary.orNaN(r.stoppingRule().gradientBackToStartStep()));
            q.perDepth("gradientReturnStep", d, x, Format.integer(Math.round(x)), "step at which the gradient norm is back at its initial size (median over seeds)");
            // the final rate predicted from the smallest nonzero Hessian eigenvalue at the run's last point instead of mu
            x = median(runs, r -> hessianStepsPerDecade(r, eta));
            q.perDepth("hessianStepsPerDecade", d, x, Format.integer(Math.round(x)), "steps per decade predicted from the final smallest nonzero Hessian eigenvalue (median over seeds)");
            x = max(runs, r -> 100 * Math.abs(LandscapeSummary.orNaN(r.finalRate().measuredStepsPerDecade()) / hessianStepsPerDecade(r, eta) - 1));
            q.perDepth("hessianStepsPerDecadeGap", d, x, Format.upperBound(x, 2), "gap between measured and that prediction, in percent (upper bound)");
            // the stopping rule on the plateau: how far below its initial size the gradient dips before the escape starts
            x = max(runs, r -> plateauDipPercent(r));
            q.perDepth("plateauDipPercentMax", d, x, Format.sig(x, 2), "deepest dip of the gradient norm below its initial size on the plateau, in percent");
            x = runs.stream().filter(r -> plateauDipPercent(r) > 0).count();
            q.perDepth("plateauDipRuns", d, x, count(x), "runs whose gradient norm dips on the plateau");
            x = median(runs, r -> LandscapeSummary.step(r.stoppingRule().plateauMinimumStep()));
            q.perDepth("plateauMinimumStep", d, x, Format.integer(Math.round(x)), "step of the gradient norm's minimum on the plateau (median over seeds)");
            // the slow phase the steps to 1e-3 add to the plateau
            x = min(runs, r -> LandscapeSummary.steps(r, "1e-3") - LandscapeSummary.step(r.events().escapeStep()));
            q.perDepth("slowPhaseTo1e3Min", d, x, Format.integer(Math.round(x)), "fewest steps from the escape to a relative excess of 1e-3 over seeds");
            x = max(runs, r -> LandscapeSummary.steps(r, "1e-3") - LandscapeSummary.step(r.events().escapeStep()));
            q.perDepth("slowPhaseTo1e3Max", d, x, Format.integer(Math.round(x)), "most steps from the escape to a relative excess of 1e-3 over seeds");
        }
        double dipRuns = all.stream().filter(r -> plateauDipPercent(r) > 0).count();
        q.both("plateauDipRuns", dipRuns, count(dipRuns), "main runs whose gradient norm dips below its initial size on the plateau");
        double plateauExcess = min(all, r -> LandscapeSummary.orNaN(r.stoppingRule().plateauMinimumRelativeExcess()));
        q.both("plateauMinimumExcessMin", plateauExcess, Format.sig(plateauExcess, 3), "smallest relative excess loss at the plateau's gradient minimum");
        q.numbers().put("escapeAbovePlateauRuns", (double) all.stream()
                .filter(r -> LandscapeSummary.orNaN(r.stoppingRule().escapeMinimum()) > LandscapeSummary.orNaN(r.stoppingRule().plateauMinimum()))
                .count());
        // the plateau's depth law: k_{1/2} ~ s0^{-(N-2)} / ((N-2) eta sigma), so k(4) / k(3) ~ 1 / (2 s0)
        List<LandscapeResult> three = main.get(3), four = main.get(4);
        if (three != null && four != null) {
            double measured = median(four, r -> LandscapeSummary.step(r.events().escapeStep()))
                    / median(three, r -> LandscapeSummary.step(r.events().escapeStep()));
            double s0 = median(four, r -> LandscapeSummary.orNaN(r.escapePrediction().layerScale()));
            q.both("escapeRatio43", measured, Format.sig(measured, 3), "measured escape step of depth 4 over depth 3 (medians)");
            q.both("escapeRatio43Law", 1 / (2 * s0), Format.sig(1 / (2 * s0), 3), "the plateau law's prediction of that ratio, 1 / (2 s₀)");
        }
    }

    /** ln 10 / (-2 ln(1 - eta lambda+_min)): steps per decade of the excess loss if lambda+_min set the rate. */
    static double hessianStepsPerDecade(LandscapeResult r, double eta) {
        return Math.log(10) / (-2 * Math.log(1 - eta * r.structure().finalSmallestNonzero()));
    }

    /** How far below its value at step 0 the gradient norm dips before the escape starts, in percent (0: never below). */
    static double plateauDipPercent(LandscapeResult r) {
        return 100 * (1 - LandscapeSummary.orNaN(r.stoppingRule().plateauMinimum()) / r.series().gradientNorm()[0]);
    }

    /** The smallest lambda_max over the rescalings of every pair of adjacent layers by 2 and 1/2, both ways. */
    static double flattestRescaled(LandscapeResult r) {
        return Math.min(Arrays.stream(r.structure().rescaledUpSharpness()).min().orElse(Double.NaN),
                Arrays.stream(r.structure().rescaledDownSharpness()).min().orElse(Double.NaN));
    }

    /** delta = sum_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F (at least the sum of the spectral norms the bound needs). */
    static double imbalanceSum(List<double[][]> layers) {
        double sum = 0;
        for (int j = 0; j + 1 < layers.size(); j++) {
            double[][] lower = layers.get(j), upper = layers.get(j + 1);
            int m = upper[0].length;
            double squares = 0;
            for (int a = 0; a < m; a++)
                for (int b = 0; b < m; b++) {
                    double d = 0;
                    for (double[] row : upper) d += row[a] * row[b];
                    for (int k = 0; k < lower[a].length; k++) d -= lower[a][k] * lower[b][k];
                    squares += d * d;
                }
            sum += Math.sqrt(squares);
        }
        return sum;
    }

    /** A number as the page prints it, with the typographic minus sign. */
    static String minus(String formatted) {
        return formatted.startsWith("-") ? "−" + formatted.substring(1) : formatted;
    }

    private static String count(double x) {
        return Double.isFinite(x) ? Format.integer(Math.round(x)) : "n/a";
    }

    private static double min(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
