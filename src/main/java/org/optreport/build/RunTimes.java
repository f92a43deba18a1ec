package org.optreport.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import org.optreport.experiment.Json;
import org.optreport.files.AtomicFiles;

/**
 * How long runs took to compute, recorded beside their cache entries as {@code KEY.time} (the experiment, its
 * parameters and the seconds), so that a later sweep can balance its shards by measured times rather than by the cost
 * model. The record is a hint outside the entry's checksum: the result files stay as they were (entries written
 * before times were recorded simply have none), and a missing or unreadable record means "use the model".
 *
 * <p>A run's time is looked up by experiment and parameters among entries of <em>other</em> keys (earlier code
 * versions): a run's own entry appears once a shard computed it, and letting that change the costs would let shards
 * that share a cache folder disagree about who owns what.
 */
public final class RunTimes {
    static final String SUFFIX = ".time";

    /** One recorded time: the entry it belongs to, and the seconds its run took. */
    private record Recorded(String key, double seconds) {}

    private final Map<String, List<Recorded>> byRun;

    private RunTimes(Map<String, List<Recorded>> byRun) { this.byRun = byRun; }

    public static RunTimes none() { return new RunTimes(Map.of()); }

    /** Every time recorded in {@code cache} (an absent folder has none; unreadable records are skipped). */
    public static RunTimes read(Path cache) {
        Map<String, List<Recorded>> byRun = new HashMap<>();
        if (!Files.isDirectory(cache)) return new RunTimes(byRun);
        try (DirectoryStream<Path> experiments = Files.newDirectoryStream(cache, Files::isDirectory)) {
            for (Path folder : experiments) {
                try (DirectoryStream<Path> records = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
                    for (Path record : records) readOne(record).ifPresent(r -> byRun.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue()));
                }
            }
        } catch (IOException e) {
            return new RunTimes(byRun); // what was read so far; the cost model covers the rest
        }
        return new RunTimes(byRun);
    }

    private static Optional<Map.Entry<String, Recorded>> readOne(Path record) {
        try {
            JsonNode node = Json.read(Files.readString(record, StandardCharsets.UTF_8));
            String name = record.getFileName().toString();
            String key = name.substring(0, name.length() - SUFFIX.length());
            double seconds = node.path("seconds").asDouble(Double.NaN);
            if (!node.path("experiment").isTextual() || !node.path("parameters").isObject() || !(seconds >= 0)) return Optional.empty();
            return Optional.of(Map.entry(identity(node.get("experiment").asText(), node.get("parameters")), new Recorded(key, seconds)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The seconds recorded in one entry's {@code KEY.time}, if it holds a readable record. */
    static OptionalDouble recorded(Path record) {
        if (!Files.isRegularFile(record)) return OptionalDouble.empty();
        return readOne(record).map(r -> OptionalDouble.of(r.getValue().seconds())).orElse(OptionalDouble.empty());
    }

    private static String identity(String experiment, JsonNode parameters) { return experiment + " " + Json.write(parameters); }

    /** The longest time recorded for this run under another key than {@code key}, if any. */
    public Optional<Double> seconds(String experiment, SortedMap<String, String> parameters, String key) {
        return byRun.getOrDefault(identity(experiment, Json.parameters(parameters)), List.of()).stream()
                .filter(r -> !r.key().equals(key)).map(Recorded::seconds).max(Double::compare);
    }

    /** Records that the run stored under {@code key} took {@code seconds}. */
    static void write(Path file, String experiment, SortedMap<String, String> parameters, double seconds) throws IOException {
        ObjectNode record = Json.object();
        record.put("experiment", experiment);
        record.set("parameters", Json.parameters(parameters));
        record.put("seconds", seconds);
        AtomicFiles.write(file, Json.write(record));
    }
}
