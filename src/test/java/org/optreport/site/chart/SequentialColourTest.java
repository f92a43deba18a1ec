package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/** Ordered series drawn from the sequential colour map instead of the palette. */
class SequentialColourTest {
    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) seen.add(image.getRGB(x, y) & 0xFFFFFF);
        return seen;
    }

    @Test void eachOrderedSeriesTakesItsColourFromTheMapNotThePalette() {
        double[] x = {0, 1, 2, 3}, low = {0, 0, 0, 0}, high = {1, 1, 1, 1};
        Panel panel = new Panel("p", "ordered", Axis.linear("x"), Axis.linear("y"), List.of(
                Series.line("first", x, low).withSequentialColour(0),
                Series.line("last", x, high).withSequentialColour(1)));
        Set<Integer> seen = colours(ChartWriter.render(ShownPanel.of(panel)));
        assertTrue(seen.contains(ChartLook.sequential(0).getRGB() & 0xFFFFFF), "the first end of the map");
        assertTrue(seen.contains(ChartLook.sequential(1).getRGB() & 0xFFFFFF), "the last end of the map");
        assertTrue(!seen.contains(ChartLook.PALETTE[0].getRGB() & 0xFFFFFF), "no palette colour");
    }

    @Test void theMapRunsFromViridisDarkEndAndStopsBeforeItsPaleYellow() {
        assertEquals(Viridis.at(0), ChartLook.sequential(0));
        Color last = ChartLook.sequential(1);
        assertNotEquals(Viridis.at(1), last);
        // Luminance below that of the pale end: a thin line stays visible on white.
        double luminance = 0.2126 * last.getRed() + 0.7152 * last.getGreen() + 0.0722 * last.getBlue();
        assertTrue(luminance < 200, "luminance " + luminance);
    }

    @Test void aPositionOutsideTheMapIsRefusedNamingTheSeries() {
        double[] x = {0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Series.line("m = 10", x, x).withSequentialColour(1.5));
        assertTrue(e.getMessage().contains("m = 10"), e.getMessage());
    }
}
