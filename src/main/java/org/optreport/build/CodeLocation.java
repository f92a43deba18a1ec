package org.optreport.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class files of one code location, a classes folder or a jar: for each class, the digest of its bytes and the
 * types it refers to, read once. Thread-safe.
 */
final class CodeLocation {
    /** What one class file contributes to a fingerprint. */
    record ClassFacts(String sha256, Set<String> references) {}

    private final Path path;
    private final Map<String, Optional<ClassFacts>> facts = new ConcurrentHashMap<>();
    private Path root;

    CodeLocation(Path path) {
        if (!Files.isDirectory(path) && !Files.isRegularFile(path))
            throw new IllegalArgumentException("no classes folder or jar at " + path);
        this.path = path;
    }

    /** The classes folder or jar {@code type} was loaded from. */
    static Path of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) throw new IllegalStateException(type.getName() + " was not loaded from a classes folder or jar");
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the location of " + type.getName() + " is not a file: " + source.getLocation(), e);
        }
    }

    Path path() { return path; }

    /** The class named {@code internalName} ({@code org/optreport/model/SquaredLoss}), or empty if this location lacks it. */
    Optional<ClassFacts> facts(String internalName) { return facts.computeIfAbsent(internalName, this::read); }

    private Optional<ClassFacts> read(String internalName) {
        try {
            Path file = root().resolve(internalName + ".class");
            if (!Files.isRegularFile(file)) return Optional.empty();
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new ClassFacts(sha256(bytes), ClassReferences.of(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class " + internalName + " in " + path + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder itself, or the jar's entries as a file system, opened once and kept open while this object lives. */
    private synchronized Path root() throws IOException {
        if (root == null) root = Files.isDirectory(path) ? path : FileSystems.newFileSystem(path).getPath("/");
        return root;
    }
}
