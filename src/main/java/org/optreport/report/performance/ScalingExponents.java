package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.List;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.stats.LogLogFit;

/** The fitted exponent of time against size (the slope in log-log coordinates), quoted and shown in the legends. */
final class ScalingExponents {
    static final int MAX_DEPTH = 6;

    private ScalingExponents() {}

    /**
     * slope{Kernel}D{depth} per depth for the deep-linear-network kernels, slope{Kernel} for the others (against width
     * or samples); none for the matrix product, whose figure is its rate.
     */
    static void put(BenchmarkResult result, QuotedValues values) {
        for (Kernel k : result.kernels()) {
            if (k.key().equals("matmul")) continue;
            String key = "slope" + Character.toUpperCase(k.key().charAt(0)) + k.key().substring(1);
            List<Measurement> ms = result.of(k.key());
            if (ms.stream().allMatch(m -> m.point().depth() == 0)) {
                values.put(key, quoted(exponent(ms)), "fitted exponent of the " + k.key() + " kernel's time against its size");
                continue;
            }
            for (int depth = 1; depth <= MAX_DEPTH; depth++) values.put(key + "D" + depth, quoted(exponent(BenchmarkResult.atDepth(ms, depth))), "fitted exponent of the " + k.key() + " kernel's time against width, depth " + depth);
        }
    }

    /** NaN for fewer than two sizes. */
    static double exponent(List<Measurement> ms) {
        return LogLogFit.of(sizes(ms), ms.stream().mapToDouble(Measurement::seconds).toArray()).slope();
    }

    static double[] sizes(List<Measurement> ms) { return ms.stream().mapToDouble(m -> m.point().size()).toArray(); }

    private static String quoted(double slope) { return Double.isNaN(slope) ? NOT_MEASURED : Format.sig(slope, 3); }
}
