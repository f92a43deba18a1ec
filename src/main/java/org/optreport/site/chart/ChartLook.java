package org.optreport.site.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import org.optreport.report.output.Series;

/**
 * The site's one visual language, defined here and nowhere else (the index page's "How to read the figures" says it
 * in words): a fixed colour per network depth N on every page; the sequential viridis map for ordered families
 * (widths, step sizes); a reference line in the colour of the series it refers to, dashed; theory lines that refer to
 * no series black or grey; network solid, dynamics and kernel dashed. Fonts, strokes and sizes in CSS pixels.
 */
final class ChartLook {
    /** Okabe-Ito and Tol colours for categorical series, those that contrast best on white first. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x882255), new Color(0x44AA99),
        new Color(0x999933), new Color(0x332288)
    };
    /** Depth N's colour, the same on every page: N = 1 orange, 2 blue, 3 vermillion, 4 green, 5 purple, 6 sky blue. */
    static final Color[] DEPTHS = {
        new Color(0xE69F00), new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9)
    };
    /** Theory and target lines: black, and grey for a second one. */
    static final Color[] THEORY = {new Color(0x000000), new Color(0x7A7A7A)};
    /** Over a viridis raster, blue and green vanish; vermillion, black and white stay visible. */
    static final Color[] PALETTE_ON_HEAT_MAP = {
        new Color(0xD55E00), new Color(0x000000), new Color(0xFFFFFF), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9)
    };
    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    /** Device pixels per CSS pixel of the PNG: sharp on high-density screens. */
    static final int SCALE = 2;
    /** Room to the right of a heat map panel for its colour bar. */
    static final int COLOUR_BAR_STRIP = 110;
    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xEBEBEB);
    static final Color FRAME = new Color(0x8C8C8C);
    static final Color LEGEND_FRAME = new Color(0xD0D0D0);
    /** Legend ground of heat map panels: light enough for dark lines, dark enough for a white one. */
    static final Color HEAT_MAP_LEGEND = new Color(0xD9D9D9);
    static final int BAND_ALPHA = 56;
    static final float LINE_WIDTH = 2.0f;
    static final float TITLE_SIZE = 14, AXIS_TITLE_SIZE = 13, TICK_SIZE = 11.5f, LEGEND_SIZE = 12;
    /** Diameter of a marker. */
    static final double MARKER = 7;

    private static final String FAMILY = pickFamily();

    private ChartLook() {}

    static Font font(int style, float sizeCssPx) { return new Font(FAMILY, style, 12).deriveFont(sizeCssPx); }

    static String family() { return FAMILY; }

    static BasicStroke stroke(Series.Style style) {
        return switch (style) {
            case DASHED -> new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
            case DOTTED -> new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.1f, 4.5f}, 0f);
            default -> new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        };
    }

    /**
     * Ordered series (one per width, say) along viridis, stopping short of its pale yellow end, which a thin line on
     * white would not show.
     */
    static Color sequential(double position) { return Viridis.at(SEQUENTIAL_END * position); }

    static final double SEQUENTIAL_END = 0.85;

    static Color depth(int n) { return DEPTHS[(n - 1) % DEPTHS.length]; }

    /** The colour of series {@code index} of a panel, by its role (a reference follows the series it refers to). */
    static Color colourOf(List<Series> series, int index, boolean overHeatMap) {
        Color[] palette = overHeatMap ? PALETTE_ON_HEAT_MAP : PALETTE;
        Series.Colour c = series.get(index).colour();
        for (int hops = 0; c.role() == Series.Colour.Role.SERIES; hops++) {
            int target = (int) c.value();
            if (target >= series.size() || hops > series.size())
                throw new IllegalArgumentException("series '" + series.get(index).name() + "' takes the colour of series " + target
                        + ", which its panel does not have (or the references go round in a circle)");
            index = target;
            c = series.get(index).colour();
        }
        return switch (c.role()) {
            case POSITION -> palette[index % palette.length];
            case PALETTE -> palette[(int) c.value() % palette.length];
            case DEPTH -> depth((int) c.value());
            case SEQUENTIAL -> sequential(c.value());
            case THEORY -> THEORY[(int) c.value()];
            case SERIES -> throw new IllegalStateException("resolved above");
        };
    }

    static Color translucent(Color c, int alpha) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha); }

    /** DejaVu Sans when installed (wide glyph coverage, same metrics everywhere), else the logical sans-serif. */
    private static String pickFamily() {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.asList(families).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }
}
