package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/** What issue 16 asks of every figure, checked on the files the writer produces. */
class FigureConventionsTest {
    @TempDir Path dir;

    private static double[] steps(int n) { return IntStream.rangeClosed(1, n).asDoubleStream().toArray(); }

    private static double[] decay(double[] x, double rate) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.exp(-rate * x[i]);
        return y;
    }

    @Test void twoSeriesOfOneColourAndDashAreRefusedNamingBoth() {
        double[] x = steps(10);
        Panel panel = new Panel("p", "", Axis.linear("x"), Axis.log("y"), List.of(
                Series.line("net N=2", x, decay(x, 0.1)).inDepthColour(2),
                Series.line("other N=2", x, decay(x, 0.2)).inDepthColour(2)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ChartWriter().write(Figure.of(panel), "f", dir));
        assertTrue(e.getMessage().contains("net N=2") && e.getMessage().contains("other N=2") && e.getMessage().contains("panel p"), e.getMessage());
    }

    @Test void aReferenceTakesTheColourOfItsSeriesAndADepthItsColourEverywhere() {
        double[] x = steps(10);
        List<Series> series = List.of(Series.line("N = 3", x, decay(x, 0.1)).inDepthColour(3),
                Series.dashed("predicted", x, decay(x, 0.1)).inColourOf(0), Series.dashed("L*", x, decay(x, 0)).asTheory(false));
        assertEquals(ChartLook.depth(3), ChartLook.colourOf(series, 0, false));
        assertEquals(ChartLook.depth(3), ChartLook.colourOf(series, 1, false));
        assertEquals(ChartLook.THEORY[0], ChartLook.colourOf(series, 2, false));
        assertNotEquals(ChartLook.depth(2), ChartLook.depth(3));
    }

    @Test void nineOrderedSeriesTakeNineDistinctColoursAlongTheMap() {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        double previousLuminance = -1;
        for (int i = 0; i < 9; i++) {
            java.awt.Color c = ChartLook.sequential(i / 8.0);
            colours.add(c.getRGB());
            double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertTrue(luminance > previousLuminance, "darkest first, lighter along the order");
            previousLuminance = luminance;
        }
        assertEquals(9, colours.size());
    }

    /** The SVG is well-formed XML with its labels as text, sized, and the same drawing gives the same bytes. */
    @Test void aLineChartIsAnSvgWithRealTextAndStableBytes() throws Exception {
        double[] x = steps(200);
        Figure figure = Figure.of(new Panel("p", "a title", Axis.log("step"), Axis.log("loss"),
                List.of(Series.line("net", x, decay(x, 0.05)), Series.dashed("e2e", x, decay(x, 0.06)))));
        WrittenPanel w = new ChartWriter().write(figure, "f", dir.resolve("a")).get(0);
        new ChartWriter().write(figure, "f", dir.resolve("b"));
        byte[] svg = Files.readAllBytes(dir.resolve("a").resolve(w.svgFileName()));
        assertEquals(new String(svg), Files.readString(dir.resolve("b").resolve(w.svgFileName())));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        var document = xml.newDocumentBuilder().parse(dir.resolve("a").resolve(w.svgFileName()).toFile());
        var texts = document.getElementsByTagName("text");
        List<String> content = IntStream.range(0, texts.getLength()).mapToObj(i -> texts.item(i).getTextContent()).toList();
        assertTrue(content.contains("a title") && content.contains("net") && content.contains("10⁰"), content.toString());
        for (int i = 0; i < texts.getLength(); i++)
            assertTrue(texts.item(i).getAttributes().getNamedItem("style").getNodeValue().contains("font-size"), "every text sized");
    }

    /** A dashed line through many points is one path, so its dash pattern runs on instead of restarting at each point. */
    @Test void aDashedSeriesIsOnePathWithItsDashPattern() throws IOException {
        double[] x = steps(5000);
        Figure figure = Figure.of(new Panel("p", "", Axis.log("step"), Axis.log("loss"), List.of(Series.dashed("e2e", x, decay(x, 0.001)))));
        WrittenPanel w = new ChartWriter().write(figure, "f", dir).get(0);
        String svg = Files.readString(dir.resolve(w.svgFileName()));
        Matcher dashed = Pattern.compile("<path d=\"([^\"]*)\"[^>]*stroke-dasharray").matcher(svg);
        assertTrue(dashed.find(), "a dashed path");
        int points = dashed.group(1).split("[ML]").length - 1;
        assertTrue(points > 50 && points < 5000, points + " points: one path, thinned to what shows");
        assertTrue(!dashed.find() || !dashed.group(0).contains("e2e"), "only the legend's sample besides it");
    }

    /** A heat map is shown as its PNG (an SVG raster would be large); a line chart as its SVG. */
    @Test void aHeatMapHasNoSvg() {
        double[] g = {0, 1, 2};
        HeatMap map = new HeatMap(g, g, new double[][] {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}}, "z", false);
        WrittenPanel w = new ChartWriter().write(Figure.of(new Panel("h", "", Axis.linear("a"), Axis.linear("b"), List.of(), map)), "f", dir).get(0);
        assertNull(w.svgFileName());
        assertEquals(w.pngFileName(), w.shownFileName());
    }

    /** Hyphens before numbers in legends and titles are typeset as minus signs. */
    @Test void figureTextUsesTheMinusSign() {
        assertEquals("fit: slope \u22120.435", PanelPainter.typeset("fit: slope -0.435"));
        assertEquals("w(t-1) = \u22122", PanelPainter.typeset("w(t-1) = -2"));
    }
}
