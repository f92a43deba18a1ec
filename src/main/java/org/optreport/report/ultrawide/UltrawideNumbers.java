package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;
import static org.optreport.report.ultrawide.UltrawideMetrics.column;
import static org.optreport.report.ultrawide.UltrawideMetrics.fall;
import static org.optreport.report.ultrawide.UltrawideMetrics.last;
import static org.optreport.report.ultrawide.UltrawideMetrics.norm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.ultrawide.UltrawideScaling.Fits;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.Trace;
import org.optreport.results.UltrawideResult;
import org.optreport.results.UltrawideResult.NetworkRun;

/**
 * The exact numbers the ultrawide page's claims check ({@code StudyOutput.numbers}), and the few values that quote
 * them. Families name their members by width ({@code localSlope.w300}) or by group of eigen-directions
 * ({@code collapseStep.fast}), so that a claim can say {@code all ultrawide.localSlope.* < 0}.
 */
final class UltrawideNumbers {
    /** A group of eigen-directions has collapsed once its loss is at most this fraction of its loss at step 0. */
    static final double COLLAPSE_FRACTION = 1e-3;
    static final String[] GROUPS = {"fast", "middle", "slow"};

    private UltrawideNumbers() {}

    /** A family member's name for a width: {@code w} and the width's digits. */
    static String member(int width) { return "w" + width; }

