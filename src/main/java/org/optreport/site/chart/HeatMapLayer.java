package org.optreport.site.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.optreport.report.output.HeatMap;

/**
 * Paints a heat map as a raster under a chart's plot area (each device pixel takes the colour of the grid
 * cell whose centre is nearest, measured on the axis scale) and its colour bar beside the chart.
 * It lies beneath the panel's axes and contour lines, which PanelPainter draws like any line chart's.
 */
final class HeatMapLayer {
    private final HeatMap map;
    private final boolean logX, logY;
    private final Integer[] xOrder, yOrder;
    private final double[] xCentres, yCentres;
    private final double zLow, zHigh;

    HeatMapLayer(HeatMap map, boolean logX, boolean logY) {
        this.map = map;
        this.logX = logX;
        this.logY = logY;
        this.xOrder = ascendingOrder(map.xs());
        this.yOrder = ascendingOrder(map.ys());
        this.xCentres = Arrays.stream(xOrder).mapToDouble(i -> scaled(map.xs()[i], logX)).toArray();
        this.yCentres = Arrays.stream(yOrder).mapToDouble(i -> scaled(map.ys()[i], logY)).toArray();
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (double[] row : map.z())
            for (double z : row)
                if (ShownPanel.drawable(z, map.logZ())) {
                    low = Math.min(low, scaled(z, map.logZ()));
                    high = Math.max(high, scaled(z, map.logZ()));
                }
        // Near a set of minima a loss falls to ~1e-30: a log colour scale spanning all that would paint
        // everything else one colour, so it covers at most the map's logDecades below the maximum (lower values clamp),
        // from a whole decade, so that the colour bar's lowest tick sits at its bottom end.
        this.zLow = map.logZ() ? Math.max(low, Math.floor(high - map.logDecades())) : low;
        this.zHigh = high;
    }

    /** The colour the raster gives the value {@code z}, or null if it is not drawn. */
    Color colourOf(double z) {
        if (!ShownPanel.drawable(z, map.logZ()) || !(zHigh >= zLow)) return null;
        double t = zHigh > zLow ? (scaled(z, map.logZ()) - zLow) / (zHigh - zLow) : 0.5;
        return Viridis.at(t);
    }

    /**
     * Fills the device pixels of {@code plot} (in chart coordinates, whose data corners are
     * (xMin, yMin) bottom-left and (xMax, yMax) top-right) with the raster.
     */
    void paintRaster(BufferedImage image, int scale, Rectangle2D plot, double xMin, double xMax, double yMin, double yMax) {
        int firstColumn = (int) Math.ceil(plot.getMinX() * scale - 0.5), lastColumn = (int) Math.floor(plot.getMaxX() * scale - 0.5);
        int firstRow = (int) Math.ceil(plot.getMinY() * scale - 0.5), lastRow = (int) Math.floor(plot.getMaxY() * scale - 0.5);
        double sx0 = scaled(xMin, logX), sx1 = scaled(xMax, logX), sy0 = scaled(yMin, logY), sy1 = scaled(yMax, logY);
        int[] cellOfColumn = new int[Math.max(0, lastColumn - firstColumn + 1)];
        for (int c = firstColumn; c <= lastColumn; c++) {
            double u = ((c + 0.5) / scale - plot.getMinX()) / plot.getWidth();
            cellOfColumn[c - firstColumn] = nearest(xCentres, xOrder, sx0 + u * (sx1 - sx0));
        }
        for (int r = firstRow; r <= lastRow; r++) {
            double v = (plot.getMaxY() - (r + 0.5) / scale) / plot.getHeight();
            int iy = nearest(yCentres, yOrder, sy0 + v * (sy1 - sy0));
            if (iy < 0 || r < 0 || r >= image.getHeight()) continue;
            for (int c = firstColumn; c <= lastColumn; c++) {
                int ix = cellOfColumn[c - firstColumn];
                if (ix < 0 || c < 0 || c >= image.getWidth()) continue;
                if (!ShownPanel.drawable(map.xs()[ix], logX) || !ShownPanel.drawable(map.ys()[iy], logY)) continue;
                Color colour = colourOf(map.z()[iy][ix]);
                if (colour != null) image.setRGB(c, r, colour.getRGB());
            }
        }
    }

    /** A vertical colour bar with ticks and the z label, from {@code top} to {@code bottom}, starting at {@code left}. */
    void paintColourBar(Graphics2D g, double left, double top, double bottom) {
        if (!(zHigh >= zLow)) return;
        double barWidth = 14, height = bottom - top;
        int steps = 256;
        for (int i = 0; i < steps; i++) {
            double y0 = bottom - height * (i + 1) / steps;
            g.setColor(Viridis.at((i + 0.5) / steps));
            g.fill(new Rectangle2D.Double(left, y0, barWidth, height / steps + 0.6));
        }
        g.setColor(ChartLook.FRAME);
        g.draw(new Rectangle2D.Double(left, top, barWidth, height));
        Font tickFont = ChartLook.font(Font.PLAIN, 11);
        g.setFont(tickFont);
        FontMetrics metrics = g.getFontMetrics();
        double widestLabel = 0;
        for (double tick : ticks()) {
            double t = zHigh > zLow ? (tick - zLow) / (zHigh - zLow) : 0.5;
            double y = bottom - t * height;
            g.setColor(ChartLook.FRAME);
            g.draw(new java.awt.geom.Line2D.Double(left + barWidth, y, left + barWidth + 4, y));
            String label = map.logZ() && tick == Math.rint(tick) ? TickLabels.decade((int) tick)
                    : map.logZ() ? TickLabels.plain(Math.pow(10, tick)) : TickLabels.plain(tick);
            g.setColor(ChartLook.TEXT);
            g.drawString(label, (float) (left + barWidth + 6), (float) (y + metrics.getAscent() / 2.0 - 1));
            widestLabel = Math.max(widestLabel, metrics.stringWidth(label));
        }
        g.setFont(ChartLook.font(Font.PLAIN, 12));
        AffineTransform saved = g.getTransform();
        double labelX = left + barWidth + 10 + widestLabel + g.getFontMetrics().getAscent();
        g.translate(labelX, (top + bottom) / 2);
        g.rotate(-Math.PI / 2);
        String label = map.zLabel() + (map.logZ() ? " (log scale)" : "");
        g.drawString(label, -g.getFontMetrics().stringWidth(label) / 2f, 0f);
        g.setTransform(saved);
    }

