package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;

import java.util.List;
import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.ultrawide.UltrawideMetrics.Metric;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;

/**
 * The network-kernel gap split by source: the initialization error (the H(0) dynamics against the H* dynamics), the
 * rest (the network against its own H(0) dynamics: the kernel's drift during training and the activations flipping
 * within a step), and the flip term of single steps measured directly.
 */
final class UltrawideGapSources {
    private UltrawideGapSources() {}

    static void put(Map<String, Double> n, QuotedValues v, List<WidthRuns> widths, int fitMinWidth) {
        WidthRuns smallest = widths.get(0), widest = widths.get(widths.size() - 1);
        int maxWidth = widest.width();
        putAt(n, v, "Smallest", smallest);
        putAt(n, v, "Widest", widest);
        fitted(n, v, "initGapSlope", "the largest initialization gap", widths, fitMinWidth, maxWidth, UltrawideMetrics::largestInitializationGap);
        fitted(n, v, "driftGapSlope", "the largest drift gap", widths, fitMinWidth, maxWidth, UltrawideMetrics::largestDriftGap);
        fitted(n, v, "flipShareSlope", "the first step's flip share", widths, fitMinWidth, maxWidth, UltrawideMetrics::firstStepFlipShare);
        fitted(n, v, "stepFlipFractionSlope", "the fraction of activations the first step flips", widths, fitMinWidth, maxWidth, UltrawideMetrics::firstStepFlipFraction);
        // The drift gap after one step is the first step's flip term exactly (H(k) = H(0) at k = 0): a check of the split.
        n.put("driftAfterOneStepOverFlipTermMax", widths.stream().flatMap(w -> w.runs().stream())
                .mapToDouble(r -> Math.abs(valueAtStep(r.trace().driftGap(), 1) / r.stepFlips().flipTermNorm()[0] - 1)).max().orElseThrow());
        for (WidthRuns w : widths) {
            n.put("initGapShare." + UltrawideNumbers.member(w.width()), median(w.runs(), r -> UltrawideMetrics.largestInitializationGap(r)
                    / UltrawideMetrics.largestDistance(r)));
            n.put("flipShare." + UltrawideNumbers.member(w.width()), median(w.runs(), UltrawideMetrics::firstStepFlipShare));
        }
    }

    private static void putAt(Map<String, Double> n, QuotedValues v, String suffix, WidthRuns w) {
        double init = median(w.runs(), UltrawideMetrics::largestInitializationGap), drift = median(w.runs(), UltrawideMetrics::largestDriftGap);
        double share = median(w.runs(), r -> UltrawideMetrics.largestInitializationGap(r) / UltrawideMetrics.largestDistance(r));
        double flipShare = median(w.runs(), UltrawideMetrics::firstStepFlipShare);
        double flipShareMax = median(w.runs(), UltrawideMetrics::largestFlipShare);
        double stepFlips = median(w.runs(), UltrawideMetrics::firstStepFlipFraction);
        n.put("initGap" + suffix, init);
        n.put("driftGap" + suffix, drift);
        n.put("initGapShare" + suffix, share);
        n.put("flipShare" + suffix, flipShare);
        n.put("flipShareMax" + suffix, flipShareMax);
        n.put("stepFlipPercent" + suffix, 100 * stepFlips);
        v.put("initGap" + suffix, Format.sig(init, 3), "largest gap between network and kernel outputs due to the initial kernel H(0) ≠ H*, " + (suffix.equals("Smallest") ? "narrowest" : "widest") + " width (median over seeds)");
        v.put("driftGap" + suffix, Format.sig(drift, 3), "largest gap due to the kernel's drift during training, " + (suffix.equals("Smallest") ? "narrowest" : "widest") + " width (median over seeds)");
        v.put("initGapPercent" + suffix, Format.sig(100 * share, 2), "the initialization gap as a percentage of the largest distance, " + (suffix.equals("Smallest") ? "narrowest" : "widest") + " width");
        v.put("flipSharePercent" + suffix, Format.sig(100 * flipShare, 2), "percentage of the first step's kernel change due to flipped activations, " + (suffix.equals("Smallest") ? "narrowest" : "widest") + " width");
        v.put("flipShareMaxPercent" + suffix, Format.sig(100 * flipShareMax, 2), "largest per-step percentage of kernel change due to flipped activations, " + (suffix.equals("Smallest") ? "narrowest" : "widest") + " width");
        v.put("stepFlipPercent" + suffix, Format.sig(100 * stepFlips, 2), "percentage of activations the first step flips, " + (suffix.equals("Smallest") ? "narrowest" : "widest") + " width");
    }

    private static void fitted(Map<String, Double> n, QuotedValues v, String name, String quantity, List<WidthRuns> widths, int min, int max, Metric metric) {
        UltrawideBootstrap.Interval interval = UltrawideIntervals.of(widths, min, max, metric);
        n.put(name, interval.slope());
        v.put(name, Format.sig(interval.slope(), 3), "log-log slope against width of " + quantity + ", over the fitted widths");
        UltrawideIntervals.put(name, interval, n, v);
    }

    static double valueAtStep(org.optreport.results.Trace t, int step) {
        for (int k = 0; k < t.step().length; k++) if (t.step()[k] == step) return t.value()[k];
        throw new IllegalStateException("the trace does not keep step " + step);
    }

    /** A run's metric, for the figures. */
    static double[] perWidthMedian(List<WidthRuns> widths, Metric metric) {
        return widths.stream().mapToDouble(w -> median(w.runs(), metric)).toArray();
    }

}
