package org.optreport.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The build's duration as the footers and the build's summary line both show it: one reading of the build log's clock,
 * taken once everything but the swap into place is done. Pages are rendered before that moment, so they carry a mark
 * (random per build, so no page's text can contain it) that {@link #fill} replaces with the reading.
 */
final class BuildTime {
    private final String mark = "optreport-build-seconds-" + UUID.randomUUID();

    /** What a page's footer shows until {@link #fill} replaces it. */
    String mark() { return mark; }

    /** Seconds as the footers and the summary print them: one decimal. */
    static String format(double seconds) { return String.format(Locale.ROOT, "%.1f", seconds); }

    /** Replaces the mark in every HTML file under {@code site} by {@code seconds}; files without it are left as they are. */
    void fill(Path site, double seconds) throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".html")).toList();
        }
        String text = format(seconds);
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            if (html.contains(mark)) Files.writeString(page, html.replace(mark, text), StandardCharsets.UTF_8);
        }
    }
}
