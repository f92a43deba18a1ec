package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;

import java.util.List;
import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.ultrawide.UltrawideBootstrap.Interval;
import org.optreport.report.ultrawide.UltrawideMetrics.Metric;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult.NetworkRun;

/**
 * The slopes against width with their bootstrap intervals over seeds: the largest distance (over the fitted range and
 * between the two widest widths), the kernel at initialization, and the lazy-training quantities, the typical
 * (median, root-mean-square) neuron movement beside the largest and the flipped fraction. The flipped fraction
 * should track the typical movement: a pair (r, i) flips when w_r(0)^T x_i, a standard normal for a unit input, lies
 * within the movement of that pre-activation, which happens with probability about phi(0) E|Delta z| for small moves.
 */
final class UltrawideSlopes {
    private UltrawideSlopes() {}

    static void put(Map<String, Double> n, QuotedValues v, List<WidthRuns> widths, int fitMinWidth) {
        int widest = widths.get(widths.size() - 1).width();
        interval(n, v, "distanceSlope", UltrawideIntervals.of(widths, fitMinWidth, widest, UltrawideMetrics::largestDistance));
        if (widths.size() > 1)
            interval(n, v, "localSlopeWidest", UltrawideIntervals.of(widths, widths.get(widths.size() - 2).width(), widest,
                    UltrawideMetrics::largestDistance));
        interval(n, v, "deviationSlope", UltrawideIntervals.of(widths, 1, widest, NetworkRun::kernelDeviationSpectral));
        fitted(n, v, "movementSlope", "the largest weight movement", widths, fitMinWidth, widest, UltrawideMetrics::finalMovement);
        fitted(n, v, "medianMovementSlope", "the median weight movement", widths, fitMinWidth, widest, UltrawideMetrics::finalMedianMovement);
        fitted(n, v, "rmsMovementSlope", "the RMS weight movement", widths, fitMinWidth, widest, UltrawideMetrics::finalRmsMovement);
        fitted(n, v, "flipSlope", "the flipped activation fraction", widths, fitMinWidth, widest, UltrawideMetrics::finalFlips);

        WidthRuns smallest = widths.get(0), widestRuns = widths.get(widths.size() - 1);
        for (WidthRuns w : List.of(smallest, widestRuns)) {
            String at = w == smallest ? "Smallest" : "Widest";
            double medianMove = median(w.runs(), UltrawideMetrics::finalMedianMovement), rms = median(w.runs(), UltrawideMetrics::finalRmsMovement);
            double relative = median(w.runs(), UltrawideMetrics::finalRelativeMovement);
            // Flipped fraction per unit of typical movement: constant in m if the fraction tracks the typical neuron.
            double perMovement = median(w.runs(), r -> UltrawideMetrics.finalFlips(r) / UltrawideMetrics.finalRmsMovement(r));
            n.put("medianMovement" + at, medianMove);
            n.put("rmsMovement" + at, rms);
            n.put("relativeMovementPercent" + at, 100 * relative);
            n.put("flipsPerMovement" + at, perMovement);
            v.put("medianMovement" + at, Format.sig(medianMove, 3), "median movement of a neuron's weights by the end, " + (w == smallest ? "narrowest" : "widest") + " width (median over seeds)");
            v.put("rmsMovement" + at, Format.sig(rms, 3), "RMS movement of the neurons' weights by the end, " + (w == smallest ? "narrowest" : "widest") + " width (median over seeds)");
            v.put("relativeMovementPercent" + at, Format.sig(100 * relative, 2), "weight movement relative to the initial weights, in percent, " + (w == smallest ? "narrowest" : "widest") + " width");
            v.put("flipsPerMovement" + at, Format.sig(perMovement, 2), "flipped activation fraction per unit of RMS movement, " + (w == smallest ? "narrowest" : "widest") + " width");
        }
        for (WidthRuns w : widths)
            n.put("flipsPerMovement." + UltrawideNumbers.member(w.width()), median(w.runs(), r -> UltrawideMetrics.finalFlips(r) / UltrawideMetrics.finalRmsMovement(r)));
        putDistanceSlopeByStep(n, v, widths, fitMinWidth);
        v.put("standardNormalDensityAtZero", Format.sig(1 / Math.sqrt(2 * Math.PI), 2), "the standard normal density at 0, 1/√(2π)");
        n.put("standardNormalDensityAtZero", 1 / Math.sqrt(2 * Math.PI));
    }

    /** The recorded steps nearest these, at which the distance's width slope is fitted (the last step is added). */
    static final int[] SLOPE_STEPS = {10, 30, 100, 300};

    /**
     * The least-squares slope, over the fitted range of widths, of the median over seeds of the distance
     * ||u_net(k) - u_H*(k)|| at a few recorded steps k (the recorded step nearest each of SLOPE_STEPS, and the last):
     * members "a" to "e" in order of k (the last is the last step), with the step as "distanceSlopeStep.&lt;member&gt;"; and the spread max - min.
     */
    static void putDistanceSlopeByStep(Map<String, Double> n, QuotedValues v, List<WidthRuns> widths, int fitMinWidth) {
        int[] step = widths.get(0).runs().get(0).series().step();
        List<Integer> indices = new java.util.ArrayList<>();
        for (int target : SLOPE_STEPS) {
            int nearest = 0;
            for (int r = 0; r < step.length; r++) if (Math.abs(step[r] - target) < Math.abs(step[nearest] - target)) nearest = r;
            indices.add(nearest); // short (quick) runs may repeat a step: the members stay the same for the page

        }
        indices.add(step.length - 1);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < indices.size(); i++) {
            int index = indices.get(i);
            String member = String.valueOf((char) ('a' + i));
            double slope = UltrawideScaling.fit(widths, fitMinWidth, run -> run.series().distance()[index]).slope();
            n.put("distanceSlopeAtStep." + member, slope);
            n.put("distanceSlopeStep." + member, (double) step[index]);
            v.put("distanceSlopeAtStep." + member, Format.sig(slope, 3), "log-log slope of the distance against width at recorded step " + step[index]);
            v.put("distanceSlopeStep." + member, Format.integer(step[index]), "the recorded step of slope member " + member);
            lo = Math.min(lo, slope);
            hi = Math.max(hi, slope);
        }
        n.put("distanceSlopeByStepSpread", hi - lo);
        v.put("distanceSlopeByStepSpread", Format.sig(hi - lo, 2), "spread (largest − smallest) of the distance's width slope over those steps");
    }

    private static void fitted(Map<String, Double> n, QuotedValues v, String name, String quantity, List<WidthRuns> widths, int min, int max, Metric metric) {
        Interval interval = UltrawideIntervals.of(widths, min, max, metric);
        n.put(name, interval.slope());
        v.put(name, Format.sig(interval.slope(), 3), "log-log slope against width of " + quantity + ", over the fitted widths");
        interval(n, v, name, interval);
    }

    private static void interval(Map<String, Double> n, QuotedValues v, String name, Interval interval) {
        UltrawideIntervals.put(name, interval, n, v);
    }
}
