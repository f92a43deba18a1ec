package org.optreport.site.chart;

import java.awt.geom.Rectangle2D;

/**
 * Where a panel's parts go, in CSS pixels of its {@link ChartLook#WIDTH} × {@link ChartLook#HEIGHT} image. The
 * margins are fixed (not fitted to each panel's labels), so that every line chart's plot area has the same width on
 * every page, and the panels of one figure the same height: a legend goes into an empty corner of the plot or into
 * rows below it, never beside it.
 *
 * @param legendRows rows reserved below the plot for legends (the most any panel of the figure needs there)
 * @param legendCorner the corner of the plot holding this panel's legend, or null for rows below it
 */
record PanelLayout(boolean titled, boolean heatMap, int legendRows, Corner legendCorner) {
    enum Corner { NE, NW, SE, SW }

    static final double LEFT = 84, RIGHT = 24, TOP_TITLED = 30, TOP_UNTITLED = 12;
    /** Below the plot: tick marks and labels, the axis title, then legend rows. */
    static final double BELOW_PLOT = 52, LEGEND_ROW = 19, BOTTOM_PADDING = 6;

    Rectangle2D plot() {
        double top = titled ? TOP_TITLED : TOP_UNTITLED;
        double right = heatMap ? ChartLook.COLOUR_BAR_STRIP : RIGHT;
        double bottom = BELOW_PLOT + legendRows * LEGEND_ROW + BOTTOM_PADDING;
        return new Rectangle2D.Double(LEFT, top, ChartLook.WIDTH - LEFT - right, ChartLook.HEIGHT - top - bottom);
    }
}
