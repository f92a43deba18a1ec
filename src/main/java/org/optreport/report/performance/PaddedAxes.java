package org.optreport.report.performance;

import java.util.List;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/**
 * Axis limits that keep every marker and error bar of a performance panel off the frame: the extent of the points and
 * their intervals widened by {@link #PAD} of its span on each side (in decades on a log axis). The chart's own padding
 * is a few pixels, less than a marker's radius, so a panel of a narrow span (one size's iterations, say) drew its
 * lowest dots on the frame.
 */
final class PaddedAxes {
    /** A twelfth of the span on each side: about 18 pixels of a plot 215 pixels high, over twice a marker's radius. */
    static final double PAD = 1 / 12.0;

    private PaddedAxes() {}

    /** The panel with both axes' limits set from its series (an axis whose limits are already set is kept). */
    static Panel padded(Panel panel) {
        return new Panel(panel.id(), panel.title(), padded(panel.x(), panel.series(), true), padded(panel.y(), panel.series(), false),
                panel.series(), panel.heatMap());
    }

    private static Axis padded(Axis axis, List<Series> series, boolean x) {
        if (axis.min() != null || axis.max() != null) return axis;
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (Series s : series)
            for (int i = 0; i < s.x().length; i++) {
                double[] values = x ? new double[] {s.x()[i]} : s.lower() == null ? new double[] {s.y()[i]} : new double[] {s.y()[i], s.lower()[i], s.upper()[i]};
                for (double v : values) {
                    if (!Double.isFinite(v) || (axis.log() && v <= 0)) continue;   // what the chart drops
                    double at = axis.log() ? Math.log10(v) : v;
                    low = Math.min(low, at);
                    high = Math.max(high, at);
                }
            }
        if (!(low < high)) return axis;   // nothing or a single value: the chart's own limits
        double pad = (high - low) * PAD;
        low -= pad;
        high += pad;
        return axis.log() ? new Axis(axis.label(), true, Math.pow(10, low), Math.pow(10, high), axis.wholeNumbers())
                : new Axis(axis.label(), false, low, high, axis.wholeNumbers());
    }
}
