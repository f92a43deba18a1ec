package org.optreport.site.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.optreport.site.chart.ShownPanel.ShownPoint;
import org.optreport.site.chart.ShownPanel.ShownSeries;
import org.optreport.report.output.Axis;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Series;

/** Builds the XChart XY chart of a panel: styled axes, shaded bands under the lines, one legend entry per series. */
final class XyCharts {
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    /** Up to this many equally spaced x values, ticks at the values themselves read well (depths 1, 2, 3, ...). */
    static final int MAX_DATA_TICKS = 25;

    private XyCharts() {}

    /**
     * @param heatMapLimits {xMin, xMax, yMin, yMax} fixed for a panel drawn over a heat map (the chart's
     *                      background is then transparent so the raster shows through); null otherwise
     */
    static XYChart build(ShownPanel shown, int width, int height, double[] heatMapLimits) {
        XYChart chart = new XYChart(width, height);
        style(chart.getStyler(), shown, heatMapLimits != null);
        if (legendWidth(shown) > width - 2 * 8) {
            // one row below the plot would be clipped at both ends: list the entries in a column beside it instead
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        String title = shown.panel().title();
        chart.setTitle(title == null ? "" : title);
        chart.getStyler().setChartTitleVisible(title != null && !title.isBlank());
        chart.setXAxisTitle(shown.panel().x().label());
        chart.setYAxisTitle(shown.panel().y().label());
        limits(chart.getStyler(), shown, heatMapLimits);

        Color[] palette = heatMapLimits == null ? ChartLook.PALETTE : ChartLook.PALETTE_ON_HEAT_MAP;
        Names names = new Names();
        if (heatMapLimits != null) extent(chart, names, heatMapLimits);
        else if (!shown.panel().x().log() && manyEquallySpacedX(shown)) roundTicks(chart, names, shown);
        for (int i = 0; i < shown.series().size(); i++)
            for (List<ShownPoint> run : shown.series().get(i).bandRuns())
                band(chart, names, run, colour(shown.series().get(i), i, palette));
        for (int i = 0; i < shown.series().size(); i++) line(chart, names, shown.series().get(i), colour(shown.series().get(i), i, palette));
        boolean anyLegend = shown.series().stream().anyMatch(s -> !s.points().isEmpty());
        chart.getStyler().setLegendVisible(anyLegend);
        return chart;
    }

    /** The series' place on the sequential colour map if it has one, else the palette colour of its position. */
    /** The series' colour: from the sequential map, or that of the series it refers to, or its own place in the palette. */
    private static Color colour(ShownSeries series, int index, Color[] palette) {
        Double position = series.source().sequentialColour();
        if (position != null) return ChartLook.sequential(position);
        Integer of = series.source().colourOf();
        return palette[(of == null ? index : of) % palette.length];
    }

    /** Axis limits for a heat map panel: the panel's own limits where given, else the grid's extent. */
    static double[] heatMapLimits(ShownPanel shown) {
        HeatMap map = shown.panel().heatMap();
        double[] xs = extentOf(map.xs(), shown.panel().x().log()), ys = extentOf(map.ys(), shown.panel().y().log());
        double[] x = widenedToKeepEndTicks(orElse(shown.panel().x().min(), xs[0]), orElse(shown.panel().x().max(), xs[1]), shown.panel().x().log());
        double[] y = widenedToKeepEndTicks(orElse(shown.panel().y().min(), ys[0]), orElse(shown.panel().y().max(), ys[1]), shown.panel().y().log());
        return new double[] {x[0], x[1], y[0], y[1]};
    }

    /**
     * XChart drops a tick that falls exactly on a fixed axis end (a grid over [-2, 2] got ticks only from -1.5 to 1.5);
     * widening the limits by a billionth of the span keeps those ticks and moves the raster by far less than a pixel.
     */
    static double[] widenedToKeepEndTicks(double low, double high, boolean log) {
        if (log) {
            double factor = Math.pow(high / low, 1e-9);
            return new double[] {low / factor, high * factor};
        }
        double margin = (high - low) * 1e-9;
        return new double[] {low - margin, high + margin};
    }

    /** The width of a one-row legend: each entry's line sample, its name and XChart's padding. */
    private static int legendWidth(ShownPanel shown) {
        java.awt.FontMetrics metrics = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .getGraphics().getFontMetrics(ChartLook.font(Font.PLAIN, 12));
        int width = 0;
        for (ShownPanel.ShownSeries series : shown.series())
            if (!series.points().isEmpty()) width += 28 + metrics.stringWidth(series.source().name()) + 3 * 10;
        return width;
    }

    private static void style(XYStyler s, ShownPanel shown, boolean overHeatMap) {
        s.setChartBackgroundColor(overHeatMap ? TRANSPARENT : Color.WHITE);
        s.setPlotBackgroundColor(overHeatMap ? TRANSPARENT : Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(ChartLook.FRAME);
        s.setPlotGridLinesVisible(!overHeatMap);
        s.setPlotGridLinesColor(ChartLook.GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(ChartLook.TEXT);
        s.setAxisTickLabelsColor(ChartLook.TEXT);
        s.setAxisTickMarksColor(ChartLook.FRAME);
        s.setChartTitleFont(ChartLook.font(Font.BOLD, 14));
        s.setAxisTitleFont(ChartLook.font(Font.PLAIN, 13));
        s.setAxisTickLabelsFont(ChartLook.font(Font.PLAIN, 11));
        s.setLegendFont(ChartLook.font(Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(8);
        s.setPlotMargin(0);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBackgroundColor(overHeatMap ? ChartLook.HEAT_MAP_LEGEND : Color.WHITE);
        s.setLegendBorderColor(overHeatMap ? ChartLook.HEAT_MAP_LEGEND : Color.WHITE);
        s.setLegendSeriesLineLength(28);
        s.setMarkerSize(7);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setXAxisLogarithmic(shown.panel().x().log());
        s.setYAxisLogarithmic(shown.panel().y().log());
        // A formatting function makes XChart place ticks linearly, so log axes keep XChart's decade ticks.
        if (!shown.panel().x().log()) s.setxAxisTickLabelsFormattingFunction(TickLabels::plain);
        if (!shown.panel().y().log()) s.setyAxisTickLabelsFormattingFunction(TickLabels::plain);
        // The raster must fill the plot area exactly, so no padding around a heat map's data range.
        if (overHeatMap) s.setPlotContentSize(1.0);
    }

    private static void limits(XYStyler s, ShownPanel shown, double[] fixed) {
        if (fixed != null) {
            s.setXAxisMin(fixed[0]);
            s.setXAxisMax(fixed[1]);
            s.setYAxisMin(fixed[2]);
            s.setYAxisMax(fixed[3]);
            return;
        }
        if (shown.panel().x().min() != null) s.setXAxisMin(shown.panel().x().min());
        if (shown.panel().x().max() != null) s.setXAxisMax(shown.panel().x().max());
        if (shown.panel().y().min() != null) s.setYAxisMin(shown.panel().y().min());
        if (shown.panel().y().max() != null) s.setYAxisMax(shown.panel().y().max());
    }

    /** An invisible diagonal across the heat map, so the chart has data spanning the raster even without lines. */
    private static void extent(XYChart chart, Names names, double[] limits) {
        XYSeries s = chart.addSeries(names.hidden(), new double[] {limits[0], limits[1]}, new double[] {limits[2], limits[3]});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(TRANSPARENT);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** More than {@link #MAX_DATA_TICKS} distinct x values over all series, equally spaced (a curve drawn at every step). */
    static boolean manyEquallySpacedX(ShownPanel shown) {
        double[] x = shown.series().stream().flatMap(s -> s.points().stream()).mapToDouble(ShownPoint::x).distinct().sorted().toArray();
        if (x.length <= MAX_DATA_TICKS) return false;
        double spacing = x[1] - x[0];
        for (int i = 2; i < x.length; i++)
            if (Math.abs(x[i] - x[i - 1] - spacing) > 1e-9 * spacing) return false;
        return true;
    }

    /**
     * XChart puts the ticks of a linear axis at the data's own x values when these, in the order the series list
     * them, are equally spaced: every 13th step of 0..300 gives 0, 13, 26, ..., 299. An invisible first series
     * listing the two extremes breaks that order, so XChart places its round ticks (0, 50, 100, ...) instead.
     */
    private static void roundTicks(XYChart chart, Names names, ShownPanel shown) {
        List<ShownPoint> points = shown.series().stream().flatMap(s -> s.points().stream()).toList();
        double low = points.stream().mapToDouble(ShownPoint::x).min().orElseThrow(), high = points.stream().mapToDouble(ShownPoint::x).max().orElseThrow();
        double y = points.get(0).y();
        XYSeries s = chart.addSeries(names.hidden(), new double[] {low, high}, new double[] {y, y});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setLineColor(TRANSPARENT);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** A band is a closed polygon: along the upper edge, then back along the lower edge. */
    /** The palette index of series i: its own, or that of the series it takes its colour from. */
    private static void band(XYChart chart, Names names, List<ShownPoint> run, Color colour) {
        int n = run.size();
        double[] x = new double[2 * n], y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = run.get(i).x();
            y[i] = run.get(i).upper();
            x[2 * n - 1 - i] = run.get(i).x();
            y[2 * n - 1 - i] = run.get(i).lower();
        }
        XYSeries s = chart.addSeries(names.hidden(), x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(ChartLook.translucent(colour, ChartLook.BAND_ALPHA));
        s.setLineColor(TRANSPARENT);
        s.setLineStyle(new BasicStroke(0f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** One XChart series per unbroken run; only the first carries the legend entry. */
    private static void line(XYChart chart, Names names, ShownSeries series, Color colour) {
        Series.Style style = series.source().style();
        boolean first = true;
        for (List<ShownPoint> run : series.lineRuns()) {
            double[] x = run.stream().mapToDouble(ShownPoint::x).toArray();
            double[] y = run.stream().mapToDouble(ShownPoint::y).toArray();
            XYSeries s = chart.addSeries(first ? names.visible(series.source().name()) : names.hidden(), x, y);
            s.setXYSeriesRenderStyle(style == Series.Style.MARKERS ? XYSeriesRenderStyle.Scatter : XYSeriesRenderStyle.Line);
            s.setLineColor(colour);
            s.setLineStyle(ChartLook.stroke(style));
            s.setMarkerColor(colour);
            boolean markers = style == Series.Style.MARKERS || style == Series.Style.LINE_MARKERS;
            s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setShowInLegend(first);
            first = false;
        }
    }

    private static double[] extentOf(double[] values, boolean log) {
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (double v : values)
            if (ShownPanel.drawable(v, log)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        if (low == high) return log ? new double[] {low / 2, high * 2} : new double[] {low - 0.5, high + 0.5};
        return new double[] {low, high};
    }

    private static double orElse(Double v, double fallback) { return v != null ? v : fallback; }

    /** XChart keys series by name: legend names stay as given (repeats get invisible suffixes), the rest are hidden keys. */
    private static final class Names {
        private final Set<String> used = new HashSet<>();
        private int hidden;

        String visible(String name) {
            String unique = name;
            while (!used.add(unique)) unique += "\u200B";
            return unique;
        }

        String hidden() {
            String name;
            do name = "\u0000hidden-" + hidden++; while (!used.add(name));
            return name;
        }
    }
}
