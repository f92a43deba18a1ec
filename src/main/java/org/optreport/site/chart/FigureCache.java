package org.optreport.site.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.optreport.files.FolderSwap;
import org.optreport.files.Sha256;
import org.optreport.report.output.Figure;

/**
 * Drawn figures stored under a key made of everything the drawing depends on: the figure's data, its file name
 * and the chart code. Editing prose then copies the images instead of redrawing them.
 *
 * <p>An entry is drawn in a temporary folder and renamed into place whole, so no reader ever sees it half-written;
 * its manifest records each file's size and SHA-256, and the bytes published are the bytes verified against it.
 * An entry that fails the check (truncated, edited, an older format) is reported, removed and redrawn.
 */
public final class FigureCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Where the drawing code starts: the figure model and the writer that draws it. The build fingerprints their
     * closure (build.CodeFingerprint) and hands it in, so a change to the chart code redraws every figure.
     */
    public static final List<Class<?>> DRAWING_CODE = List.of(Figure.class, ChartWriter.class);
    private static final String MANIFEST = "manifest.json", DRAWING = ".drawing-";

    /** The manifest: the panels as drawn and, per file name, its size and SHA-256. */
    record Manifest(List<WrittenPanel> panels, Map<String, FileCheck> files) {}

    record FileCheck(long size, String sha256) {}

    /** An entry's panels with its verified file contents. */
    private record Entry(List<WrittenPanel> panels, Map<String, byte[]> files) {}

    private final Path directory;
    private final Consumer<String> log;
    private final ChartWriter writer = new ChartWriter();
    private final java.util.concurrent.atomic.AtomicInteger drawn = new java.util.concurrent.atomic.AtomicInteger();

    private final String drawingCode;

    /** {@code drawingCode}: a fingerprint of the code reached from {@link #DRAWING_CODE}, part of every entry's key. */
    public FigureCache(Path directory, String drawingCode, Consumer<String> log) {
        this.directory = directory;
        this.drawingCode = drawingCode;
        this.log = log;
    }

    /** How many figures this cache drew (the rest of its writes were copies of stored entries). */
    public int drawn() { return drawn.get(); }

    /** The panels of {@code figure}, written into {@code target} from the cache, drawn (and cached) when missing. */
    public List<WrittenPanel> write(Figure figure, String figureName, Path target) {
        try {
            String key = key(figure, figureName);
            Entry entry = load(directory.resolve(key));
            if (entry == null) entry = draw(figure, figureName, key);
            Files.createDirectories(target);
            for (Map.Entry<String, byte[]> f : entry.files().entrySet()) Files.write(target.resolve(f.getKey()), f.getValue());
            return entry.panels();
        } catch (IOException e) {
            throw new UncheckedIOException("figure cache " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The entry's files if they all match the manifest; null if absent; a damaged entry is removed. */
    private Entry load(Path entry) throws IOException {
        Path manifestFile = entry.resolve(MANIFEST);
        if (!Files.isDirectory(entry)) return null;
        String problem;
        try {
            Manifest manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
            Map<String, byte[]> files = new LinkedHashMap<>();
            problem = manifest.panels() == null || manifest.files() == null ? "an incomplete manifest" : null;
            if (problem == null) for (Map.Entry<String, FileCheck> f : manifest.files().entrySet()) {
                Path file = entry.resolve(f.getKey());
                byte[] bytes = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
                if (bytes == null || bytes.length != f.getValue().size() || !Sha256.hex(bytes).equals(f.getValue().sha256())) {
                    problem = f.getKey() + " does not match its recorded size and checksum";
                    break;
                }
                files.put(f.getKey(), bytes);
            }
            if (problem == null) return new Entry(manifest.panels(), files);
        } catch (IOException e) {
            problem = "an unreadable manifest (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
        log.accept("cached figure " + entry.getFileName() + " is damaged (" + problem + "): redrawing it");
        FolderSwap.deleteTree(entry);
        return null;
    }

    private Entry draw(Figure figure, String figureName, String key) throws IOException {
        Files.createDirectories(directory);
        drawn.incrementAndGet();
        Path drawing = Files.createTempDirectory(directory, key + DRAWING);
        try {
            List<WrittenPanel> panels = writer.write(figure, figureName, drawing);
            Map<String, byte[]> files = new LinkedHashMap<>();
            Map<String, FileCheck> checks = new LinkedHashMap<>();
            for (WrittenPanel p : panels) {
                for (String name : java.util.stream.Stream.of(p.svgFileName(), p.pngFileName(), p.csvFileName()).filter(n -> n != null).toList()) {
                    byte[] bytes = Files.readAllBytes(drawing.resolve(name));
                    files.put(name, bytes);
                    checks.put(name, new FileCheck(bytes.length, Sha256.hex(bytes)));
                }
            }
            Files.writeString(drawing.resolve(MANIFEST), JSON.writeValueAsString(new Manifest(panels, checks)), StandardCharsets.UTF_8);
            try {
                Files.move(drawing, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // drawn meanwhile by another build: that entry holds the same bytes, ours is dropped
            }
            return new Entry(panels, files);
        } finally {
            FolderSwap.deleteTree(drawing);
        }
    }

    /** Removes drawings a killed build left unfinished (the caller holds the cache's lock). */
    public void removeUnfinished() throws IOException {
        if (!Files.isDirectory(directory)) return;
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().contains(DRAWING)).toList()) FolderSwap.deleteTree(p);
        }
    }

    String key(Figure figure, String figureName) throws IOException {
        MessageDigest sha = Sha256.digest();
        sha.update(figureName.getBytes(StandardCharsets.UTF_8));
        sha.update(drawingCode.getBytes(StandardCharsets.UTF_8));
        sha.update(JSON.writeValueAsBytes(figure));
        return Sha256.finish(sha);
    }
}
