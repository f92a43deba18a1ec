package org.optreport.report.stats;

/**
 * The unweighted least-squares line through (ln x, ln y): a power law y ≈ e^intercept · x^slope, the exponents the
 * pages quote (time against size, distance against learning rate or width). Natural logarithms: the slope is the
 * same in any base, the intercept is ln of the prefactor. NaN slope and intercept when fewer than two distinct x.
 */
public record LogLogFit(double slope, double intercept, int points) {
    public static LogLogFit of(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(x[i]) / n;
            my += Math.log(y[i]) / n;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        double slope = sxx == 0 ? Double.NaN : sxy / sxx;
        return new LogLogFit(slope, my - slope * mx, n);
    }

    /** The fitted power law at {@code x}. */
    public double at(double x) { return Math.exp(intercept + slope * Math.log(x)); }
}
