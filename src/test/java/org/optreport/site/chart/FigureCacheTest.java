package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.Axis;
import org.optreport.report.Figure;
import org.optreport.report.Panel;
import org.optreport.report.Series;

class FigureCacheTest {
    private static Figure figure(double last) {
        return Figure.of(new Panel("p", "t", Axis.linear("x"), Axis.linear("y"),
                List.of(Series.line("s", new double[] {1, 2, 3}, new double[] {1, 4, last}))));
    }

    @Test void cachedFiguresEqualFreshlyDrawnOnes(@TempDir Path dir) throws Exception {
        FigureCache cache = new FigureCache(dir.resolve("cache"));
        List<WrittenPanel> first = cache.write(figure(9), "f", dir.resolve("a"));
        List<WrittenPanel> second = cache.write(figure(9), "f", dir.resolve("b"));
        assertEquals(first, second);
        List<WrittenPanel> fresh = new ChartWriter().write(figure(9), "f", dir.resolve("c"));
        assertEquals(fresh, second);
        assertArrayEquals(Files.readAllBytes(dir.resolve("c/f-p.png")), Files.readAllBytes(dir.resolve("b/f-p.png")));
    }

    @Test void otherDataGivesAnotherKey() throws Exception {
        assertNotEquals(FigureCache.key(figure(9), "f"), FigureCache.key(figure(10), "f"));
        assertNotEquals(FigureCache.key(figure(9), "f"), FigureCache.key(figure(9), "g"));
    }

    @Test void anEntryWithAMissingImageIsRedrawn(@TempDir Path dir) throws Exception {
        FigureCache cache = new FigureCache(dir.resolve("cache"));
        cache.write(figure(9), "f", dir.resolve("a"));
        Path entry = dir.resolve("cache").resolve(FigureCache.key(figure(9), "f"));
        Files.delete(entry.resolve("f-p.png"));
        cache.write(figure(9), "f", dir.resolve("b"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/f-p.png")), Files.readAllBytes(dir.resolve("b/f-p.png")));
    }
}
