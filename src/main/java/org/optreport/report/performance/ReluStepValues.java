package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;

/**
 * What the page says of the ReLU step at the largest width measured (the target's): its minimal flop count, the flops
 * its code performs (each pre-activation twice) and their ratio, and how far its forks disagree ({@link ForkSpread}).
 */
final class ReluStepValues {
    private ReluStepValues() {}

    static void put(BenchmarkResult result, QuotedValues values) {
        Measurement m = result.largest("reluStep");
        Point p = m == null ? null : m.point();
        values.put("reluMinimalFlops", p == null ? NOT_MEASURED : Format.sig(p.flops(), 3), "the ReLU step's minimal flop count at the largest width measured");
        values.put("reluExecutedFlops", p == null || Double.isNaN(p.executedFlops()) ? NOT_MEASURED : Format.sig(p.executedFlops(), 3),
                "the flops the ReLU step's code performs there (each pre-activation computed twice)");
        values.put("reluExecutedOverMinimal", p == null || Double.isNaN(p.executedFlops()) ? NOT_MEASURED : Format.sig(p.executedFlops() / p.flops(), 3),
                "the ReLU step's executed flops over its minimal count");
        values.put("reluCountWidth", p == null ? NOT_MEASURED : Format.integer((long) p.size()), "the width of those counts");
        ForkSpread spread = m == null ? null : ForkSpread.of(m);
        boolean spreadKnown = spread != null && !Double.isNaN(spread.between());
        values.put("reluForkSpread", spreadKnown ? Format.sig(100 * spread.between(), 2) : NOT_MEASURED,
                "standard deviation of the ReLU step's fork means over their mean at the largest width, in percent");
        values.put("reluWithinForkSpread", spreadKnown ? Format.sig(100 * spread.within(), 2) : NOT_MEASURED,
                "median over its forks of the standard deviation of a fork's iterations over its mean, in percent");
        values.put("reluForkSpreadText", spreadText(spread), "the ReLU step's spread between forks against the spread inside one, as a clause");
    }

    /** The clause the page quotes: which spread is the larger, with both figures, or why there is no comparison. */
    static String spreadText(ForkSpread spread) {
        if (spread == null || Double.isNaN(spread.between()))
            return "this run has one fork (or one iteration a fork), so it cannot compare the spread between forks with the spread inside one";
        String figures = "the fork means' standard deviation is " + Format.sig(100 * spread.between(), 2) + "% of their mean, "
                + (spread.between() > spread.within() ? "while" : "and") + " inside a fork the iterations' is "
                + Format.sig(100 * spread.within(), 2) + "% (the median over the " + spread.forks() + " forks)";
        return spread.between() > spread.within() ? "its forks disagree by more than a fork's own iterations vary: " + figures
                : "its forks disagree no more than a fork's own iterations vary: " + figures;
    }
}