    static Map<String, Double> numbers(UltrawideResult first, List<WidthRuns> widths, Fits fits, NetworkRun spectralRun) {
        Map<String, Double> n = new HashMap<>();
        double eta = first.learningRate(), lambdaMin = first.lambdaMin(), lambdaMax = first.lambdaMax();
        int steps = first.steps();
        WidthRuns smallest = widths.get(0), widest = widths.get(widths.size() - 1);
        List<NetworkRun> all = widths.stream().flatMap(w -> w.runs().stream()).toList();

        // The kernel and the data.
        n.put("lambdaMin", lambdaMin);
        n.put("lambdaMax", lambdaMax);
        n.put("conditionNumber", lambdaMax / lambdaMin);
        n.put("lambdaMaxFirstHalf", first.kernelBlocks().get(0).lambdaMax());
        n.put("maxAbsCosine", maxAbsCosine(first.dataset().x()));
        n.put("boundFactor", Math.pow(1 - eta * lambdaMin, 2.0 * steps));
        n.put("boundFall", Math.pow(1 - eta * lambdaMin, -2.0 * steps));
        double yNorm = norm(column(first.dataset().y()));
        n.put("targetNorm", yNorm);

        // The losses.
        n.put("kernelLossFall", median(widest.runs(), run -> fall(run.series().kernelLoss())));
        n.put("kernelLossFallMin", all.stream().mapToDouble(run -> fall(run.series().kernelLoss())).min().orElseThrow());
        n.put("finalLossRatioMin", all.stream().mapToDouble(UltrawideMetrics::finalLossRatio).min().orElseThrow());
        n.put("finalNetworkLossSmallest", median(smallest.runs(), run -> last(run.series().networkLoss())));
        n.put("finalKernelLossSmallest", median(smallest.runs(), run -> last(run.series().kernelLoss())));
        for (int i = 0; i < widths.size(); i++) {
            WidthRuns w = widths.get(i);
            double ratio = median(w.runs(), UltrawideMetrics::finalLossRatio);
            n.put("finalLossRatio." + member(w.width()), ratio);
            if (i > 0) n.put("finalLossRatioChange." + member(w.width()), ratio / median(widths.get(i - 1).runs(), UltrawideMetrics::finalLossRatio));
        }

        // The distance between the network and the kernel dynamics through training.
        n.put("distanceAfterOneStepMin", all.stream().mapToDouble(UltrawideNumbers::distanceAfterOneStep).min().orElseThrow());
        n.put("distanceGrowthMin", all.stream().mapToDouble(run -> UltrawideMetrics.largestDistance(run) / distanceAfterOneStep(run))
                .min().orElseThrow());
        n.put("distanceOrderedShare", orderedByWidthShare(widths));
        n.put("finalDistanceShareMin", all.stream().mapToDouble(UltrawideMetrics::finalDistanceShare).min().orElseThrow());
        // The widest widths at which every run's distance has begun to shrink by the last step, and the narrower rest.
        int shrinking = widths.size();
        while (shrinking > 0 && widths.get(shrinking - 1).runs().stream().allMatch(run -> UltrawideMetrics.finalDistanceShare(run) < 1)) shrinking--;
        n.put("distanceShrinkingWidthCount", (double) (widths.size() - shrinking));
        n.put("distanceSteadyWidestWidth", shrinking == 0 ? Double.NaN : (double) widths.get(shrinking - 1).width());
        n.put("finalDistanceShareSteadyMin", widths.subList(0, shrinking).stream().flatMap(w -> w.runs().stream())
                .mapToDouble(UltrawideMetrics::finalDistanceShare).min().orElse(Double.NaN));
        n.put("distancePeakStepWidestMax", (double) widest.runs().stream().mapToInt(UltrawideMetrics::largestDistanceStep).max().orElseThrow());

        // The largest distance against the width.
        double[] largest = widths.stream().mapToDouble(w -> median(w.runs(), UltrawideMetrics::largestDistance)).toArray();
        n.put("distanceSmallest", largest[0]);
        n.put("distanceWidest", largest[largest.length - 1]);
        n.put("distanceSmallestRelative", largest[0] / yNorm);
        n.put("distanceSlope", fits.distance().slope());
        n.put("distanceFitMinWidth", (double) fits.distance().minWidth());
        double[] local = new double[widths.size()];  // local[i]: between widths i - 1 and i; local[0] unused
        for (int i = 1; i < widths.size(); i++) {
            int m = widths.get(i).width();
            local[i] = localSlope(widths.get(i - 1).width(), largest[i - 1], m, largest[i]);
            n.put("localSlope." + member(m), local[i]);
            if (m < fits.distance().minWidth()) n.put("localSlopeNarrow." + member(m), local[i]);
        }
        for (int i = 0; i < widths.size(); i++)
            if (widths.get(i).width() < fits.distance().minWidth())
                n.put("distanceRelativeNarrow." + member(widths.get(i).width()), largest[i] / yNorm);
        if (widths.size() > 1) {
            // The first width from which every wider width steepens the local slope.
            int from = widths.size() - 1;
            while (from > 1 && local[from - 1] > local[from]) from--;
            n.put("localSlopeSteepensFrom", (double) widths.get(from).width());
            n.put("localSlopeWidest", local[widths.size() - 1]);
        }

        // The kernel's error at initialization and its drift during training, against lambda_0.
        n.put("deviationSlope", fits.deviation().slope());
        n.put("deviationSmallest", median(smallest.runs(), NetworkRun::kernelDeviationSpectral));
        n.put("deviationWidest", median(widest.runs(), NetworkRun::kernelDeviationSpectral));
        n.put("kernelChangeSmallest", median(smallest.runs(), NetworkRun::kernelChangeSpectral));
        n.put("kernelChangeWidest", median(widest.runs(), NetworkRun::kernelChangeSpectral));

        // Lazy training.
        n.put("movementSmallest", median(smallest.runs(), UltrawideMetrics::finalMovement));
        n.put("movementWidest", median(widest.runs(), UltrawideMetrics::finalMovement));
        n.put("movementSlope", fits.movement().slope());
        n.put("flipPercentSmallest", 100 * median(smallest.runs(), UltrawideMetrics::finalFlips));
        n.put("flipPercentWidest", 100 * median(widest.runs(), UltrawideMetrics::finalFlips));
        n.put("flipSlope", fits.flip().slope());
        double[] flips = widths.stream().mapToDouble(w -> median(w.runs(), UltrawideMetrics::finalFlips)).toArray();
        if (widths.size() > 1) {
            double[] flipLocal = new double[widths.size()];  // flipLocal[i]: between widths i - 1 and i
            for (int i = 1; i < widths.size(); i++) {
                flipLocal[i] = localSlope(widths.get(i - 1).width(), flips[i - 1], widths.get(i).width(), flips[i]);
                n.put("flipLocalSlope." + member(widths.get(i).width()), flipLocal[i]);
            }
            int from = widths.size() - 1;  // the first width from which every wider width steepens the local slope
            while (from > 1 && flipLocal[from - 1] > flipLocal[from]) from--;
            n.put("flipLocalSlopeSteepensFrom", (double) widths.get(from).width());
            n.put("flipLocalSlopeWidest", flipLocal[widths.size() - 1]);
        }

        putSpectralNumbers(n, spectralRun);
        putSlowGroupRates(n, first);
        return n;
    }

