package org.optreport.report.output;

/**
 * One line (or set of markers) of a chart panel. {@code lower}/{@code upper} are either both null or
 * both the length of {@code x}: they draw a band (for example the min..max over seeds) around {@code y}.
 * {@code colourOf}, if not null, is the index in its panel of the series whose colour this one takes (a prediction
 * drawn in the colour of the data it predicts). {@code sequentialColour}, when set, is the series' place in [0, 1]
 * on a sequential colour map, for series that are ordered (one per width, say) and would otherwise take unrelated
 * colours from the palette. With neither, the series takes the palette colour of its position in its panel.
 */
public record Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style, Integer colourOf,
                     Double sequentialColour) {
    public enum Style { LINE, DASHED, MARKERS, LINE_MARKERS }

    public Series {
        if (x.length != y.length) throw new IllegalArgumentException("series " + name + ": x and y differ in length");
        if ((lower == null) != (upper == null)) throw new IllegalArgumentException("series " + name + ": band needs lower and upper");
        if (lower != null && (lower.length != x.length || upper.length != x.length))
            throw new IllegalArgumentException("series " + name + ": band length differs from x");
        if (colourOf != null && colourOf < 0) throw new IllegalArgumentException("series " + name + ": colourOf is negative");
        if (sequentialColour != null && !(sequentialColour >= 0 && sequentialColour <= 1))
            throw new IllegalArgumentException("series " + name + ": sequential colour " + sequentialColour + " is outside [0, 1]");
        if (colourOf != null && sequentialColour != null)
            throw new IllegalArgumentException("series " + name + ": a colour from another series or from the map, not both");
    }

    /** A series coloured from the palette. */
    public Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style) {
        this(name, x, y, lower, upper, style, null, null);
    }

    /** This series drawn in the colour of the panel's series number {@code index}. */
    public Series inColourOf(int index) { return new Series(name, x, y, lower, upper, style, index, null); }

    /** The same series drawn in the colour at {@code position} (0 first, 1 last) of the sequential colour map. */
    public Series withSequentialColour(double position) {
        return new Series(name, x, y, lower, upper, style, null, position);
    }

    public static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.LINE); }
    public static Series dashed(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.DASHED); }
    public static Series markers(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.MARKERS); }
    public static Series band(String name, double[] x, double[] y, double[] lower, double[] upper) {
        return new Series(name, x, y, lower, upper, Style.LINE);
    }
}