    /**
     * Thin contour lines at the colour bar's labelled levels (marching squares over the grid, on the colour scale), so
     * that the shape of the field reads where neighbouring colours are close: a valley's walls, a ridge's crest.
     */
    void paintContours(Graphics2D g, java.util.function.DoubleUnaryOperator screenX, java.util.function.DoubleUnaryOperator screenY,
                       Rectangle2D plot) {
        if (!(zHigh > zLow)) return;
        java.awt.Shape saved = g.getClip();
        g.clip(plot);
        g.setColor(CONTOUR);
        g.setStroke(new java.awt.BasicStroke(0.8f));
        List<Double> levels = ticks();
        for (int j = 0; j + 1 < yOrder.length; j++)
            for (int i = 0; i + 1 < xOrder.length; i++) {
                int x0 = xOrder[i], x1 = xOrder[i + 1], y0 = yOrder[j], y1 = yOrder[j + 1];
                double[] cx = {map.xs()[x0], map.xs()[x1], map.xs()[x1], map.xs()[x0]};
                double[] cy = {map.ys()[y0], map.ys()[y0], map.ys()[y1], map.ys()[y1]};
                double[] v = {level(map.z()[y0][x0]), level(map.z()[y0][x1]), level(map.z()[y1][x1]), level(map.z()[y1][x0])};
                if (Arrays.stream(v).anyMatch(Double::isNaN)) continue;
                for (double level : levels) {
                    if (level <= zLow + 1e-9 || level >= zHigh - 1e-9) continue;
                    List<double[]> crossings = new ArrayList<>();
                    for (int e = 0; e < 4; e++) {
                        double a = v[e] - level, b = v[(e + 1) % 4] - level;
                        if ((a < 0) != (b < 0)) {
                            double t = a / (a - b);
                            crossings.add(new double[] {
                                screenX.applyAsDouble(along(cx[e], cx[(e + 1) % 4], t, logX)),
                                screenY.applyAsDouble(along(cy[e], cy[(e + 1) % 4], t, logY))});
                        }
                    }
                    for (int k = 0; k + 1 < crossings.size(); k += 2)
                        g.draw(new java.awt.geom.Line2D.Double(crossings.get(k)[0], crossings.get(k)[1], crossings.get(k + 1)[0], crossings.get(k + 1)[1]));
                }
            }
        g.setClip(saved);
    }

    /** Contour lines: white, half transparent, visible on every viridis colour without hiding it. */
    static final Color CONTOUR = new Color(255, 255, 255, 150);

    /** A value on the colour scale (log10 for a log scale), NaN where it is not drawn. */
    private double level(double z) { return ShownPanel.drawable(z, map.logZ()) ? scaled(z, map.logZ()) : Double.NaN; }

    private static double along(double a, double b, double t, boolean log) {
        return log ? Math.pow(10, Math.log10(a) + t * (Math.log10(b) - Math.log10(a))) : a + t * (b - a);
    }

    /** Tick positions on the colour scale (log10 of z for a log scale): decades, or 1-2-5 steps. */
    private List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (zHigh == zLow) {
            ticks.add(zLow);
            return ticks;
        }
        double step = map.logZ() ? Math.max(1, Math.ceil((zHigh - zLow) / 6)) : TickLabels.niceStep((zHigh - zLow) / 5);
        // a handful of labels: a 1-2-2.5-5 step may give seven; a log scale at most six decades' worth
        for (double t = Math.ceil(zLow / step - 1e-9) * step; t <= zHigh + 1e-9 * step; t += step) ticks.add(Math.abs(t) < 1e-12 * step ? 0.0 : t);
        return ticks;
    }

    /** The grid index (in the caller's order) of the centre nearest to {@code v}, or -1 for an empty grid. */
    private static int nearest(double[] centres, Integer[] order, double v) {
        if (centres.length == 0 || Double.isNaN(v)) return -1;
        int at = Arrays.binarySearch(centres, v);
        if (at >= 0) return order[at];
        int above = -at - 1;
        if (above == 0) return order[0];
        if (above == centres.length) return order[centres.length - 1];
        return v - centres[above - 1] <= centres[above] - v ? order[above - 1] : order[above];
    }

    private static Integer[] ascendingOrder(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isFinite(values[i]) ? values[i] : Double.MAX_VALUE));
        return order;
    }

    private static double scaled(double v, boolean log) { return log ? Math.log10(v) : v; }
}
