package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;

import java.util.ArrayList;
import java.util.List;
import org.optreport.report.stats.LogLogFit;
import org.optreport.report.ultrawide.UltrawideMetrics.Metric;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult.NetworkRun;

/** Power laws against width: the least-squares fits in log-log coordinates that the scaling figures and values share. */
final class UltrawideScaling {
    private UltrawideScaling() {}

    /** The power law through the median metric per width, for the widths in [minWidth, maxWidth]. */
    record Fit(LogLogFit line, int minWidth, int maxWidth) {
        double slope() { return line.slope(); }

        int points() { return line.points(); }

        double at(double m) { return line.at(m); }
    }

    /** The four fitted quantities: largest distance, kernel deviation at initialization, neuron movement, flips. */
    record Fits(Fit distance, Fit deviation, Fit movement, Fit flip) {
        static Fits of(List<WidthRuns> widths, int fitMinWidth) {
            Fit distanceFit = fit(widths, fitMinWidth, UltrawideMetrics::largestDistance);
            Fit deviationFit = fit(widths, 1, NetworkRun::kernelDeviationSpectral);
            Fit movementFit = fit(widths, fitMinWidth, UltrawideMetrics::finalMovement);
            Fit flipFit = fit(widths, fitMinWidth, UltrawideMetrics::finalFlips);
            return new Fits(distanceFit, deviationFit, movementFit, flipFit);
        }
    }

    /** The medians that are positive (a logarithm's domain) at the widths from {@code minWidth} on. */
    static Fit fit(List<WidthRuns> widths, int minWidth, Metric metric) {
        List<Double> m = new ArrayList<>(), v = new ArrayList<>();
        int lo = Integer.MAX_VALUE, hi = 0;
        for (WidthRuns w : widths) {
            if (w.width() < minWidth) continue;
            double value = median(w.runs(), metric);
            if (!(value > 0)) continue;
            m.add((double) w.width());
            v.add(value);
            lo = Math.min(lo, w.width());
            hi = Math.max(hi, w.width());
        }
        return new Fit(LogLogFit.of(m.stream().mapToDouble(Double::doubleValue).toArray(), v.stream().mapToDouble(Double::doubleValue).toArray()),
                lo, hi);
    }
}