    /**
     * The rates eta lambda_i of the slow group (eta lambda below the experiment's lower edge), against the slowest rate
     * eta lambda_0 that the bound assumes for every direction.
     */
    private static void putSlowGroupRates(Map<String, Double> n, UltrawideResult first) {
        double eta = first.learningRate(), slowest = eta * first.lambdaMin(), edge = first.bands().edges()[1];
        double[] rates = java.util.Arrays.stream(first.kernelEigenvalues()).map(lambda -> eta * lambda).filter(rate -> rate < edge).sorted().toArray();
        if (rates.length == 0) {  // no slow group at this step size: the claims on it fail instead of quoting a number
            for (String name : List.of("slowRateMin", "slowRateMax", "slowRateMaxOverSlowest", "slowRateMedianOverSlowest")) n.put(name, Double.NaN);
            return;
        }
        n.put("slowRateMin", rates[0]);
        n.put("slowRateMax", rates[rates.length - 1]);
        n.put("slowRateMaxOverSlowest", rates[rates.length - 1] / slowest);
        double middle = rates.length % 2 == 1 ? rates[rates.length / 2] : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
        n.put("slowRateMedianOverSlowest", middle / slowest);
    }

    /**
     * The spectral run's loss in each group of eigen-directions: when it collapses, what is left at the end, and how far
     * the network's stays from the kernel dynamics'.
     */
    private static void putSpectralNumbers(Map<String, Double> n, NetworkRun run) {
        double[][] network = run.series().networkBandLoss(), kernel = run.series().kernelBandLoss();
        int[] step = run.series().step();
        int end = network.length - 1;
        double networkTotal = 0, kernelTotal = 0, residualTotal = 0;
        for (int b = 0; b < 3; b++) {
            networkTotal += network[end][b];
            kernelTotal += kernel[end][b];
            residualTotal += network[0][b];
        }
        for (int b = 0; b < 3; b++) {
            n.put("residualShare." + GROUPS[b], network[0][b] / residualTotal);
            double gap = 0;
            for (int r = 0; r <= end; r++) gap = Math.max(gap, Math.abs(network[r][b] - kernel[r][b]));
            n.put("bandGapMax." + GROUPS[b], gap / network[0][b]);
            if (b < 2) n.put("collapseStep." + GROUPS[b], collapseStep(step, network, kernel, b));
        }
        n.put("slowGroupFall", kernel[0][2] / kernel[end][2]);
        n.put("finalSlowShare.network", network[end][2] / networkTotal);
        n.put("finalSlowShare.kernel", kernel[end][2] / kernelTotal);
        n.put("finalLagSlowShare", (network[end][2] - kernel[end][2]) / (networkTotal - kernelTotal));
    }

