package org.optreport.site.chart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.optreport.build.CodeFingerprint;
import org.optreport.report.Figure;

/**
 * Drawn figures stored under a key made of everything the drawing depends on: the figure's data, its file name
 * and the chart code. Editing prose then copies the images instead of redrawing them. An entry is a folder with the
 * panels' files and a manifest written last, so a half-written entry is never used.
 */
public final class FigureCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = "panels.json";

    private final Path directory;
    private final ChartWriter writer = new ChartWriter();

    public FigureCache(Path directory) { this.directory = directory; }

    /** The panels of {@code figure}, written into {@code target} from the cache, drawn (and cached) when missing. */
    public List<WrittenPanel> write(Figure figure, String figureName, Path target) {
        try {
            Path entry = directory.resolve(key(figure, figureName));
            Path manifest = entry.resolve(MANIFEST);
            List<WrittenPanel> panels;
            if (Files.isRegularFile(manifest)) {
                panels = JSON.readValue(manifest.toFile(), new TypeReference<List<WrittenPanel>>() { });
                if (!allPresent(entry, panels)) panels = draw(figure, figureName, entry);
            } else {
                panels = draw(figure, figureName, entry);
            }
            Files.createDirectories(target);
            for (WrittenPanel p : panels) {
                Files.copy(entry.resolve(p.pngFileName()), target.resolve(p.pngFileName()), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(entry.resolve(p.csvFileName()), target.resolve(p.csvFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return panels;
        } catch (IOException e) {
            throw new UncheckedIOException("figure cache " + directory + ": " + e.getMessage(), e);
        }
    }

    private List<WrittenPanel> draw(Figure figure, String figureName, Path entry) throws IOException {
        Files.createDirectories(entry);
        List<WrittenPanel> panels = writer.write(figure, figureName, entry);
        Path tmp = Files.createTempFile(entry, MANIFEST, ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(panels), StandardCharsets.UTF_8);
        Files.move(tmp, entry.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return panels;
    }

    private static boolean allPresent(Path entry, List<WrittenPanel> panels) {
        return panels.stream().allMatch(p -> Files.isRegularFile(entry.resolve(p.pngFileName())) && Files.isRegularFile(entry.resolve(p.csvFileName())));
    }

    static String key(Figure figure, String figureName) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(figureName.getBytes(StandardCharsets.UTF_8));
            sha.update(CodeFingerprint.charts().getBytes(StandardCharsets.UTF_8));
            sha.update(JSON.writeValueAsBytes(figure));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
