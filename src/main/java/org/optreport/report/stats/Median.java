package org.optreport.report.stats;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** The median the pages quote over seeds or runs: the middle value, or the mean of the two middle ones. */
public final class Median {
    private Median() {}

    public static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted);
    }

    /** The median of each item's value, e.g. a metric over the runs of one configuration. */
    public static <T> double median(Collection<? extends T> items, ToDoubleFunction<? super T> value) {
        return medianOfSorted(items.stream().mapToDouble(value).sorted().toArray());
    }

    /** For values already in ascending order (callers that also read the extremes off the same array). */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) throw new IllegalArgumentException("the median of no values");
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