    /**
     * The first recorded step at which both the network's and the kernel dynamics' loss in group {@code b} are at most
     * {@link #COLLAPSE_FRACTION} of their loss at step 0 (an upper bound on the first such step); infinity if never.
     */
    static double collapseStep(int[] step, double[][] network, double[][] kernel, int b) {
        for (int r = 0; r < step.length; r++)
            if (network[r][b] <= COLLAPSE_FRACTION * network[0][b] && kernel[r][b] <= COLLAPSE_FRACTION * kernel[0][b]) return step[r];
        return Double.POSITIVE_INFINITY;
    }

    /** The slope of the line through two points in log-log coordinates. */
    static double localSlope(double m0, double d0, double m1, double d1) { return Math.log(d1 / d0) / Math.log(m1 / m0); }

    /** The network-kernel distance after the first step, read off the every-step trace (which keeps the first steps). */
    static double distanceAfterOneStep(NetworkRun run) {
        Trace t = run.trace().distance();
        for (int k = 0; k < t.step().length; k++) if (t.step()[k] == 1) return t.value()[k];
        throw new IllegalStateException("the distance trace of width " + run.width() + ", seed " + run.seed() + " does not keep step 1");
    }

    /**
     * The share of the recorded steps after step 0 at which the median distance over seeds is smaller at every width
     * than at the next narrower one.
     */
    static double orderedByWidthShare(List<WidthRuns> widths) {
        int[] step = widths.get(0).runs().get(0).series().step();
        for (WidthRuns w : widths)
            for (NetworkRun run : w.runs())
                if (!java.util.Arrays.equals(step, run.series().step()))
                    throw new IllegalStateException("runs recorded at different steps (width " + run.width() + ", seed " + run.seed() + ")");
        int ordered = 0;
        for (int r = 1; r < step.length; r++) {
            final int record = r;
            boolean falls = true;
            double previous = Double.POSITIVE_INFINITY;
            for (WidthRuns w : widths) {
                double d = median(w.runs(), run -> run.series().distance()[record]);
                falls &= d < previous;
                previous = d;
            }
            if (falls) ordered++;
        }
        return (double) ordered / (step.length - 1);
    }

    /** The largest |cos| of the angle between two different inputs: 1 if two are parallel. */
    static double maxAbsCosine(double[][] x) {
        double largest = 0;
        for (int i = 0; i < x.length; i++)
            for (int j = i + 1; j < x.length; j++) {
                double dot = 0, ii = 0, jj = 0;
                for (int c = 0; c < x[i].length; c++) {
                    dot += x[i][c] * x[j][c];
                    ii += x[i][c] * x[i][c];
                    jj += x[j][c] * x[j][c];
                }
                largest = Math.max(largest, Math.abs(dot) / Math.sqrt(ii * jj));
            }
        return largest;
    }

