package org.optreport.report.performance;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.optreport.report.stats.LogLogFit;

/**
 * The exponent of time against size, fitted only where it means something: least squares of log time on log size
 * over the sizes in the kernel's regime (a call of at least {@link #MIN_SECONDS}, so that the fixed cost per call
 * does not bend the line), and only when those are at least {@link #MIN_SIZES} sizes over at least
 * {@link #MIN_DECADES} decades. Two points always fit exactly; five over a decade and a half can show that a power
 * law does not hold. The interval is the slope's two-sided 95% Student-t interval from the residuals.
 */
record ExponentFit(LogLogFit line, double halfWidth95, int sizes, double decades, double from, double to) {
    static final int MIN_SIZES = 5;
    static final double MIN_DECADES = 1.5;
    /** Below this a call's fixed cost (a few microseconds: dispatch, loops set-up) weighs in the time. */
    static final double MIN_SECONDS = 20e-6;

    static ExponentFit of(List<Measurement> ms) {
        List<Measurement> regime = ms.stream().filter(m -> m.seconds() >= MIN_SECONDS).toList();
        double[] x = regime.stream().mapToDouble(m -> m.point().size()).toArray();
        double[] y = regime.stream().mapToDouble(Measurement::seconds).toArray();
        int n = x.length;
        double lo = n == 0 ? Double.NaN : java.util.Arrays.stream(x).min().getAsDouble();
        double hi = n == 0 ? Double.NaN : java.util.Arrays.stream(x).max().getAsDouble();
        double decades = n == 0 ? 0 : Math.log10(hi / lo);
        if (n < 2) return new ExponentFit(null, Double.NaN, n, decades, lo, hi);
        LogLogFit line = LogLogFit.of(x, y);
        double halfWidth = Double.NaN;
        if (n > 2) {
            double mx = 0;
            for (double v : x) mx += Math.log(v) / n;
            double sxx = 0, residuals = 0;
            for (int i = 0; i < n; i++) {
                double dx = Math.log(x[i]) - mx;
                sxx += dx * dx;
                double r = Math.log(y[i]) - Math.log(line.at(x[i]));
                residuals += r * r;
            }
            double standardError = Math.sqrt(residuals / (n - 2) / sxx);
            halfWidth = new TDistribution(n - 2).inverseCumulativeProbability(0.975) * standardError;
        }
        return new ExponentFit(line, halfWidth, n, decades, lo, hi);
    }

    /** Enough sizes over enough decades for the exponent to be quoted. */
    boolean adequate() { return line != null && sizes >= MIN_SIZES && decades >= MIN_DECADES; }

    double slope() { return line == null ? Double.NaN : line.slope(); }
}
