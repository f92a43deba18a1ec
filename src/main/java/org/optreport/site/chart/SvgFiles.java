package org.optreport.site.chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SVG files from what was drawn on a {@link VectorGraphics2D}: text stays text (selectable, sharp at any zoom), and
 * equal drawings give equal bytes (the library names clip paths after object hashes; they are renumbered in order).
 */
final class SvgFiles {
    private static final Pattern CLIP_ID = Pattern.compile("clip-?\\d+");
    /** A text style without a size: the library leaves out the size of its default font (12), a browser would take 16px. */
    private static final Pattern SIZELESS_TEXT = Pattern.compile("<text style=\"(?![^\"]*font-size)");

    private SvgFiles() {}

    static void write(VectorGraphics2D drawn, int width, int height, Path file) throws IOException {
        Document document = new SVGProcessor().getDocument(drawn.getCommands(), new PageSize(0, 0, width, height));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.writeTo(bytes);
        Files.writeString(file, stable(bytes.toString(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * Clip ids renumbered in order of appearance, every text with its size, and a generic family after the chart font, for a reader without it
     * (an SVG shown as an image cannot load the page's fonts).
     */
    static String stable(String svg) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = CLIP_ID.matcher(svg);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, ids.computeIfAbsent(m.group(), k -> "clip" + (ids.size() + 1)));
        m.appendTail(out);
        String sized = SIZELESS_TEXT.matcher(out).replaceAll("<text style=\"font-size:12px;");
        return sized.replace("font-family:&quot;" + ChartLook.family() + "&quot;;",
                "font-family:&quot;" + ChartLook.family() + "&quot;,sans-serif;");
    }
}
