package org.optreport.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SortedMap;
import org.optreport.data.Datasets;
import org.optreport.experiment.Json;

/**
 * Result files stored under a key derived from everything a run depends on: experiment, full parameters
 * (defaults included, seed among them), dataset file contents, code fingerprint, library versions. An entry is
 * {@code KEY.json} plus {@code KEY.sha256}; both are written atomically, the checksum last, so a crash or a
 * truncated file is detected on load and the run is recomputed, never rendered.
 */
public final class RunCache {
    private final Path directory;

    public RunCache(Path directory) { this.directory = directory; }

    public Path directory() { return directory; }

    /** The cache key of a run with these (complete) parameters. */
    public static String key(String experiment, SortedMap<String, String> parameters) {
        ObjectNode identity = Json.object();
        identity.put("experiment", experiment);
        identity.set("parameters", Json.parameters(parameters));
        String dataset = parameters.get("dataset");
        if (dataset != null) identity.put("datasetSha256", Datasets.contentHash(dataset));
        identity.put("code", CodeFingerprint.current());
        return sha256(Json.write(identity));
    }

    /** The stored result, if present and intact. */
    public Optional<JsonNode> load(String experiment, String key) {
        Path json = file(experiment, key, ".json"), sum = file(experiment, key, ".sha256");
        try {
            if (!Files.isRegularFile(json) || !Files.isRegularFile(sum)) return Optional.empty();
            String text = Files.readString(json, StandardCharsets.UTF_8);
            if (!sha256(text).equals(Files.readString(sum, StandardCharsets.US_ASCII).trim())) return Optional.empty();
            return Optional.of(Json.read(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void store(String experiment, String key, JsonNode result) throws IOException {
        String text = Json.write(result);
        writeAtomically(file(experiment, key, ".json"), text);
        writeAtomically(file(experiment, key, ".sha256"), sha256(text) + "\n");
    }

    public Path file(String experiment, String key, String suffix) {
        return directory.resolve(experiment).resolve(key + suffix);
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
