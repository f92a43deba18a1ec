package org.optreport.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The build's duration as the footers and the build's summary line both show it: one reading of the build log's clock,
 * taken once everything but the swap into place is done. Pages are rendered before that moment, so they carry a mark
 * (random per build, so no page's text can contain it) that {@link #fill} replaces with the reading.
 */
final class BuildTime {
    private final String mark = "optreport-build-seconds-" + UUID.randomUUID();

    private final Map<String, Double> verdictMarks = new LinkedHashMap<>();

    /** What a page's footer shows until {@link #fill} replaces it. */
    String mark() { return mark; }

    /**
     * A mark that {@link #fill} replaces by "met" when the reading is at most {@code targetSeconds} and by "missed"
     * otherwise: the verdict on this build's own time, which its pages state before it is known.
     */
    String verdictMark(double targetSeconds) {
        String verdict = "optreport-build-verdict-" + UUID.randomUUID();
        verdictMarks.put(verdict, targetSeconds);
        return verdict;
    }

    /** Seconds as the footers and the summary print them: one decimal. */
    static String format(double seconds) { return String.format(Locale.ROOT, "%.1f", seconds); }

    /**
     * Replaces the mark in every HTML file under {@code site} by {@code seconds}, and each verdict mark by its verdict;
     * files without marks are left as they are.
     */
    void fill(Path site, double seconds) throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".html")).toList();
        }
        String text = format(seconds);
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            String filled = html.replace(mark, text);
            for (Map.Entry<String, Double> verdict : verdictMarks.entrySet())
                filled = filled.replace(verdict.getKey(), seconds <= verdict.getValue() ? "met" : "missed");
            if (!filled.equals(html)) Files.writeString(page, filled, StandardCharsets.UTF_8);
        }
    }
}
