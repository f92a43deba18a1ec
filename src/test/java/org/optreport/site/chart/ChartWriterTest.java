package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

class ChartWriterTest {
    @TempDir Path dir;

    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {5, 3, 2.5, 1.25, 0.5};

    private static Figure twoPanels() {
        Panel loss = new Panel("loss", "Loss", Axis.linear("step"), Axis.linear("loss"),
                List.of(Series.band("mean", X, Y, new double[] {4, 2, 2, 1, 0.25}, new double[] {6, 4, 3, 1.5, 0.75}),
                        Series.dashed("other", X, new double[] {1, 1, 1, 1, 1})));
        Panel rate = new Panel("rate", "", Axis.log("step"), Axis.log("rate"), List.of(Series.markers("rate", X, Y)));
        return new Figure(List.of(loss, rate));
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void writesOnePngAndOneCsvPerPanelNamedAfterFigureAndPanel() {
        List<WrittenPanel> written = new ChartWriter().write(twoPanels(), "landscape", dir);
        assertEquals(List.of("landscape-loss.png", "landscape-rate.png"), written.stream().map(WrittenPanel::pngFileName).toList());
        assertEquals(List.of("landscape-loss.csv", "landscape-rate.csv"), written.stream().map(WrittenPanel::csvFileName).toList());
        assertEquals(List.of("landscape-loss.svg", "landscape-rate.svg"), written.stream().map(WrittenPanel::shownFileName).toList());
        for (WrittenPanel w : written) {
            assertTrue(Files.isRegularFile(dir.resolve(w.svgFileName())));
            assertTrue(Files.isRegularFile(dir.resolve(w.pngFileName())));
            assertTrue(Files.isRegularFile(dir.resolve(w.csvFileName())));
            assertTrue(w.altText().contains("step"), w.altText());
        }
    }

    @Test
    void pngHasTwiceTheCssPixelsInEachDirection() throws IOException {
        WrittenPanel w = new ChartWriter().write(twoPanels(), "f", dir).get(0);
        BufferedImage image = ImageIO.read(dir.resolve(w.pngFileName()).toFile());
        assertEquals(2 * w.widthPx(), image.getWidth());
        assertEquals(2 * w.heightPx(), image.getHeight());
    }

    @Test
    void csvHoldsExactlyTheSeriesDataWithBands() throws IOException {
        new ChartWriter().write(twoPanels(), "f", dir);
        List<CSVRecord> rows = readCsv(dir.resolve("f-loss.csv"));
        assertEquals(2 * X.length, rows.size());
        double[] lower = {4, 2, 2, 1, 0.25}, upper = {6, 4, 3, 1.5, 0.75};
        for (int i = 0; i < X.length; i++) {
            CSVRecord row = rows.get(i);
            assertEquals("mean", row.get("series"));
            assertEquals(X[i], Double.parseDouble(row.get("x")));
            assertEquals(Y[i], Double.parseDouble(row.get("y")));
            assertEquals(lower[i], Double.parseDouble(row.get("lower")));
            assertEquals(upper[i], Double.parseDouble(row.get("upper")));
            CSVRecord other = rows.get(X.length + i);
            assertEquals("other", other.get("series"));
            assertEquals("", other.get("lower"));
        }
    }

    @Test
    void logAxesDropNonPositiveValuesFromTheDrawingAndTheCsv() throws IOException {
        double[] x = {-1, 0, 1, 2, 3, 4};
        double[] y = {1, 1, 0, 2, -3, 4};
        Panel panel = new Panel("p", "", Axis.log("x"), Axis.log("y"), List.of(Series.line("s", x, y)));
        ShownPanel shown = ShownPanel.of(panel);
        List<double[]> drawn = shown.series().get(0).points().stream().map(p -> new double[] {p.x(), p.y()}).toList();
        assertEquals(2, drawn.size());
        assertArrayEquals(new double[] {2, 2}, drawn.get(0));
        assertArrayEquals(new double[] {4, 4}, drawn.get(1));
        // x=3 dropped between them: two separate runs, so no line is drawn across the gap
        assertEquals(2, shown.series().get(0).lineRuns().size());

        new ChartWriter().write(Figure.of(panel), "f", dir);
        List<CSVRecord> rows = readCsv(dir.resolve("f-p.csv"));
        assertEquals(List.of("2.0", "4.0"), rows.stream().map(r -> r.get("x")).toList());
    }

    @Test
    void nonFiniteValuesBreakTheLineInsteadOfFailing() {
        double[] y = {1, Double.NaN, 3, Double.POSITIVE_INFINITY, 5, 6};
        Panel panel = new Panel("p", "", Axis.linear("x"), Axis.linear("y"),
                List.of(Series.line("s", new double[] {1, 2, 3, 4, 5, 6}, y)));
        ShownPanel shown = ShownPanel.of(panel);
        assertEquals(List.of(1, 1, 2), shown.series().get(0).lineRuns().stream().map(List::size).toList());
        assertEquals(1, new ChartWriter().write(Figure.of(panel), "f", dir).size());
    }

    @Test
    void aPanelWithNothingDrawableIsRejectedByName() {
        Panel panel = new Panel("empty-one", "", Axis.log("x"), Axis.linear("y"),
                List.of(Series.line("s", new double[] {0, -1, Double.NaN}, new double[] {1, 2, 3})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChartWriter().write(Figure.of(panel), "f", dir));
        assertTrue(e.getMessage().contains("empty-one"), e.getMessage());
    }

    @Test
    void sameFigureGivesByteIdenticalFiles() throws IOException {
        Path first = dir.resolve("a"), second = dir.resolve("b");
        new ChartWriter().write(twoPanels(), "f", first);
        new ChartWriter().write(twoPanels(), "f", second);
        for (String name : List.of("f-loss.svg", "f-loss.png", "f-loss.csv", "f-rate.svg", "f-rate.png", "f-rate.csv"))
            assertArrayEquals(Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
    }

    @Test
    void pngsStayLight() throws IOException {
        new ChartWriter().write(twoPanels(), "f", dir);
        assertTrue(Files.size(dir.resolve("f-loss.png")) < 150_000);
    }

    @Test
    void anIntervalAtASinglePointIsDrawnAsAnErrorBarWithCaps() throws IOException {
        double[] x = {3}, y = {2};
        Panel bare = new Panel("p", "", Axis.linear("x"), Axis.linear("y"),
                List.of(Series.markers("one size", x, y), Series.line("frame", new double[] {1, 5}, new double[] {0.5, 4})));
        Panel withInterval = new Panel("p", "", Axis.linear("x"), Axis.linear("y"),
                List.of(new Series("one size", x, y, new double[] {1}, new double[] {3.5}, Series.Style.MARKERS),
                        Series.line("frame", new double[] {1, 5}, new double[] {0.5, 4})));
        new ChartWriter().write(Figure.of(bare), "bare", dir);
        new ChartWriter().write(Figure.of(withInterval), "bar", dir);
        // the bar and its two caps: three more line segments (the axes, ticks and grid are the same in both)
        assertEquals(lines(dir.resolve("bare-p.svg")) + 3, lines(dir.resolve("bar-p.svg")));
    }

    @Test
    void markersWithIntervalsAtSeveralPointsGetAnErrorBarEachNotABand() throws IOException {
        double[] x = {1, 3, 5}, y = {2, 3, 2};
        Series frame = Series.line("frame", new double[] {1, 5}, new double[] {0.5, 4.5});   // the same axes in both
        Panel bare = new Panel("p", "", Axis.linear("x"), Axis.linear("y"), List.of(Series.markers("kernel", x, y), frame));
        Panel withIntervals = new Panel("p", "", Axis.linear("x"), Axis.linear("y"),
                List.of(new Series("kernel", x, y, new double[] {1, 2, 1.5}, new double[] {3, 4, 2.5}, Series.Style.MARKERS), frame));
        new ChartWriter().write(Figure.of(bare), "bare", dir);
        new ChartWriter().write(Figure.of(withIntervals), "bars", dir);
        // three bars with two caps each
        assertEquals(lines(dir.resolve("bare-p.svg")) + 9, lines(dir.resolve("bars-p.svg")));
    }

    @Test
    void aSeriesMarkerShapeIsDrawnAndNamedInTheAltText() throws IOException {
        double[] x = {1, 3}, y = {2, 3};
        Panel circles = new Panel("p", "", Axis.linear("x"), Axis.linear("y"), List.of(Series.markers("kernel", x, y)));
        Panel squares = new Panel("p", "", Axis.linear("x"), Axis.linear("y"), List.of(Series.markers("kernel", x, y).withMarker(Series.Marker.SQUARE)));
        new ChartWriter().write(Figure.of(circles), "circles", dir);
        WrittenPanel w = new ChartWriter().write(Figure.of(squares), "squares", dir).get(0);
        assertTrue(w.altText().contains("squares"), w.altText());
        assertTrue(!Files.readString(dir.resolve("squares-p.svg")).equals(Files.readString(dir.resolve("circles-p.svg")).replace("circles", "squares")));
    }

    private static long lines(Path svg) throws IOException {
        return java.util.regex.Pattern.compile("<line ").matcher(Files.readString(svg)).results().count();
    }
}
