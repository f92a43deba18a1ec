package org.optreport.site.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Series;
import org.optreport.site.chart.ShownPanel.ShownPoint;
import org.optreport.site.chart.ShownPanel.ShownSeries;

/**
 * Draws one panel with Java2D: the same calls paint the PNG (on an image) and the SVG (on a vector graphics context,
 * where text stays text). Lines are single paths, so a dash pattern runs on along the whole curve; points closer than
 * {@link #MIN_STEP_PX} to the previous drawn point are skipped, which changes nothing visible and keeps SVGs small.
 */
final class PanelPainter {
    /** Consecutive drawn points of a line are at least this far apart (CSS pixels), unless a run ends there. */
    static final double MIN_STEP_PX = 0.5;
    /** Text measured with one fixed context, so the layout does not depend on the graphics drawn to. */
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, true);
    private static final double LEGEND_SAMPLE = 28, LEGEND_GAP = 6, LEGEND_ENTRY_GAP = 18, LEGEND_PAD = 6;

    private final ShownPanel shown;
    private final AxisTicks xTicks, yTicks;
    private final List<Color> colours;

    /** What was drawn, for checks: each axis' tick labels and each legend entry's colour and style. */
    record Drawing(List<String> xLabels, List<String> yLabels, List<LegendKey> legend) {}

    record LegendKey(String name, int rgb, Series.Style style) {}

    PanelPainter(ShownPanel shown) {
        this.shown = shown;
        boolean logX = shown.panel().x().log(), logY = shown.panel().y().log();
        double[] xs = extent(true), ys = extent(false);
        this.xTicks = AxisTicks.of(shown.panel().x(), xs[0], xs[1]);
        this.yTicks = AxisTicks.of(shown.panel().y(), ys[0], ys[1]);
        List<Series> sources = shown.panel().series();
        List<Color> c = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) c.add(ChartLook.colourOf(sources, i, shown.panel().heatMap() != null));
        this.colours = List.copyOf(c);
        assert logX == xTicks.log() && logY == yTicks.log();
    }

    AxisTicks xTicks() { return xTicks; }

    AxisTicks yTicks() { return yTicks; }

    /** The data extent along one axis: series points and bands, or the heat map's grid (which then sets the limits). */
    private double[] extent(boolean x) {
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        HeatMap map = shown.panel().heatMap();
        if (map != null) {
            boolean log = x ? shown.panel().x().log() : shown.panel().y().log();
            for (double v : x ? map.xs() : map.ys())
                if (ShownPanel.drawable(v, log)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            if (low < high) return new double[] {low, high};
        }
        for (ShownSeries s : shown.series())
            for (ShownPoint p : s.points()) {
                double a = x ? p.x() : p.y();
                low = Math.min(low, a);
                high = Math.max(high, a);
                if (!x && p.hasBand()) {
                    low = Math.min(low, p.lower());
                    high = Math.max(high, p.upper());
                }
            }
        if (map != null && low <= high) return new double[] {low, high};
        return new double[] {low, high};
    }

    /** Heat maps fill their plot exactly: the grid's extent without padding (unless the panel sets limits). */
    static AxisTicks heatMapAxis(org.optreport.report.output.Axis axis, double low, double high) {
        AxisTicks padded = AxisTicks.of(axis, low, high);
        double l = axis.min() != null ? padded.low() : axis.log() ? Math.log10(low) : low;
        double h = axis.max() != null ? padded.high() : axis.log() ? Math.log10(high) : high;
        return axis.log() ? AxisTicks.logTicks(l, h) : AxisTicks.linearTicks(l, h, axis.wholeNumbers());
    }

    // ---- geometry ----------------------------------------------------------------------------------------------------

    private final class Mapping {
        final Rectangle2D plot;
        final AxisTicks xs, ys;

        Mapping(Rectangle2D plot, AxisTicks xs, AxisTicks ys) {
            this.plot = plot;
            this.xs = xs;
            this.ys = ys;
        }

        double x(double scaled) { return plot.getMinX() + (scaled - xs.low()) / (xs.high() - xs.low()) * plot.getWidth(); }

        double y(double scaled) { return plot.getMaxY() - (scaled - ys.low()) / (ys.high() - ys.low()) * plot.getHeight(); }

        double px(double v) { return x(xs.scaled(v)); }

        double py(double v) { return y(ys.scaled(v)); }
    }

    private Mapping mapping(PanelLayout layout) {
        AxisTicks xs = xTicks, ys = yTicks;
        HeatMap map = shown.panel().heatMap();
        if (map != null) {
            double[] ex = extent(true), ey = extent(false);
            xs = heatMapAxis(shown.panel().x(), ex[0], ex[1]);
            ys = heatMapAxis(shown.panel().y(), ey[0], ey[1]);
        }
        return new Mapping(layout.plot(), xs, ys);
    }

    /** A run of points as one path, skipping points that moved less than {@link #MIN_STEP_PX} since the last one kept. */
    private static Path2D path(Mapping m, List<ShownPoint> run, boolean upper, boolean lower) {
        Path2D.Double path = new Path2D.Double();
        double lastX = Double.NaN, lastY = Double.NaN;
        for (int i = 0; i < run.size(); i++) {
            ShownPoint p = run.get(i);
            double x = m.px(p.x()), y = m.py(upper ? p.upper() : lower ? p.lower() : p.y());
            boolean ends = i == 0 || i == run.size() - 1;
            if (!ends && Math.hypot(x - lastX, y - lastY) < MIN_STEP_PX) continue;
            if (i == 0) path.moveTo(x, y);
            else path.lineTo(x, y);
            lastX = x;
            lastY = y;
        }
        return path;
    }

    /** A vertical bar from a point's lower to its upper value, with short caps. */
    private static void errorBar(Graphics2D g, Mapping m, ShownPoint p) {
        double x = m.px(p.x()), low = m.py(p.lower()), high = m.py(p.upper()), cap = 3;
        g.draw(new Line2D.Double(x, low, x, high));
        g.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }

    /** A band: along the upper edge, back along the lower edge. */
    private static Shape band(Mapping m, List<ShownPoint> run) {
        Path2D.Double area = new Path2D.Double(path(m, run, true, false));
        List<ShownPoint> reversed = new ArrayList<>(run);
        java.util.Collections.reverse(reversed);
        Path2D back = path(m, reversed, false, true);
        area.append(back, true);
        area.closePath();
        return area;
    }

    private static boolean hasMarkers(Series.Style s) { return s == Series.Style.MARKERS || s == Series.Style.OPEN_MARKERS || s == Series.Style.LINE_MARKERS; }

    private static boolean hasLine(Series.Style s) { return s != Series.Style.MARKERS && s != Series.Style.OPEN_MARKERS; }

    /**
     * What the series cover in the plot, for finding an empty corner: band areas, and points along every line and at
     * every marker (lines sampled every two pixels; a box clear of them all is clear of the data).
     */
    private record Footprint(List<Shape> areas, List<double[]> points) {
        boolean meets(Rectangle2D box) {
            Rectangle2D grown = new Rectangle2D.Double(box.getX() - 5, box.getY() - 5, box.getWidth() + 10, box.getHeight() + 10);
            for (double[] p : points) if (grown.contains(p[0], p[1])) return true;
            for (Shape a : areas) if (a.intersects(box)) return true;
            return false;
        }
    }

    private Footprint footprint(Mapping m) {
        List<Shape> areas = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (ShownSeries s : shown.series()) {
            if (hasLine(s.source().style())) for (List<ShownPoint> run : s.bandRuns()) areas.add(band(m, run));
            else for (List<ShownPoint> run : s.bandRuns()) for (ShownPoint p : run) areas.add(new Rectangle2D.Double(m.px(p.x()) - 3, m.py(p.upper()), 6, m.py(p.lower()) - m.py(p.upper())));
            for (List<ShownPoint> run : s.lineRuns()) {
                double lastX = Double.NaN, lastY = Double.NaN;
                for (ShownPoint p : run) {
                    double x = m.px(p.x()), y = m.py(p.y());
                    if (hasLine(s.source().style()) && !Double.isNaN(lastX)) {
                        int pieces = (int) Math.min(1000, Math.ceil(Math.hypot(x - lastX, y - lastY) / 2));
                        for (int k = 1; k < pieces; k++)
                            points.add(new double[] {lastX + (x - lastX) * k / pieces, lastY + (y - lastY) * k / pieces});
                    }
                    points.add(new double[] {x, y});
                    lastX = x;
                    lastY = y;
                }
            }
        }
        return new Footprint(areas, points);
    }

    /** The series' marker at (x, y): filled, or outlined for {@link Series.Style#OPEN_MARKERS}. */
    private static void drawMarker(Graphics2D g, Series source, double x, double y) {
        Shape marker = marker(source.marker(), x, y, ChartLook.MARKER);
        if (source.style() != Series.Style.OPEN_MARKERS && source.marker() != Series.Marker.CROSS) {
            g.fill(marker);
            return;
        }
        g.setStroke(source.marker() == Series.Marker.CROSS ? new BasicStroke(1.8f) : ChartLook.stroke(Series.Style.LINE));
        g.draw(marker);
    }

    /** A marker of size d (a circle's diameter; the other shapes of about the same area) centred at (x, y). */
    private static Shape marker(Series.Marker shape, double x, double y, double d) {
        double r = d / 2;
        return switch (shape) {
            case CIRCLE -> new Ellipse2D.Double(x - r, y - r, d, d);
            case SQUARE -> new Rectangle2D.Double(x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r);
            case DIAMOND -> polygon(x, y, new double[] {0, 1.25 * r, 0, -1.25 * r}, new double[] {-1.25 * r, 0, 1.25 * r, 0});
            case TRIANGLE -> polygon(x, y, new double[] {0, 1.2 * r, -1.2 * r}, new double[] {-1.3 * r, 0.8 * r, 0.8 * r});
            case INVERTED_TRIANGLE -> polygon(x, y, new double[] {0, 1.2 * r, -1.2 * r}, new double[] {1.3 * r, -0.8 * r, -0.8 * r});
            case CROSS -> {
                Path2D.Double cross = new Path2D.Double();
                cross.moveTo(x - r, y - r);
                cross.lineTo(x + r, y + r);
                cross.moveTo(x - r, y + r);
                cross.lineTo(x + r, y - r);
                yield cross;
            }
        };
    }

    private static Shape polygon(double x, double y, double[] dx, double[] dy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x + dx[0], y + dy[0]);
        for (int i = 1; i < dx.length; i++) p.lineTo(x + dx[i], y + dy[i]);
        p.closePath();
        return p;
    }

    // ---- legend ------------------------------------------------------------------------------------------------------

    private List<Integer> legendEntries() {
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < shown.series().size(); i++) if (!shown.series().get(i).points().isEmpty()) entries.add(i);
        return entries;
    }

    private static double textWidth(String s, Font f) { return f.getStringBounds(s, TEXT).getWidth(); }

    private static final java.util.regex.Pattern HYPHEN_MINUS = java.util.regex.Pattern.compile("(^|[\\s(=\\[,:])-(?=[0-9.])");

    /** A figure's text with the true minus sign before numbers ("slope -0.435" reads "slope −0.435"), as the ticks have. */
    static String typeset(String text) { return text == null ? null : HYPHEN_MINUS.matcher(text).replaceAll("$1\u2212"); }

    private double entryWidth(int i) {
        return LEGEND_SAMPLE + LEGEND_GAP + textWidth(typeset(shown.series().get(i).source().name()), ChartLook.font(Font.PLAIN, ChartLook.LEGEND_SIZE));
    }

    /** The legend's entries in rows no wider than the plot. */
    private List<List<Integer>> legendRows(double width) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double used = 0;
        for (int i : legendEntries()) {
            double w = entryWidth(i);
            if (!row.isEmpty() && used + LEGEND_ENTRY_GAP + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            used += (row.isEmpty() ? 0 : LEGEND_ENTRY_GAP) + w;
            row.add(i);
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    /** Rows this panel's legend needs below a plot of the standard width. */
    int rowsBelow() { return legendRows(new PanelLayout(false, shown.panel().heatMap() != null, 0, null).plot().getWidth()).size(); }

    /** The legend box in a corner of the plot, as a column. */
    private Rectangle2D cornerBox(Rectangle2D plot, PanelLayout.Corner corner) {
        List<Integer> entries = legendEntries();
        double w = 0;
        for (int i : entries) w = Math.max(w, entryWidth(i));
        w += 2 * LEGEND_PAD;
        double h = entries.size() * PanelLayout.LEGEND_ROW + 2 * LEGEND_PAD - 4;
        double inset = 8;
        double x = corner == PanelLayout.Corner.NE || corner == PanelLayout.Corner.SE ? plot.getMaxX() - inset - w : plot.getMinX() + inset;
        double y = corner == PanelLayout.Corner.NE || corner == PanelLayout.Corner.NW ? plot.getMinY() + inset : plot.getMaxY() - inset - h;
        return new Rectangle2D.Double(x, y, w, h);
    }

    /** The first corner (NE, NW, SE, SW) where the legend covers no data, or null; heat maps have no empty corners. */
    PanelLayout.Corner emptyCorner(PanelLayout layout) {
        if (shown.panel().heatMap() != null || legendEntries().isEmpty()) return null;
        Mapping m = mapping(layout);
        Footprint footprint = footprint(m);
        for (PanelLayout.Corner corner : PanelLayout.Corner.values()) {
            Rectangle2D box = cornerBox(layout.plot(), corner);
            if (box.getWidth() > layout.plot().getWidth() * 0.6 || box.getHeight() > layout.plot().getHeight() * 0.6) return null;
            if (!footprint.meets(box)) return corner;
        }
        return null;
    }

    // ---- painting ----------------------------------------------------------------------------------------------------

    /**
     * Paints the panel on {@code g} (CSS pixel units) laid out as {@code layout}; {@code raster}, the image under
     * {@code g} at {@code scale} device pixels per CSS pixel, receives a heat map's cells (null: no raster).
     */
    Drawing paint(Graphics2D g, PanelLayout layout, BufferedImage raster, int scale) {
        Mapping m = mapping(layout);
        Rectangle2D plot = layout.plot();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, ChartLook.WIDTH, ChartLook.HEIGHT));
        HeatMap map = shown.panel().heatMap();
        HeatMapLayer layer = null;
        if (map != null) {
            layer = new HeatMapLayer(map, m.xs.log(), m.ys.log());
            if (raster != null)
                layer.paintRaster(raster, scale, plot, unscaled(m.xs, m.xs.low()), unscaled(m.xs, m.xs.high()),
                        unscaled(m.ys, m.ys.low()), unscaled(m.ys, m.ys.high()));
        } else {
            grid(g, m);
        }
        Shape savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(plot.getX() - 4, plot.getY() - 4, plot.getWidth() + 8, plot.getHeight() + 8));
        g.clip(plot);
        for (int i = 0; i < shown.series().size(); i++)
            for (List<ShownPoint> run : shown.series().get(i).bandRuns()) {
                if (run.size() == 1 || !hasLine(shown.series().get(i).source().style())) {
                    // a band of one point has no area, and markers without a line join nothing: each interval is an error bar
                    g.setColor(colours.get(i));
                    g.setStroke(new BasicStroke(1.2f));
                    for (ShownPoint p : run) errorBar(g, m, p);
                    continue;
                }
                g.setColor(ChartLook.translucent(colours.get(i), ChartLook.BAND_ALPHA));
                g.fill(band(m, run));
            }
        for (int i = 0; i < shown.series().size(); i++) series(g, m, i);
        g.setClip(savedClip);
        if (layer != null && map != null) layer.paintContours(g, m::px, m::py, plot);
        axes(g, m);
        title(g, plot);
        List<LegendKey> keys = legend(g, layout, plot);
        if (layer != null) layer.paintColourBar(g, plot.getMaxX() + 14, plot.getMinY(), plot.getMaxY());
        return new Drawing(m.xs.labels(), m.ys.labels(), keys);
    }

    private static double unscaled(AxisTicks t, double v) { return t.log() ? Math.pow(10, v) : v; }

    private void grid(Graphics2D g, Mapping m) {
        g.setColor(ChartLook.GRID);
        g.setStroke(new BasicStroke(1f));
        Rectangle2D p = m.plot;
        for (AxisTicks.Tick t : m.xs.major()) g.draw(new Line2D.Double(m.x(t.at()), p.getMinY(), m.x(t.at()), p.getMaxY()));
        for (AxisTicks.Tick t : m.ys.major()) g.draw(new Line2D.Double(p.getMinX(), m.y(t.at()), p.getMaxX(), m.y(t.at())));
    }

    private void series(Graphics2D g, Mapping m, int i) {
        ShownSeries s = shown.series().get(i);
        Series.Style style = s.source().style();
        g.setColor(colours.get(i));
        if (hasLine(style)) {
            g.setStroke(ChartLook.stroke(style));
            for (List<ShownPoint> run : s.lineRuns()) g.draw(path(m, run, false, false));
        }
        if (hasMarkers(style))
            for (ShownPoint p : s.points()) drawMarker(g, s.source(), m.px(p.x()), m.py(p.y()));
    }

    private void axes(Graphics2D g, Mapping m) {
        Rectangle2D p = m.plot;
        g.setStroke(new BasicStroke(1f));
        g.setColor(ChartLook.FRAME);
        g.draw(p);
        double major = 5, minor = 3;
        for (AxisTicks.Tick t : m.xs.major()) g.draw(new Line2D.Double(m.x(t.at()), p.getMaxY(), m.x(t.at()), p.getMaxY() + major));
        for (double at : m.xs.minor()) g.draw(new Line2D.Double(m.x(at), p.getMaxY(), m.x(at), p.getMaxY() + minor));
        for (AxisTicks.Tick t : m.ys.major()) g.draw(new Line2D.Double(p.getMinX() - major, m.y(t.at()), p.getMinX(), m.y(t.at())));
        for (double at : m.ys.minor()) g.draw(new Line2D.Double(p.getMinX() - minor, m.y(at), p.getMinX(), m.y(at)));
        Font tick = ChartLook.font(Font.PLAIN, ChartLook.TICK_SIZE);
        g.setFont(tick);
        g.setColor(ChartLook.TEXT);
        float ascent = tick.getLineMetrics("0", TEXT).getAscent() * 0.72f; // digits' height, superscripts stay above
        for (AxisTicks.Tick t : m.xs.major()) {
            double w = textWidth(t.label(), tick);
            g.drawString(t.label(), (float) (m.x(t.at()) - w / 2), (float) (p.getMaxY() + major + 4 + ascent + 2));
        }
        for (AxisTicks.Tick t : m.ys.major()) {
            double w = textWidth(t.label(), tick);
            g.drawString(t.label(), (float) (p.getMinX() - major - 4 - w), (float) (m.y(t.at()) + ascent / 2));
        }
        Font title = ChartLook.font(Font.PLAIN, ChartLook.AXIS_TITLE_SIZE);
        g.setFont(title);
        String xLabel = typeset(shown.panel().x().label());
        g.drawString(xLabel, (float) (p.getCenterX() - textWidth(xLabel, title) / 2), (float) (p.getMaxY() + 42));
        String yLabel = typeset(shown.panel().y().label());
        double widest = m.ys.major().stream().mapToDouble(t -> textWidth(t.label(), tick)).max().orElse(0);
        AffineTransform saved = g.getTransform();
        g.translate(Math.max(title.getSize2D(), p.getMinX() - major - 4 - widest - 10), p.getCenterY());
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, (float) (-textWidth(yLabel, title) / 2), 0f);
        g.setTransform(saved);
    }

    private void title(Graphics2D g, Rectangle2D plot) {
        String title = typeset(shown.panel().title());
        if (title == null || title.isBlank()) return;
        Font f = ChartLook.font(Font.BOLD, ChartLook.TITLE_SIZE);
        g.setFont(f);
        g.setColor(ChartLook.TEXT);
        double w = textWidth(title, f);
        double x = Math.max(4, Math.min(plot.getCenterX() - w / 2, ChartLook.WIDTH - 4 - w));
        g.drawString(title, (float) x, (float) (plot.getMinY() - 10));
    }

    private List<LegendKey> legend(Graphics2D g, PanelLayout layout, Rectangle2D plot) {
        List<LegendKey> keys = new ArrayList<>();
        for (int i : legendEntries())
            keys.add(new LegendKey(shown.series().get(i).source().name(), colours.get(i).getRGB() & 0xFFFFFF, shown.series().get(i).source().style()));
        if (keys.isEmpty()) return keys;
        Font f = ChartLook.font(Font.PLAIN, ChartLook.LEGEND_SIZE);
        g.setFont(f);
        float ascent = f.getLineMetrics("Ag", TEXT).getAscent();
        if (layout.legendCorner() != null) {
            Rectangle2D box = cornerBox(plot, layout.legendCorner());
            g.setColor(new Color(255, 255, 255, 235));
            g.fill(box);
            g.setColor(ChartLook.LEGEND_FRAME);
            g.setStroke(new BasicStroke(1f));
            g.draw(box);
            double y = box.getMinY() + LEGEND_PAD + PanelLayout.LEGEND_ROW / 2 - 2;
            for (int i : legendEntries()) {
                entry(g, i, box.getMinX() + LEGEND_PAD, y, ascent);
                y += PanelLayout.LEGEND_ROW;
            }
        } else {
            double y = plot.getMaxY() + PanelLayout.BELOW_PLOT + PanelLayout.LEGEND_ROW / 2 - 2;
            List<List<Integer>> rows = legendRows(plot.getWidth());
            if (shown.panel().heatMap() != null) { // lines drawn light over the raster (white) need a darker ground
                double widest = 0;
                for (List<Integer> row : rows) {
                    double width = -LEGEND_ENTRY_GAP;
                    for (int i : row) width += entryWidth(i) + LEGEND_ENTRY_GAP;
                    widest = Math.max(widest, width);
                }
                g.setColor(ChartLook.HEAT_MAP_LEGEND);
                g.fill(new Rectangle2D.Double(plot.getCenterX() - widest / 2 - LEGEND_PAD, y - PanelLayout.LEGEND_ROW / 2,
                        widest + 2 * LEGEND_PAD, rows.size() * PanelLayout.LEGEND_ROW));
            }
            for (List<Integer> row : rows) {
                double width = -LEGEND_ENTRY_GAP;
                for (int i : row) width += entryWidth(i) + LEGEND_ENTRY_GAP;
                double x = plot.getCenterX() - width / 2;
                for (int i : row) {
                    entry(g, i, x, y, ascent);
                    x += entryWidth(i) + LEGEND_ENTRY_GAP;
                }
                y += PanelLayout.LEGEND_ROW;
            }
        }
        return keys;
    }

    /** One legend entry: a sample of the line (its band behind, its marker on it), then the name; y is the row's middle. */
    private void entry(Graphics2D g, int i, double x, double y, float ascent) {
        ShownSeries s = shown.series().get(i);
        Series.Style style = s.source().style();
        Color c = colours.get(i);
        if (s.points().stream().anyMatch(ShownPoint::hasBand)) {
            g.setColor(ChartLook.translucent(c, ChartLook.BAND_ALPHA));
            g.fill(new Rectangle2D.Double(x, y - 5, LEGEND_SAMPLE, 10));
        }
        g.setColor(c);
        if (hasLine(style)) {
            g.setStroke(ChartLook.stroke(style));
            g.draw(new Line2D.Double(x + 1, y, x + LEGEND_SAMPLE - 1, y));
        }
        if (hasMarkers(style)) drawMarker(g, s.source(), x + LEGEND_SAMPLE / 2, y);
        g.setColor(ChartLook.TEXT);
        g.drawString(typeset(s.source().name()), (float) (x + LEGEND_SAMPLE + LEGEND_GAP), (float) (y + ascent / 2 - 1));
    }
}