    /** The values the page quotes beside these claims. */
    static void putValues(QuotedValues values, Map<String, Double> n, UltrawideResult first, List<WidthRuns> widths) {
        values.put("halfSamples", Integer.toString(first.kernelBlocks().get(0).size()), "half the number of samples, n / 2");
        values.put("lambdaMaxFirstHalf", Format.sig(n.get("lambdaMaxFirstHalf"), 3), "largest eigenvalue of H* restricted to the first n / 2 samples");
        values.put("maxAbsCosine", Format.sig(n.get("maxAbsCosine"), 3), "largest |cosine| between two different (unit-norm) input rows");
        values.put("finalKernelLossSmallest", Format.sig(n.get("finalKernelLossSmallest"), 3), "final loss of the kernel dynamics beside the narrowest network (median over seeds)");
        WidthRuns smallest = widths.get(0), widest = widths.get(widths.size() - 1);
        values.put("finalLossRatioSmallestMin", Format.sig(smallest.runs().stream().mapToDouble(UltrawideMetrics::finalLossRatio).min().orElseThrow(), 3), "smallest final network/kernel loss ratio among the narrowest width's seeds");
        values.put("finalLossRatioSmallestMax", Format.sig(smallest.runs().stream().mapToDouble(UltrawideMetrics::finalLossRatio).max().orElseThrow(), 3), "largest final network/kernel loss ratio among the narrowest width's seeds");
        values.put("finalLossRatioWidestMin", Format.sig(widest.runs().stream().mapToDouble(UltrawideMetrics::finalLossRatio).min().orElseThrow(), 3), "smallest final network/kernel loss ratio among the widest width's seeds");
        values.put("finalLossRatioWidestMax", Format.sig(widest.runs().stream().mapToDouble(UltrawideMetrics::finalLossRatio).max().orElseThrow(), 3), "largest final network/kernel loss ratio among the widest width's seeds");
        values.put("distanceOrderedPercent", Integer.toString((int) Math.round(100 * n.get("distanceOrderedShare"))), "percentage of recorded steps at which the distance decreases with width");
        if (n.containsKey("localSlopeSteepensFrom")) {
            values.put("localSlopeSteepensFrom", Format.integer(Math.round(n.get("localSlopeSteepensFrom"))), "width from which every wider width steepens the local distance slope");
            values.put("localSlopeWidest", Format.sig(n.get("localSlopeWidest"), 2), "local slope of the largest distance against width between the two widest widths");
        }
        if (n.containsKey("flipLocalSlopeSteepensFrom")) {
            values.put("flipLocalSlopeSteepensFrom", Format.integer(Math.round(n.get("flipLocalSlopeSteepensFrom"))), "width from which every wider width steepens the local slope of the flipped fraction");
            values.put("flipLocalSlopeWidest", Format.sig(n.get("flipLocalSlopeWidest"), 2), "local slope of the flipped activation fraction between the two widest widths");
        }
        values.put("distanceShrinkingWidthCount", Integer.toString((int) Math.round(n.get("distanceShrinkingWidthCount"))), "number of widest widths at which every seed's distance ends below its peak");
        values.put("distanceSteadyWidestWidth", n.get("distanceSteadyWidestWidth").isNaN() ? "none" : Format.integer(Math.round(n.get("distanceSteadyWidestWidth"))), "widest width whose distance does not shrink by the end (none: every width shrinks)");
        values.put("residualRemovalFactor", Format.sig(1 / n.get("residualShare.slow"), 2), "1 / the slow group's share of the initial residual");
        values.put("slowGroupFall", Format.sig(n.get("slowGroupFall"), 2), "factor by which the kernel dynamics' slow-group loss falls over the run");
        values.put("slowGroupFallOverBound", Format.sig(n.get("slowGroupFall") / n.get("boundFall"), 2), "the slow group's fall over the fall the bound guarantees");
        values.put("slowRateMin", Format.sig(n.get("slowRateMin"), 2), "smallest rate η λ_i of the slow eigen-directions");
        values.put("slowRateMax", Format.sig(n.get("slowRateMax"), 2), "largest rate η λ_i of the slow eigen-directions");
        values.put("slowRateMaxOverSlowest", Format.sig(n.get("slowRateMaxOverSlowest"), 2), "largest slow rate over the slowest rate η λ_min");
        values.put("slowRateMedianOverSlowest", Format.sig(n.get("slowRateMedianOverSlowest"), 2), "median slow rate over the slowest rate η λ_min");
        values.put("bandGapFastPercent", Format.sig(100 * n.get("bandGapMax.fast"), 2), "largest network-kernel gap of the fast group's loss, as a percentage of its start");
        values.put("finalLagSlowPercent", Format.sig(100 * n.get("finalLagSlowShare"), 3), "percentage of the final network-kernel loss gap that lies in the slow group");
        values.put("deviationWidestOverLambdaMin", Format.sig(n.get("deviationWidest") / n.get("lambdaMin"), 2), "the widest width's kernel deviation from H* over λ_min");
        values.put("kernelChangeWidestOverLambdaMin", Format.sig(n.get("kernelChangeWidest") / n.get("lambdaMin"), 2), "the widest width's kernel change during training over λ_min");
    }
}
