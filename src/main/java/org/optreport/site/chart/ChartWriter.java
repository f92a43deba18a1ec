package org.optreport.site.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/**
 * Renders the panels of a figure as PNG images (twice the CSS pixel density, so they stay sharp on
 * high-density screens) with, beside each, a CSV of exactly the data drawn. Same figure in, same bytes out.
 */
public final class ChartWriter {
    static {
        // Fonts and images without a display; must be set before AWT initialises.
        System.setProperty("java.awt.headless", "true");
    }

    /** Writes {@code <figureName>-<panelId>.png} and {@code .csv} for every panel into {@code directory}. */
    public List<WrittenPanel> write(Figure figure, String figureName, Path directory) {
        List<WrittenPanel> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (Panel panel : figure.panels()) {
                ShownPanel shown = ShownPanel.of(panel);
                String base = figureName + "-" + panel.id();
                PngFiles.write(render(shown), directory.resolve(base + ".png"));
                PanelCsv.write(shown, directory.resolve(base + ".csv"));
                written.add(new WrittenPanel(base + ".png", base + ".csv", ChartLook.WIDTH, ChartLook.HEIGHT, altText(panel)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing figure " + figureName + " to " + directory, e);
        }
        return List.copyOf(written);
    }

    /** The panel drawn at {@link ChartLook#SCALE} device pixels per CSS pixel. */
    static BufferedImage render(ShownPanel shown) {
        int scale = ChartLook.SCALE;
        BufferedImage image = new BufferedImage(ChartLook.WIDTH * scale, ChartLook.HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, ChartLook.WIDTH, ChartLook.HEIGHT);
        HeatMap heatMap = shown.panel().heatMap();
        if (heatMap == null) {
            XYChart chart = XyCharts.build(shown, ChartLook.WIDTH, ChartLook.HEIGHT, null);
            chart.paint(g, ChartLook.WIDTH, ChartLook.HEIGHT);
        } else {
            paintWithHeatMap(shown, heatMap, image, g);
        }
        g.dispose();
        return image;
    }

    private static void paintWithHeatMap(ShownPanel shown, HeatMap heatMap, BufferedImage image, Graphics2D g) {
        int chartWidth = ChartLook.WIDTH - ChartLook.COLOUR_BAR_STRIP;
        double[] limits = XyCharts.heatMapLimits(shown);
        XYChart chart = XyCharts.build(shown, chartWidth, ChartLook.HEIGHT, limits);
        // A first paint on a scratch image lays the chart out, so the plot area is known before the raster.
        BufferedImage scratch = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D scratchGraphics = graphics(scratch);
        chart.paint(scratchGraphics, chartWidth, ChartLook.HEIGHT);
        scratchGraphics.dispose();
        double left = chart.getScreenXFromChart(limits[0]), right = chart.getScreenXFromChart(limits[1]);
        double bottom = chart.getScreenYFromChart(limits[2]), top = chart.getScreenYFromChart(limits[3]);
        Rectangle2D plot = new Rectangle2D.Double(left, top, right - left, bottom - top);
        HeatMapLayer layer = new HeatMapLayer(heatMap, shown.panel().x().log(), shown.panel().y().log());
        layer.paintRaster(image, ChartLook.SCALE, plot, limits[0], limits[1], limits[2], limits[3]);
        chart.paint(g, chartWidth, ChartLook.HEIGHT);
        layer.paintColourBar(g, chartWidth + 6, top, bottom);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.scale(ChartLook.SCALE, ChartLook.SCALE);
        return g;
    }

    /** What the image shows, for readers who cannot see it. */
    static String altText(Panel panel) {
        StringBuilder alt = new StringBuilder();
        if (panel.title() != null && !panel.title().isBlank()) alt.append(panel.title().strip()).append(". ");
        alt.append(axisText(panel.y())).append(" against ").append(axisText(panel.x())).append('.');
        if (panel.heatMap() != null)
            alt.append(" Heat map of ").append(panel.heatMap().zLabel())
               .append(panel.heatMap().logZ() ? " (logarithmic colour scale)" : "").append('.');
        if (!panel.series().isEmpty())
            alt.append(panel.series().size() == 1 ? " Series: " : " Series: ")
               .append(panel.series().stream().map(ChartWriter::seriesText).collect(Collectors.joining("; "))).append('.');
        return alt.toString();
    }

    private static String axisText(Axis axis) { return axis.label() + (axis.log() ? " (log scale)" : ""); }

    private static String seriesText(Series s) {
        String kind = switch (s.style()) {
            case LINE -> "line";
            case DASHED -> "dashed line";
            case MARKERS -> "markers";
            case LINE_MARKERS -> "line with markers";
        };
        return s.name() + " (" + kind + (s.lower() != null ? " with shaded band" : "") + ")";
    }
}
