package org.optreport.report.ultrawide;

import static org.optreport.report.ultrawide.UltrawideMetrics.median;

import java.util.ArrayList;
import java.util.List;
import org.optreport.report.ultrawide.UltrawideMetrics.Metric;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult.NetworkRun;

/** Power laws against width: the least-squares fits in log-log coordinates that the scaling figures and values share. */
final class UltrawideScaling {
    private UltrawideScaling() {}

    /** Least-squares line through (log m, log median metric) for the widths in [minWidth, widest]. */
    record Fit(double slope, double intercept, int minWidth, int maxWidth, int points) {
        double at(double m) { return Math.exp(intercept + slope * Math.log(m)); }
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

    static Fit fit(List<WidthRuns> widths, int minWidth, Metric metric) {
        List<double[]> points = new ArrayList<>();
        int lo = Integer.MAX_VALUE, hi = 0;
        for (WidthRuns w : widths) {
            if (w.width() < minWidth) continue;
            double v = median(w.runs(), metric);
            if (!(v > 0)) continue;
            points.add(new double[] {Math.log(w.width()), Math.log(v)});
            lo = Math.min(lo, w.width());
            hi = Math.max(hi, w.width());
        }
        if (points.size() < 2) return new Fit(Double.NaN, Double.NaN, lo, hi, points.size());
        double mx = 0, my = 0;
        for (double[] p : points) { mx += p[0] / points.size(); my += p[1] / points.size(); }
        double sxy = 0, sxx = 0;
        for (double[] p : points) { sxy += (p[0] - mx) * (p[1] - my); sxx += (p[0] - mx) * (p[0] - mx); }
        double slope = sxy / sxx;
        return new Fit(slope, my - slope * mx, lo, hi, points.size());
    }
}
