package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

class HeatMapRenderTest {
    @TempDir Path dir;

    /** A 4x4 grid on [0,3]^2 with 16 distinct values 0..15 (z = 4*iy + ix), linear colour scale. */
    private static HeatMap grid() {
        double[] xs = {0, 1, 2, 3}, ys = {0, 1, 2, 3};
        double[][] z = new double[4][4];
        for (int iy = 0; iy < 4; iy++)
            for (int ix = 0; ix < 4; ix++) z[iy][ix] = 4 * iy + ix;
        return new HeatMap(xs, ys, z, "loss", false);
    }

    private static Panel panel() {
        return new Panel("heat", "", Axis.linear("w1"), Axis.linear("w2"),
                List.of(Series.markers("probe", new double[] {2}, new double[] {1})), grid());
    }

    /** Bounding box {minX, minY, maxX, maxY} of the pixels whose colour is one of the 16 cell colours. */
    private static int[] rasterBox(BufferedImage image, Set<Integer> cellColours) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        // only the chart part: the colour bar strip to the right also holds viridis colours
        int chartWidth = (ChartLook.WIDTH - ChartLook.COLOUR_BAR_STRIP) * ChartLook.SCALE;
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < chartWidth; x++)
                if (cellColours.contains(image.getRGB(x, y) & 0xFFFFFF)) {
                    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
                }
        return new int[] {minX, minY, maxX, maxY};
    }

    private static int expectedColour(double z) {
        return Viridis.at(z / 15.0).getRGB() & 0xFFFFFF;
    }

    @Test
    void rasterCellsHaveTheColormapColourAtTheirPlace() {
        BufferedImage image = ChartWriter.render(ShownPanel.of(panel()));
        Set<Integer> colours = new HashSet<>();
        for (int z = 0; z < 16; z++) colours.add(expectedColour(z));
        int[] box = rasterBox(image, colours);
        double width = box[2] - box[0] + 1, height = box[3] - box[1] + 1;
        assertTrue(width > 600 && height > 400, "raster covers the plot: " + width + "x" + height);
        // data range [0,3]: the centre of cell (ix=1, iy=2) is at x=1, y=2 -> 1/3 across, 1/3 down from the top
        int px = (int) Math.round(box[0] + width / 3), py = (int) Math.round(box[1] + height / 3);
        assertEquals(Integer.toHexString(expectedColour(4 * 2 + 1)), Integer.toHexString(image.getRGB(px, py) & 0xFFFFFF));
        // the top-left corner is cell (ix=0, iy=3)
        assertEquals(Integer.toHexString(expectedColour(12)), Integer.toHexString(image.getRGB(box[0] + 3, box[1] + 3) & 0xFFFFFF));
    }

    @Test
    void seriesDrawnOverTheRasterLandAtTheirDataCoordinates() {
        BufferedImage image = ChartWriter.render(ShownPanel.of(panel()));
        Set<Integer> colours = new HashSet<>();
        for (int z = 0; z < 16; z++) colours.add(expectedColour(z));
        int[] box = rasterBox(image, colours);
        double width = box[2] - box[0] + 1, height = box[3] - box[1] + 1;
        // the probe marker at (2, 1): 2/3 across, 2/3 down
        int px = (int) Math.round(box[0] + 2 * width / 3), py = (int) Math.round(box[1] + 2 * height / 3);
        Color marker = ChartLook.PALETTE_ON_HEAT_MAP[0];
        assertEquals(Integer.toHexString(marker.getRGB() & 0xFFFFFF), Integer.toHexString(image.getRGB(px, py) & 0xFFFFFF));
    }

    @Test
    void csvListsEveryCellThenTheSeries() throws IOException {
        new ChartWriter().write(Figure.of(panel()), "f", dir);
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(dir.resolve("f-heat.csv"))) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertEquals(17, rows.size());
        for (CSVRecord row : rows.subList(0, 16)) {
            double x = Double.parseDouble(row.get("x")), y = Double.parseDouble(row.get("y"));
            assertEquals(4 * y + x, Double.parseDouble(row.get("z")));
        }
        assertEquals("probe", rows.get(16).get("series"));
    }

    @Test
    void logColourScaleLeavesNonPositiveCellsUndrawn() {
        double[][] z = {{0, 1}, {10, 100}};
        HeatMapLayer layer = new HeatMapLayer(new HeatMap(new double[] {0, 1}, new double[] {0, 1}, z, "z", true), false, false);
        assertEquals(null, layer.colourOf(0));
        assertEquals(Viridis.at(0), layer.colourOf(1));
        assertEquals(Viridis.at(0.5), layer.colourOf(10));
        assertEquals(Viridis.at(1), layer.colourOf(100));
    }

    @Test
    void logColourScaleSpansTheDecadesTheMapAsksFor() {
        double[][] z = {{1e-6, 1e-3}, {1e-2, 10}};
        HeatMapLayer layer = new HeatMapLayer(new HeatMap(new double[] {0, 1}, new double[] {0, 1}, z, "z", true, 4), false, false);
        assertEquals(Viridis.at(0), layer.colourOf(1e-6), "below the four decades: the lowest colour");
        assertEquals(Viridis.at(0), layer.colourOf(1e-3));
        assertEquals(Viridis.at(0.25), layer.colourOf(1e-2));
        assertEquals(Viridis.at(1), layer.colourOf(10));
        HeatMapLayer wide = new HeatMapLayer(new HeatMap(new double[] {0, 1}, new double[] {0, 1}, z, "z", true), false, false);
        assertEquals(Viridis.at(0), wide.colourOf(1e-6), "the default eight decades reach the smallest value here");
        assertEquals(Viridis.at(4.0 / 7), wide.colourOf(1e-2));
    }
}
