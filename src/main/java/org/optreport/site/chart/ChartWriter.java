package org.optreport.site.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/**
 * Draws the panels of a figure: as SVG (text stays text, sharp at any zoom) for line charts, and as PNG (twice the CSS
 * pixel density) for every panel, the page's image of a heat map and a download beside the SVG; with, beside each, a
 * CSV of exactly the data drawn. Same figure in, same bytes out. Each panel is checked as it is drawn: at most
 * {@link AxisTicks#MAX_LABELS} labelled ticks per axis, and no two legend entries of one panel in the same colour and
 * line style.
 */
public final class ChartWriter {
    static {
        // Fonts and images without a display; must be set before AWT initialises.
        System.setProperty("java.awt.headless", "true");
    }

    /** Writes {@code <figureName>-<panelId>.svg} (line charts), {@code .png} and {@code .csv} for every panel into {@code directory}. */
    public List<WrittenPanel> write(Figure figure, String figureName, Path directory) {
        List<WrittenPanel> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            List<ShownPanel> shown = figure.panels().stream().map(ShownPanel::of).toList();
            List<PanelPainter> painters = shown.stream().map(PanelPainter::new).toList();
            List<PanelLayout> layouts = layouts(painters, shown);
            for (int i = 0; i < shown.size(); i++) {
                Panel panel = shown.get(i).panel();
                String base = figureName + "-" + panel.id();
                BufferedImage image = newImage();
                PanelPainter.Drawing drawing = paint(painters.get(i), layouts.get(i), image);
                check(drawing, figureName, panel);
                PngFiles.write(image, directory.resolve(base + ".png"));
                String svg = null;
                if (panel.heatMap() == null) {
                    svg = base + ".svg";
                    VectorGraphics2D vector = new VectorGraphics2D();
                    painters.get(i).paint(vector, layouts.get(i), null, 1);
                    SvgFiles.write(vector, ChartLook.WIDTH, ChartLook.HEIGHT, directory.resolve(svg));
                }
                PanelCsv.write(shown.get(i), directory.resolve(base + ".csv"));
                written.add(new WrittenPanel(svg, base + ".png", base + ".csv", ChartLook.WIDTH, ChartLook.HEIGHT, altText(panel)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing figure " + figureName + " to " + directory, e);
        }
        return List.copyOf(written);
    }

    /**
     * One layout for the figure's panels: the same title room and legend rows for all (so side-by-side plots have the
     * same height); each legend in an empty corner of its plot where one is free, else in the rows below.
     */
    static List<PanelLayout> layouts(List<PanelPainter> painters, List<ShownPanel> shown) {
        boolean titled = shown.stream().anyMatch(s -> s.panel().title() != null && !s.panel().title().isBlank());
        int rows = 0;
        PanelLayout.Corner[] corners = new PanelLayout.Corner[painters.size()];
        for (int round = 0; round < 3; round++) {
            int needed = 0;
            for (int i = 0; i < painters.size(); i++) {
                corners[i] = painters.get(i).emptyCorner(new PanelLayout(titled, shown.get(i).panel().heatMap() != null, rows, null));
                if (corners[i] == null) needed = Math.max(needed, painters.get(i).rowsBelow());
            }
            if (needed <= rows) break;
            rows = needed;
        }
        List<PanelLayout> layouts = new ArrayList<>();
        for (int i = 0; i < painters.size(); i++)
            layouts.add(new PanelLayout(titled, shown.get(i).panel().heatMap() != null, rows, corners[i]));
        return layouts;
    }

    /** The panel alone (as a figure of one panel) drawn at {@link ChartLook#SCALE} device pixels per CSS pixel. */
    static BufferedImage render(ShownPanel shown) {
        PanelPainter painter = new PanelPainter(shown);
        BufferedImage image = newImage();
        paint(painter, layouts(List.of(painter), List.of(shown)).get(0), image);
        return image;
    }

    private static BufferedImage newImage() {
        return new BufferedImage(ChartLook.WIDTH * ChartLook.SCALE, ChartLook.HEIGHT * ChartLook.SCALE, BufferedImage.TYPE_INT_RGB);
    }

    private static PanelPainter.Drawing paint(PanelPainter painter, PanelLayout layout, BufferedImage image) {
        Graphics2D g = graphics(image);
        try {
            return painter.paint(g, layout, image, ChartLook.SCALE);
        } finally {
            g.dispose();
        }
    }

    /** The conventions a drawing can be checked for mechanically; a figure that breaks one is a bug in its study. */
    static void check(PanelPainter.Drawing drawing, String figureName, Panel panel) {
        String where = "figure " + figureName + ", panel " + panel.id() + ": ";
        if (drawing.xLabels().size() > AxisTicks.MAX_LABELS || drawing.yLabels().size() > AxisTicks.MAX_LABELS)
            throw new IllegalStateException(where + "more than " + AxisTicks.MAX_LABELS + " tick labels on an axis: x " + drawing.xLabels()
                    + ", y " + drawing.yLabels());
        Map<String, String> seen = new HashMap<>();
        for (PanelPainter.LegendKey key : drawing.legend()) {
            String look = String.format("#%06X %s", key.rgb(), key.style());
            String other = seen.putIfAbsent(look, key.name());
            if (other != null)
                throw new IllegalStateException(where + "series '" + other + "' and '" + key.name() + "' are both drawn " + look
                        + ": give one another colour or line style");
        }
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
            case DOTTED -> "dotted line";
            case MARKERS -> "markers";
            case OPEN_MARKERS -> "open markers";
            case LINE_MARKERS -> "line with markers";
        };
        boolean markersOnly = s.style() == Series.Style.MARKERS || s.style() == Series.Style.OPEN_MARKERS;
        String shape = s.marker() == Series.Marker.CIRCLE || s.style() == Series.Style.LINE || s.style() == Series.Style.DASHED
                || s.style() == Series.Style.DOTTED ? "" : ", " + s.marker().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "s";
        String interval = s.lower() == null ? "" : markersOnly ? " with error bars" : " with shaded band";
        return s.name() + " (" + kind + shape + interval + ")";
    }
}
