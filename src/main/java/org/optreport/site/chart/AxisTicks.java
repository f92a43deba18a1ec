package org.optreport.site.chart;

import java.util.ArrayList;
import java.util.List;
import org.optreport.report.output.Axis;

/**
 * One axis as a paper draws it: its limits in drawing coordinates (log10 of the value on a log axis), at most
 * {@link #MAX_LABELS} labelled major ticks (powers of ten on a log axis, skipping decades when the span is long;
 * round 1-2-2.5-5 steps on a linear one) and unlabelled minor ticks (the skipped decades, or 2..9 within a decade).
 */
record AxisTicks(boolean log, double low, double high, List<Tick> major, List<Double> minor) {
    static final int MAX_LABELS = 8;
    /** A linear axis aims at about this many intervals. */
    private static final int TARGET_INTERVALS = 4;
    /** Automatic limits leave this share of the span free at each end, so that no line runs along the frame. */
    static final double PADDING = 0.03;
    /** Decade steps a long log axis may take. */
    private static final int[] DECADE_STEPS = {1, 2, 3, 5, 10, 20, 25, 50, 100};

    /** A labelled tick at {@code at} (drawing coordinates). */
    record Tick(double at, String label) {}

    AxisTicks {
        major = List.copyOf(major);
        minor = List.copyOf(minor);
    }

    /** The drawing coordinate of a data value: log10 on a log axis. */
    double scaled(double v) { return log ? Math.log10(v) : v; }

    /**
     * Ticks for {@code axis} whose data run from {@code dataLow} to {@code dataHigh} (data values; the axis' own
     * min/max, where set, win).
     */
    static AxisTicks of(Axis axis, double dataLow, double dataHigh) {
        boolean log = axis.log();
        double low = log ? Math.log10(dataLow) : dataLow, high = log ? Math.log10(dataHigh) : dataHigh;
        if (!(low <= high)) { // no data at all: an arbitrary unit range
            low = 0;
            high = 1;
        }
        if (high - low < 1e-12 * Math.max(1, Math.abs(high))) {
            double half = log ? 0.5 : Math.max(0.5, Math.abs(low) * 0.1);
            low -= half;
            high += half;
        } else {
            double pad = (high - low) * PADDING;
            low -= pad;
            high += pad;
        }
        if (axis.min() != null) low = log ? Math.log10(axis.min()) : axis.min();
        if (axis.max() != null) high = log ? Math.log10(axis.max()) : axis.max();
        return log ? logTicks(low, high) : linearTicks(low, high, axis.wholeNumbers());
    }

    static AxisTicks logTicks(double low, double high) {
        int first = (int) Math.ceil(low - 1e-9), last = (int) Math.floor(high + 1e-9);
        List<Tick> major = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        if (last - first + 1 >= 3) {
            int step = DECADE_STEPS[DECADE_STEPS.length - 1];
            for (int candidate : DECADE_STEPS)
                if (multiples(first, last, candidate) <= MAX_LABELS && multiples(first, last, candidate) >= 2) {
                    step = candidate;
                    break;
                }
            for (int k = first; k <= last; k++)
                if (Math.floorMod(k, step) == 0) major.add(new Tick(k, TickLabels.decade(k)));
                else minor.add((double) k);
            if (step == 1 && high - low <= 6)
                for (int k = first - 1; k <= last; k++)
                    for (int m = 2; m <= 9; m++) {
                        double at = k + Math.log10(m);
                        if (at >= low && at <= high) minor.add(at);
                    }
        } else {
            mantissaTicks(low, high, major, minor);
        }
        return new AxisTicks(true, low, high, major, minor);
    }

    /** Spans holding fewer than three decades: ticks at 1, 2 and 5 times the decades (all nine if those give fewer than three). */
    private static void mantissaTicks(double low, double high, List<Tick> major, List<Double> minor) {
        int[] labelled = {1, 2, 5};
        List<double[]> chosen = within(low, high, labelled);
        if (chosen.size() < 3) chosen = within(low, high, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        while (chosen.size() > MAX_LABELS) { // keep every other one
            List<double[]> thinned = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i += 2) thinned.add(chosen.get(i));
            chosen = thinned;
        }
        if (chosen.size() < 2) { // a fraction of a decade: round steps of the values themselves
            for (Tick t : linearTicks(Math.pow(10, low), Math.pow(10, high), false).major())
                if (t.at() > 0) major.add(new Tick(Math.log10(t.at()), t.label()));
            return;
        }
        boolean plain = chosen.stream().allMatch(c -> c[1] >= -3 && c[1] <= 4);
        for (double[] c : chosen) {
            int m = (int) c[0], k = (int) c[1];
            double value = m * Math.pow(10, k);
            major.add(new Tick(Math.log10(m) + k, plain ? TickLabels.fixed(value, Math.max(0, -k)) : TickLabels.scientific(m, k)));
        }
        for (int k = (int) Math.floor(low); k <= Math.ceil(high); k++)
            for (int m = 1; m <= 9; m++) {
                double at = k + Math.log10(m);
                if (at >= low && at <= high && major.stream().noneMatch(t -> Math.abs(t.at() - at) < 1e-9)) minor.add(at);
            }
    }

    /** {mantissa, exponent} pairs whose value lies within [10^low, 10^high]. */
    private static List<double[]> within(double low, double high, int[] mantissas) {
        List<double[]> out = new ArrayList<>();
        for (int k = (int) Math.floor(low); k <= Math.ceil(high); k++)
            for (int m : mantissas) {
                double at = k + Math.log10(m);
                if (at >= low - 1e-9 && at <= high + 1e-9) out.add(new double[] {m, k});
            }
        return out;
    }

    private static int multiples(int first, int last, int step) {
        return Math.floorDiv(last, step) - Math.floorDiv(first - 1, step);
    }

    static AxisTicks linearTicks(double low, double high, boolean wholeNumbers) {
        double step = TickLabels.niceStep((high - low) / TARGET_INTERVALS);
        if (wholeNumbers) step = Math.max(1, Math.rint(step));
        while (Math.floor(high / step + 1e-9) - Math.ceil(low / step - 1e-9) + 1 > MAX_LABELS)
            step = TickLabels.nextStep(step);
        int decimals = decimalsOf(step);
        List<Tick> major = new ArrayList<>();
        for (long i = (long) Math.ceil(low / step - 1e-9); i <= (long) Math.floor(high / step + 1e-9); i++) {
            double at = i * step;
            major.add(new Tick(at, TickLabels.fixed(at, decimals)));
        }
        return new AxisTicks(false, low, high, major, List.of());
    }

    /** Digits after the point that a multiple of {@code step} needs: 0 for 5, 2 for 0.25. */
    private static int decimalsOf(double step) {
        return Math.max(0, new java.math.BigDecimal(step).round(new java.math.MathContext(3)).stripTrailingZeros().scale());
    }

    List<String> labels() { return major.stream().map(Tick::label).toList(); }
}
