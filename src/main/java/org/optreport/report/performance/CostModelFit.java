package org.optreport.report.performance;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Time per call as a fixed cost plus a cost per flop, t = c0 + c1 F(shape), fitted by least squares on the relative
 * residuals (t_i - c0 - c1 F_i) / t_i, so that sizes spanning decades weigh alike. Unlike an exponent it needs no
 * regime: the fixed cost of small calls is c0, and F carries the shape, so sizes of different depths fit one line.
 * 1 / c1 is the kernel's rate on large calls; each coefficient has its two-sided 95% Student-t interval (n - 2
 * degrees of freedom), so it needs at least three sizes with different flop counts. It is {@link #informative} only when
 * the flop counts span at least {@link #MIN_FLOP_DECADES}: over a narrower span the slope is read off neighbouring
 * small calls, where whatever else grows with the shape (a product's dispatch, per layer) can pass for a rate.
 */
record CostModelFit(double fixedSeconds, double fixedHalfWidth95, double secondsPerFlop, double perFlopHalfWidth95, int sizes,
                    double flopDecades) {
    static final int MIN_SIZES = 3;
    static final double MIN_FLOP_DECADES = 1;

    /** The fit over the measurements with a flop count, or null with fewer than {@link #MIN_SIZES} distinct counts. */
    static CostModelFit of(List<Measurement> ms) {
        List<Measurement> counted = ms.stream().filter(m -> !Double.isNaN(m.point().flops())).toList();
        int n = counted.size();
        if (counted.stream().mapToDouble(m -> m.point().flops()).distinct().count() < MIN_SIZES) return null;
        // weighted least squares with weights 1 / t_i^2: normal equations of the 2 x 2 system
        double sw = 0, swf = 0, swff = 0, swt = 0, swft = 0;
        for (Measurement m : counted) {
            double w = 1 / (m.seconds() * m.seconds()), f = m.point().flops(), t = m.seconds();
            sw += w;
            swf += w * f;
            swff += w * f * f;
            swt += w * t;
            swft += w * f * t;
        }
        double det = sw * swff - swf * swf;
        double c1 = (sw * swft - swf * swt) / det, c0 = (swt - c1 * swf) / sw;
        double residuals = 0;
        for (Measurement m : counted) {
            double r = (m.seconds() - c0 - c1 * m.point().flops()) / m.seconds();
            residuals += r * r;
        }
        double s2 = residuals / (n - 2);
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.975);
        double least = counted.stream().mapToDouble(m -> m.point().flops()).min().getAsDouble();
        double most = counted.stream().mapToDouble(m -> m.point().flops()).max().getAsDouble();
        return new CostModelFit(c0, t * Math.sqrt(s2 * swff / det), c1, t * Math.sqrt(s2 * sw / det), n, Math.log10(most / least));
    }

    /** Flop counts over at least {@link #MIN_FLOP_DECADES}: the rate is that of large calls, not of the shape's other costs. */
    boolean informative() { return flopDecades >= MIN_FLOP_DECADES; }

    /** The rate on large calls, 1 / c1, in flop/s. */
    double rate() { return 1 / secondsPerFlop; }
}
