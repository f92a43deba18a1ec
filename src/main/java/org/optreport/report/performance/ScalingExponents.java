package org.optreport.report.performance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;

/** The fitted exponent of time against size (the slope in log-log coordinates), quoted and shown in the legends. */
final class ScalingExponents {
    static final int MAX_DEPTH = 6;

    private ScalingExponents() {}

    /**
     * slope{Kernel}D{depth} per depth for the deep-linear-network kernels, slope{Kernel} for the others (against width
     * or samples); none for the matrix products, whose figure is their rate, or the clock, which has one size.
     */
    static void put(BenchmarkResult result, QuotedValues values) {
        for (Kernel k : result.kernels()) {
            if (Set.of("matmul", "dgemm", "clock").contains(k.key())) continue;
            String key = "slope" + Character.toUpperCase(k.key().charAt(0)) + k.key().substring(1);
            List<Measurement> ms = result.of(k.key());
            if (ms.stream().allMatch(m -> m.point().depth() == 0)) {
                values.put(key, quoted(ExponentFit.of(ms), ms.size()), "fitted exponent of the " + k.key() + " kernel's time against its size (or why none)");
                if (!ms.isEmpty()) continue;   // not measured in this setting: the per-depth values say so too
            }
            values.put("costModel" + key.substring("slope".length()), costModel(CostModelFit.of(ms)),
                    "the " + k.key() + " kernel's time as a fixed cost per call plus flops at a rate, fitted over every size and depth");
            for (int depth = 1; depth <= MAX_DEPTH; depth++) {
                List<Measurement> atDepth = BenchmarkResult.atDepth(ms, depth);
                values.put(key + "D" + depth, quoted(ExponentFit.of(atDepth), atDepth.size()), "fitted exponent of the " + k.key() + " kernel's time against width, depth " + depth);
            }
        }
    }

    /** The fitted exponent, NaN unless the fit is {@link ExponentFit#adequate adequate}. */
    static double exponent(List<Measurement> ms) {
        ExponentFit fit = ExponentFit.of(ms);
        return fit.adequate() ? fit.slope() : Double.NaN;
    }

    /**
     * "1.02 ± 0.05 (6 sizes over 2.1 decades)", or why no exponent is quoted: nothing measured in this setting, no
     * measured size in the regime, or too few sizes over too narrow a span ({@code measured}: the sizes measured).
     */
    static String quoted(ExponentFit fit, int measured) {
        if (measured == 0) return "not measured in this setting";
        String needs = "a fit needs " + ExponentFit.MIN_SIZES + " sizes over " + Format.sig(ExponentFit.MIN_DECADES, 2) + " decades";
        if (fit.sizes() == 0)
            return "not fitted (" + (measured == 1 ? "the one size measured takes less than 20 µs a call"
                    : "none of the " + measured + " sizes measured takes 20 µs or more a call") + "; " + needs + ")";
        String over = fit.sizes() == 1 ? "1 size" : fit.sizes() + " sizes over " + Format.sig(fit.decades(), 2) + " decades";
        if (!fit.adequate()) return "not fitted (" + over + " with calls ≥ 20 µs; " + needs + ")";
        return Format.sig(fit.slope(), 3) + " ± " + Format.sig(fit.halfWidth95(), 2) + " (" + over + ")";
    }

    static double[] sizes(List<Measurement> ms) { return ms.stream().mapToDouble(m -> m.point().size()).toArray(); }


    /** "3.1 µs ± 0.4 per call + flops at 1.2 GFLOP/s [1.1, 1.3] (8 sizes over 4.1 decades of flops)", or why no fit. */
    static String costModel(CostModelFit fit) {
        if (fit == null) return "no fit (fewer than " + CostModelFit.MIN_SIZES + " sizes)";
        String over = fit.sizes() + " sizes over " + Format.sig(fit.flopDecades(), 2) + " decades of flops";
        if (!fit.informative())
            return "not fitted (" + over + "; a rate needs " + Format.sig(CostModelFit.MIN_FLOP_DECADES, 2) + ")";
        double lowRate = 1 / (fit.secondsPerFlop() + fit.perFlopHalfWidth95());
        double slowest = fit.secondsPerFlop() - fit.perFlopHalfWidth95();
        String highRate = slowest > 0 ? Format.sig(1 / slowest / 1e9, 3) : "∞";
        return BaselineTable.time(fit.fixedSeconds()) + " ± " + BaselineTable.time(fit.fixedHalfWidth95()) + " per call + flops at "
                + Format.sig(fit.rate() / 1e9, 3) + " GFLOP/s [" + Format.sig(lowRate / 1e9, 3) + ", " + highRate + "] (" + over + ")";
    }
}
