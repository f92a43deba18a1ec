package org.optreport.experiment.settings;

/**
 * An interval of finite reals, each end open or closed; an infinite upper end leaves the values unbounded above.
 * NaN and infinities are never inside.
 */
public record Interval(double lower, boolean lowerClosed, double upper, boolean upperClosed) {
    public Interval {
        if (!(lower <= upper)) throw new IllegalArgumentException("empty interval: " + lower + " > " + upper);
    }

    /** (lower, upper). */
    public static Interval open(double lower, double upper) { return new Interval(lower, false, upper, false); }

    /** [lower, upper]. */
    public static Interval closed(double lower, double upper) { return new Interval(lower, true, upper, true); }

    /** (lower, upper]. */
    public static Interval openClosed(double lower, double upper) { return new Interval(lower, false, upper, true); }

    /** Every finite number above {@code lower}. */
    public static Interval above(double lower) { return new Interval(lower, false, Double.POSITIVE_INFINITY, false); }

    public boolean contains(double v) {
        if (!Double.isFinite(v)) return false;
        boolean aboveLower = lowerClosed ? v >= lower : v > lower;
        boolean belowUpper = upperClosed ? v <= upper : v < upper;
        return aboveLower && belowUpper;
    }

    /** {@code in (0, 2]}, or {@code above 0} when unbounded above. */
    public String describe() {
        if (upper == Double.POSITIVE_INFINITY) return (lowerClosed ? "at least " : "above ") + Numbers.format(lower);
        return "in " + (lowerClosed ? "[" : "(") + Numbers.format(lower) + ", " + Numbers.format(upper) + (upperClosed ? "]" : ")");
    }
}
