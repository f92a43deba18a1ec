package org.optreport.report.output;

/**
 * One line (or set of markers) of a chart panel. {@code lower}/{@code upper} are either both null or
 * both the length of {@code x}: they draw a band (for example the min..max over seeds) around {@code y}.
 * {@code colour} says what the series' colour means (its role), never the colour itself: site.chart turns roles into
 * colours, the same role the same colour on every page (the conventions are listed on the index page).
 */
public record Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style, Colour colour, Marker marker) {
    /**
     * Network and data solid; dynamics, kernel and reference lines dashed; a second reference line of the same colour
     * dotted.
     */
    /** {@code OPEN_MARKERS}: rings instead of dots, for a second family of markers in one colour. */
    public enum Style { LINE, DASHED, DOTTED, MARKERS, OPEN_MARKERS, LINE_MARKERS }

    /**
     * The shape of a series' markers (filled, or outlined for {@link Style#OPEN_MARKERS}): circles unless several
     * families of markers share a panel and could hide each other (kernels of nearly equal intensity on a roofline).
     */
    public enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND, INVERTED_TRIANGLE, CROSS }

    /**
     * The role a series' colour plays. {@code value} is the role's argument: the depth N, the place in [0, 1] on the
     * sequential map, the palette place, the index in its panel of the series whose colour this one takes, or the
     * shade of a theory line (0 black, 1 grey); unused for {@link Role#POSITION}.
     */
    public record Colour(Role role, double value) {
        public enum Role {
            /** Categorical, from the palette by the series' position in its panel. */
            POSITION,
            /** Categorical, at a chosen place of the palette. */
            PALETTE,
            /** The fixed colour of the network depth N (the same on every page). */
            DEPTH,
            /** A member of an ordered family (widths, step sizes, scales) on the sequential colour map. */
            SEQUENTIAL,
            /** The colour of another series of the panel: a prediction or bound drawn in the colour of what it refers to. */
            SERIES,
            /** A theory or target line that refers to no series: black or grey. */
            THEORY
        }

        public static final Colour BY_POSITION = new Colour(Role.POSITION, 0);

        public Colour {
            if (role == null) throw new IllegalArgumentException("a colour needs a role");
            boolean valid = switch (role) {
                case POSITION -> true;
                case PALETTE, SERIES -> value >= 0 && value == Math.rint(value);
                case DEPTH -> value >= 1 && value == Math.rint(value);
                case SEQUENTIAL -> value >= 0 && value <= 1;
                case THEORY -> value == 0 || value == 1;
            };
            if (!valid) throw new IllegalArgumentException("colour " + role + " cannot take the value " + value);
        }
    }

    public Series {
        if (x.length != y.length) throw new IllegalArgumentException("series " + name + ": x and y differ in length");
        if ((lower == null) != (upper == null)) throw new IllegalArgumentException("series " + name + ": band needs lower and upper");
        if (lower != null && (lower.length != x.length || upper.length != x.length))
            throw new IllegalArgumentException("series " + name + ": band length differs from x");
        if (colour == null) colour = Colour.BY_POSITION;
        if (marker == null) marker = Marker.CIRCLE;
    }

    /** A series with circular markers (if any). */
    public Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style, Colour colour) {
        this(name, x, y, lower, upper, style, colour, Marker.CIRCLE);
    }

    /** A series coloured from the palette by its position in its panel. */
    public Series(String name, double[] x, double[] y, double[] lower, double[] upper, Style style) {
        this(name, x, y, lower, upper, style, Colour.BY_POSITION);
    }

    /** This series drawn in the colour of the panel's series number {@code index} (a reference to that series). */
    public Series inColourOf(int index) {
        if (index < 0) throw new IllegalArgumentException("series " + name + ": colour of series " + index + " is negative");
        return with(new Colour(Colour.Role.SERIES, index));
    }

    /** The same series drawn in the colour at {@code position} (0 first, 1 last) of the sequential colour map. */
    public Series withSequentialColour(double position) {
        if (!(position >= 0 && position <= 1))
            throw new IllegalArgumentException("series " + name + ": sequential colour " + position + " is outside [0, 1]");
        return with(new Colour(Colour.Role.SEQUENTIAL, position));
    }

    /** The same series in the fixed colour of network depth {@code depth}. */
    public Series inDepthColour(int depth) {
        if (depth < 1) throw new IllegalArgumentException("series " + name + ": depth " + depth + " has no colour");
        return with(new Colour(Colour.Role.DEPTH, depth));
    }

    /** The same series at palette place {@code place} (categorical series that are neither depths nor ordered). */
    public Series inPaletteColour(int place) {
        if (place < 0) throw new IllegalArgumentException("series " + name + ": palette place " + place + " is negative");
        return with(new Colour(Colour.Role.PALETTE, place));
    }

    /** A theory or target line of no series: black, or grey for a second one ({@code grey}). */
    public Series asTheory(boolean grey) { return with(new Colour(Colour.Role.THEORY, grey ? 1 : 0)); }

    /** The same series in another style (a second reference line of one colour dotted, say). */
    public Series styled(Style newStyle) { return new Series(name, x, y, lower, upper, newStyle, colour, marker); }

    /** The same series with markers of another shape. */
    public Series withMarker(Marker shape) { return new Series(name, x, y, lower, upper, style, colour, shape); }

    private Series with(Colour c) { return new Series(name, x, y, lower, upper, style, c, marker); }

    public static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.LINE); }
    public static Series dashed(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.DASHED); }
    public static Series markers(String name, double[] x, double[] y) { return new Series(name, x, y, null, null, Style.MARKERS); }
    public static Series band(String name, double[] x, double[] y, double[] lower, double[] upper) {
        return new Series(name, x, y, lower, upper, Style.LINE);
    }
}
