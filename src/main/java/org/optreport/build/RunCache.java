package org.optreport.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.optreport.data.Datasets;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.Json;
import org.optreport.files.AtomicFiles;
import org.optreport.files.Sha256;

/**
 * Result files stored under a key derived from everything a run depends on: experiment, full parameters
 * (defaults included, seed among them), dataset file contents, and the fingerprint of the code the experiment
 * reaches with the versions of the libraries and JVM it runs on ({@link CodeFingerprint}). An entry is
 * {@code KEY.json} plus {@code KEY.sha256}; both are written atomically, the checksum last, so a crash or a
 * truncated file is detected on load and the run is recomputed, never rendered. A build holds the cache's lock.
 */
public final class RunCache {
    /**
     * Reads stored results, which are mostly numbers: most of a rebuild's time went into parsing them with the JDK's
     * parser; Jackson's FastDoubleParser gives the same doubles, correctly rounded, several times faster.
     */
    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());
    private final Path directory;
    private final CodeFingerprint code;
    /**
     * Dataset rows already read, by digest: dozens of a build's results share one dataset. The results that get them
     * share the nodes, which nothing modifies (results are read into records, or stored again through a copy).
     */
    private final Map<String, JsonNode> rowsByDigest = new ConcurrentHashMap<>();

    /** A cache keyed by the running code. */
    public RunCache(Path directory) { this(directory, CodeFingerprint.running()); }

    public RunCache(Path directory, CodeFingerprint code) {
        this.directory = directory;
        this.code = code;
    }

    public Path directory() { return directory; }

    /** The cache key of a run of {@code experiment} with these (complete) parameters. */
    public String key(Experiment experiment, SortedMap<String, String> parameters) {
        return key(experiment.name(), parameters, code.of(experiment.codeRoots()));
    }

    static String key(String experiment, SortedMap<String, String> parameters, String codeFingerprint) {
        ObjectNode identity = Json.object();
        identity.put("experiment", experiment);
        identity.set("parameters", Json.parameters(parameters));
        String dataset = parameters.get("dataset");
        if (dataset != null) identity.put("datasetSha256", Datasets.contentHash(dataset));
        identity.put("code", codeFingerprint);
        return Sha256.hex(Json.write(identity));
    }

    /** The entry's stamp (checksum, size, modification time), if both its files are there: it changes with its content. */
    Optional<KeptResults.Stamp> stamp(String experiment, String key) {
        Path json = file(experiment, key, ".json"), sum = file(experiment, key, ".sha256");
        try {
            var attributes = Files.readAttributes(json, java.nio.file.attribute.BasicFileAttributes.class);
            return Optional.of(new KeptResults.Stamp(Files.readString(sum, StandardCharsets.US_ASCII).trim(), attributes.size(),
                    attributes.lastModifiedTime()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // absent or unreadable: the ordinary load decides
        }
    }

    /**
     * The stored result, if present, intact and what was asked for: its checksum matches, and it names this key,
     * these parameters and this experiment's schema (a file copied under another key, or edited, fails that).
     * A damaged or mismatched entry is moved to {@code _invalid/} for inspection, reported, and treated as absent.
     */
    public Optional<JsonNode> load(String experiment, String key, SortedMap<String, String> parameters, Consumer<String> log) {
        Path json = file(experiment, key, ".json"), sum = file(experiment, key, ".sha256");
        if (!Files.isRegularFile(json) && !Files.isRegularFile(sum)) return Optional.empty();
        String problem;
        JsonNode result = null;
        try {
            // The bytes are hashed and parsed as they are: no decoded copy of a file that may hold megabytes of numbers.
            byte[] bytes = Files.readAllBytes(json);
            if (!Files.isRegularFile(sum) || !Sha256.hex(bytes).equals(Files.readString(sum, StandardCharsets.US_ASCII).trim())) {
                problem = "its checksum does not match (truncated or edited)";
            } else {
                result = READER.readTree(bytes);
                problem = mismatch(result, experiment, key, parameters);
                if (problem == null) problem = restoreRows(result);
            }
        } catch (IOException | RuntimeException e) {
            problem = "it cannot be read (" + e.getMessage() + ")";
        }
        if (problem == null) return Optional.of(result);
        log.accept("cache entry " + experiment + "/" + key + " is invalid: " + problem + "; moved to " + invalidFolder() + ", recomputing");
        moveAside(json);
        moveAside(sum);
        return Optional.empty();
    }

    /** Why {@code result} is not the result of this run, or null when it is. */
    private static String mismatch(JsonNode result, String experiment, String key, SortedMap<String, String> parameters) {
        if (result == null || !result.isObject()) return "it is not a JSON object";
        if (!key.equals(result.path("cacheKey").asText(null))) return "it was stored under another key (cacheKey " + result.path("cacheKey") + ")";
        if (!Json.parameters(parameters).equals(result.get("parameters"))) return "its parameters differ from the run's";
        if (!result.path("schema").asText("").startsWith(experiment + "/")) return "its schema is not " + experiment + "/...";
        return null;
    }

    private Path invalidFolder() { return directory.resolve("_invalid"); }

    private void moveAside(Path file) {
        try {
            if (!Files.isRegularFile(file)) return;
            Files.createDirectories(invalidFolder());
            Files.move(file, invalidFolder().resolve(file.getParent().getFileName() + "-" + System.nanoTime() + "-" + file.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the checks above reject the entry again next time
            }
        }
    }

    public void store(String experiment, String key, JsonNode result) throws IOException {
        String text = Json.write(withoutRows(result));
        AtomicFiles.write(file(experiment, key, ".json"), text);
        AtomicFiles.write(file(experiment, key, ".sha256"), Sha256.hex(text) + "\n");
    }

    /**
     * Records beside the entry how long its run took ({@link RunTimes}), for balancing later sweeps. Only a hint: when
     * it cannot be written the entry is still complete, and shards fall back on the cost model.
     */
    public void recordTime(String experiment, String key, SortedMap<String, String> parameters, double seconds) {
        try {
            RunTimes.write(file(experiment, key, RunTimes.SUFFIX), experiment, parameters, seconds);
        } catch (IOException e) {
            // the result itself is stored; a later plan estimates this run instead
        }
    }

    /** How long the run stored under {@code key} took when it was computed, if that was recorded. */
    public OptionalDouble recordedTime(String experiment, String key) {
        return RunTimes.recorded(file(experiment, key, RunTimes.SUFFIX));
    }

    /**
     * The stored copy of a result, its dataset's rows replaced by their digest: the rows are kept once per dataset
     * under {@code _datasets/DIGEST.json} (dozens of runs share one dataset, which may be large), not once per run.
     */
    private JsonNode withoutRows(JsonNode result) throws IOException {
        JsonNode dataset = result.path("dataset");
        if (!dataset.has("x") || !dataset.has("y")) return result;
        ObjectNode rows = Json.object();
        rows.set("x", dataset.get("x"));
        rows.set("y", dataset.get("y"));
        String text = Json.write(rows), digest = Sha256.hex(text);
        Path file = rowsFile(digest);
        if (!Files.isRegularFile(file) || Files.size(file) != text.getBytes(StandardCharsets.UTF_8).length) AtomicFiles.write(file, text);
        ObjectNode copy = result.deepCopy();
        ObjectNode stored = (ObjectNode) copy.get("dataset");
        stored.remove(List.of("x", "y"));
        stored.put("rowsSha256", digest);
        return copy;
    }

    /** Puts the dataset's rows back into a loaded result; why not, if they are missing or damaged. */
    private String restoreRows(JsonNode result) throws IOException {
        JsonNode dataset = result.path("dataset");
        if (!dataset.has("rowsSha256")) return null;
        String digest = dataset.get("rowsSha256").asText();
        Path file = rowsFile(digest);
        if (!Files.isRegularFile(file)) return "its dataset rows " + file.getFileName() + " are missing";
        JsonNode rows = rowsByDigest.get(digest);
        if (rows == null) {
            byte[] bytes = Files.readAllBytes(file);
            if (!Sha256.hex(bytes).equals(digest)) {
                Files.delete(file); // the next store writes them anew
                return "its dataset rows " + file.getFileName() + " are damaged";
            }
            rows = READER.readTree(bytes);
            rowsByDigest.put(digest, rows);
        }
        ObjectNode restored = (ObjectNode) dataset;
        restored.remove("rowsSha256");
        restored.set("x", rows.get("x"));
        restored.set("y", rows.get("y"));
        return null;
    }

    private Path rowsFile(String digest) { return directory.resolve("_datasets").resolve(digest + ".json"); }

    public Path file(String experiment, String key, String suffix) {
        return directory.resolve(experiment).resolve(key + suffix);
    }
}
