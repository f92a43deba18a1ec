package org.optreport.report.performance;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The measured size nearest a target's, where the targets name one (about 300 parameters, 10^5 parameters, ...). */
final class Nearest {
    private Nearest() {}

    /** The item whose size is nearest {@code target} in ratio (|ln(size/target)|), the first of equals; null if none. */
    static <T> T nearest(List<T> items, ToDoubleFunction<? super T> size, double target) {
        T near = null;
        double distance = Double.POSITIVE_INFINITY;
        for (T item : items) {
            double d = Math.abs(Math.log(size.applyAsDouble(item) / target));
            if (near == null || d < distance) {
                near = item;
                distance = d;
            }
        }
        return near;
    }
}
