package org.optreport.site.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import org.optreport.report.output.Series;

/** The shared visual choices: colour-blind-safe palette, fonts, strokes, sizes in CSS pixels. */
final class ChartLook {
    /** Okabe-Ito colours, ordered so that the first few contrast well on white and on the viridis raster. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)
    };
    /** Over a viridis raster, blue and green vanish; vermillion, black and white stay visible. */
    static final Color[] PALETTE_ON_HEAT_MAP = {
        new Color(0xD55E00), new Color(0x000000), new Color(0xFFFFFF), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9)
    };
    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    /** Device pixels per CSS pixel: sharp on high-density screens. */
    static final int SCALE = 2;
    /** Room to the right of a heat map panel for its colour bar. */
    static final int COLOUR_BAR_STRIP = 96;
    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color FRAME = new Color(0x9A9A9A);
    /** Legend background of heat map panels: light enough for dark lines, dark enough for a white one. */
    static final Color HEAT_MAP_LEGEND = new Color(0xD9D9D9);
    static final int BAND_ALPHA = 56;
    static final float LINE_WIDTH = 2.0f;

    private static final String FAMILY = pickFamily();

    private ChartLook() {}

    static Font font(int style, float sizeCssPx) { return new Font(FAMILY, style, 12).deriveFont(sizeCssPx); }

    static BasicStroke stroke(Series.Style style) {
        if (style == Series.Style.DASHED)
            return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
        return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Ordered series (one per width, say) along viridis, stopping short of its pale yellow end, which a thin line on
     * white would not show.
     */
    static Color sequential(double position) { return Viridis.at(SEQUENTIAL_END * position); }

    static final double SEQUENTIAL_END = 0.85;

    static Color translucent(Color c, int alpha) { return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha); }

    /** DejaVu Sans when installed (wide glyph coverage, same metrics everywhere), else the logical sans-serif. */
    private static String pickFamily() {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.asList(families).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }
}
