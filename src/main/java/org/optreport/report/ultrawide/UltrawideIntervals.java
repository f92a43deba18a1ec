package org.optreport.report.ultrawide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.ultrawide.UltrawideBootstrap.Interval;
import org.optreport.report.ultrawide.UltrawideMetrics.Metric;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;

/**
 * The 95% bootstrap intervals over seeds of the slopes the page quotes, each over the same widths as its fit:
 * {@code NAME} gets the numbers {@code NAMELow} and {@code NAMEHigh} and the value {@code NAMEInterval} ("−0.52 to −0.47").
 */
final class UltrawideIntervals {
    static final double LEVEL = 0.95;

    private UltrawideIntervals() {}

    /** The interval of the slope through the per-width medians of {@code metric} at the widths in [minWidth, maxWidth]. */
    static Interval of(List<WidthRuns> widths, int minWidth, int maxWidth, Metric metric) {
        List<Double> m = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (WidthRuns w : widths) {
            if (w.width() < minWidth || w.width() > maxWidth) continue;
            m.add((double) w.width());
            values.add(w.runs().stream().mapToDouble(metric::of).toArray());
        }
        return UltrawideBootstrap.slope(m.stream().mapToDouble(Double::doubleValue).toArray(), values, LEVEL);
    }

    static void put(String name, Interval interval, Map<String, Double> numbers, QuotedValues values) {
        numbers.put(name + "Low", interval.low());
        numbers.put(name + "High", interval.high());
        values.put(name + "Interval", Format.sig(interval.low(), 2) + " to " + Format.sig(interval.high(), 2),
                "bootstrap interval (resampling seeds) of " + name);
    }
}
