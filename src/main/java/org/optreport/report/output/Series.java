package org.optreport.report.output;

/**
 * One line (or set of markers) of a chart panel. {@code lower}/{@code upper} are either both null or
 * both the length of {@code x}: they draw a band (for example the min..max over seeds) around {@code y}.
 * {@code colourOf}, if not null, is the index in its panel of the series whose colour this one takes (a prediction
 * drawn in the colour of the data it predicts); null: the series has a colour of its own.
 */
public record Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style, Integer colourOf) {
    public enum Style { LINE, DASHED, MARKERS, LINE_MARKERS }

    public Series {
        if (x.length != y.length) throw new IllegalArgumentException("series " + name + ": x and y differ in length");
        if ((lower == null) != (upper == null)) throw new IllegalArgumentException("series " + name + ": band needs lower and upper");
        if (lower != null && (lower.length != x.length || upper.length != x.length))
            throw new IllegalArgumentException("series " + name + ": band length differs from x");
        if (colourOf != null && colourOf < 0) throw new IllegalArgumentException("series " + name + ": colourOf is negative");
    }

    public Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style) {
        this(name, x, y, lower, upper, style, null);
    }

    /** This series drawn in the colour of the panel's series number {@code index}. */
    public Series inColourOf(int index) { return new Series(name, x, y, lower, upper, style, index); }

    public static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.LINE); }
    public static Series dashed(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.DASHED); }
    public static Series markers(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.MARKERS); }
    public static Series band(String name, double[] x, double[] y, double[] lower, double[] upper) {
        return new Series(name, x, y, lower, upper, Style.LINE);
    }
}
