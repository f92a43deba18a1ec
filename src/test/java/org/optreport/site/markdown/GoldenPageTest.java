package org.optreport.site.markdown;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A whole page against HTML written by hand from the dialect's rules. */
class GoldenPageTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = GoldenPageTest.class.getResourceAsStream("/markdown/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String renderGolden() throws IOException {
        MarkdownPages pages = Pages.PAGES;
        return pages.render(pages.parse(Path.of("golden-page.md"), resource("golden-page.md")), new Pages.RecordingContext());
    }

    @Test
    void pageRendersAsWrittenByHand() throws IOException {
        assertEquals(resource("golden-page.html").strip(), renderGolden().strip());
    }

    @Test
    void concurrentRendersOfOnePageAgreeWithTheSequentialOne() throws Exception {
        ParsedPage page = Pages.PAGES.parse(Path.of("golden-page.md"), resource("golden-page.md"));
        String expected = resource("golden-page.html").strip();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> renders = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                renders.add(pool.submit(() -> Pages.PAGES.render(page, new Pages.RecordingContext()).strip()));
            }
            for (Future<String> render : renders) {
                assertEquals(expected, render.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
