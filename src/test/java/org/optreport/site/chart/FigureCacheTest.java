package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

class FigureCacheTest {
    private static final String CODE = "chart code A";
    private static final FigureCache CACHE = new FigureCache(Path.of("unused"), CODE, message -> { });
    private static Figure figure(double last) {
        return Figure.of(new Panel("p", "t", Axis.linear("x"), Axis.linear("y"),
                List.of(Series.line("s", new double[] {1, 2, 3}, new double[] {1, 4, last}))));
    }

    @Test void cachedFiguresEqualFreshlyDrawnOnes(@TempDir Path dir) throws Exception {
        FigureCache cache = new FigureCache(dir.resolve("cache"), CODE, message -> { });
        List<WrittenPanel> first = cache.write(figure(9), "f", dir.resolve("a"));
        List<WrittenPanel> second = cache.write(figure(9), "f", dir.resolve("b"));
        assertEquals(1, cache.drawn(), "the second write is a copy of the stored entry");
        assertEquals(first, second);
        List<WrittenPanel> fresh = new ChartWriter().write(figure(9), "f", dir.resolve("c"));
        assertEquals(fresh, second);
        assertArrayEquals(Files.readAllBytes(dir.resolve("c/f-p.png")), Files.readAllBytes(dir.resolve("b/f-p.png")));
    }

    @Test void otherDataIsDrawnAgain(@TempDir Path dir) {
        FigureCache cache = new FigureCache(dir.resolve("cache"), CODE, message -> { });
        cache.write(figure(9), "f", dir.resolve("a"));
        cache.write(figure(10), "f", dir.resolve("b"));
        assertEquals(2, cache.drawn());
    }

    @Test void otherDrawingCodeGivesAnotherKey() throws Exception {
        FigureCache changed = new FigureCache(Path.of("unused"), "chart code B", message -> { });
        assertNotEquals(CACHE.key(figure(9), "f"), changed.key(figure(9), "f"));
    }

    @Test void otherDataGivesAnotherKey() throws Exception {
        assertNotEquals(CACHE.key(figure(9), "f"), CACHE.key(figure(10), "f"));
        assertNotEquals(CACHE.key(figure(9), "f"), CACHE.key(figure(9), "g"));
    }

    @Test void anEntryWithAMissingImageIsRedrawn(@TempDir Path dir) throws Exception {
        FigureCache cache = new FigureCache(dir.resolve("cache"), CODE, message -> { });
        cache.write(figure(9), "f", dir.resolve("a"));
        Path entry = dir.resolve("cache").resolve(CACHE.key(figure(9), "f"));
        Files.delete(entry.resolve("f-p.png"));
        cache.write(figure(9), "f", dir.resolve("b"));
        assertEquals(2, cache.drawn());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/f-p.png")), Files.readAllBytes(dir.resolve("b/f-p.png")));
    }

    /** A PNG truncated in the cache (by hand, or by a build killed while writing) is never published. */
    @Test void aDamagedImageIsRedrawnNotPublished(@TempDir Path dir) throws Exception {
        List<String> said = new java.util.ArrayList<>();
        FigureCache cache = new FigureCache(dir.resolve("cache"), CODE, said::add);
        cache.write(figure(9), "f", dir.resolve("a"));
        Path png = dir.resolve("cache").resolve(CACHE.key(figure(9), "f")).resolve("f-p.png");
        byte[] whole = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(whole, 33));
        cache.write(figure(9), "f", dir.resolve("b"));
        assertArrayEquals(whole, Files.readAllBytes(dir.resolve("b/f-p.png")));
        assertArrayEquals(whole, Files.readAllBytes(png), "the entry is drawn anew");
        assertEquals(1, said.size(), said.toString());
    }

    @Test void unfinishedDrawingsOfAKilledBuildAreRemoved(@TempDir Path dir) throws Exception {
        Path leftover = Files.createDirectories(dir.resolve("cache/abc.drawing-123"));
        Files.writeString(leftover.resolve("f-p.png"), "half");
        new FigureCache(dir.resolve("cache"), CODE, m -> { }).removeUnfinished();
        assertEquals(false, Files.exists(leftover));
    }
}
