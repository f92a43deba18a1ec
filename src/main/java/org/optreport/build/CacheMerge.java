package org.optreport.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.files.AtomicFiles;
import org.optreport.files.Sha256;

/**
 * Merges the run caches of a sweep's shards into one ({@code cache merge}). Every entry is checked before anything is
 * written: its checksum, that it names its own key, its experiment's schema and its parameters, and that this code
 * would store that run under that key (so it was made by the same code, on the same dataset bytes). An entry that
 * fails is reported and skipped, never copied: a damaged one, or one made by other code, which no build of this code
 * would read anyway. The same entry in several folders is fine when the copies are identical; two different results
 * under one key (a run that is not deterministic, or shards that ran different code under one fingerprint) stop the
 * merge, naming the key, before anything is written. Entries already in the target count as one more folder.
 */
public final class CacheMerge {
    /** What a merge did: entries copied, identical copies of an entry already taken (or in the target), and the entries it skipped with why. */
    public record Report(int copied, int identicalCopies, List<String> skipped) {}

    /** An entry that passed every check, from the folder it was found in. */
    private record Entry(String experiment, String key, Path folder, String text, String rowsDigest) {
        String id() { return experiment + "/" + key; }
    }

    private final ExperimentRegistry registry;
    private final CodeFingerprint code;

    public CacheMerge(ExperimentRegistry registry, CodeFingerprint code) {
        this.registry = registry;
        this.code = code;
    }

    public Report merge(List<Path> sources, Path target, Consumer<String> log) throws IOException {
        for (Path source : sources) if (!Files.isDirectory(source)) throw new CacheMergeException("cache merge: no such cache folder: " + source);
        RunCache keys = new RunCache(target, code);
        List<String> skipped = new ArrayList<>();
        Map<String, Entry> present = new LinkedHashMap<>();
        if (Files.isDirectory(target)) for (Entry e : entries(target, keys, m -> { })) present.put(e.id(), e); // its other files are left as they are
        Map<String, Entry> chosen = new LinkedHashMap<>();
        int identical = 0;
        for (Path source : sources) {
            for (Entry e : entries(source, keys, skipped::add)) {
                Entry first = chosen.containsKey(e.id()) ? chosen.get(e.id()) : present.get(e.id());
                if (first != null && !first.text().equals(e.text()))
                    throw new CacheMergeException("cache merge: two different results for the run " + e.id() + " (in " + first.folder() + " and "
                            + e.folder() + "): a run that is not deterministic, or shards that ran different code; nothing was merged");
                if (first == null) chosen.put(e.id(), e);
                else identical++;
            }
        }
        int copied = 0;
        for (Entry e : chosen.values()) {
            if (e.rowsDigest() != null && !copyRows(e, target)) {
                skipped.add(e.folder().resolve(e.experiment()).resolve(e.key() + ".json") + ": its dataset rows _datasets/" + e.rowsDigest()
                        + ".json are missing or damaged");
                continue;
            }
            Path from = e.folder().resolve(e.experiment()), to = target.resolve(e.experiment());
            Path time = from.resolve(e.key() + RunTimes.SUFFIX);
            if (Files.isRegularFile(time)) AtomicFiles.write(to.resolve(e.key() + RunTimes.SUFFIX), Files.readAllBytes(time));
            AtomicFiles.write(to.resolve(e.key() + ".json"), e.text());
            AtomicFiles.write(to.resolve(e.key() + ".sha256"), Sha256.hex(e.text()) + "\n"); // last, as RunCache.store writes it
            copied++;
        }
        for (String s : skipped) log.accept("skipped " + s);
        return new Report(copied, identical, List.copyOf(skipped));
    }

    /** The entries of one cache folder that pass every check; why each other one failed goes to {@code skipped}. */
    private List<Entry> entries(Path folder, RunCache keys, Consumer<String> skipped) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> experiments = Files.newDirectoryStream(folder, p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("_"))) {
            for (Path experimentFolder : sorted(experiments)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(experimentFolder, "*.json")) {
                    for (Path json : sorted(files)) {
                        String problem;
                        Entry entry = null;
                        try {
                            entry = check(folder, experimentFolder.getFileName().toString(), json, keys);
                            problem = null;
                        } catch (Rejected r) {
                            problem = r.getMessage();
                        }
                        if (problem != null) skipped.accept(json + ": " + problem);
                        else entries.add(entry);
                    }
                }
            }
        }
        return entries;
    }

    private static List<Path> sorted(DirectoryStream<Path> paths) {
        List<Path> list = new ArrayList<>();
        paths.forEach(list::add);
        list.sort(null);
        return list;
    }

    /** Why an entry is not merged. */
    private static final class Rejected extends Exception {
        Rejected(String why) { super(why, null, false, false); }
    }

    private Entry check(Path folder, String experiment, Path json, RunCache keys) throws Rejected {
        String name = json.getFileName().toString(), key = name.substring(0, name.length() - ".json".length());
        if (!registry.names().contains(experiment)) throw new Rejected("no experiment named '" + experiment + "' in this optreport");
        String text;
        try {
            text = Files.readString(json, StandardCharsets.UTF_8);
            Path sum = json.resolveSibling(key + ".sha256");
            if (!Files.isRegularFile(sum) || !Sha256.hex(text).equals(Files.readString(sum, StandardCharsets.US_ASCII).trim()))
                throw new Rejected("its checksum does not match (truncated or edited)");
        } catch (IOException e) {
            throw new Rejected("it cannot be read (" + e.getMessage() + ")");
        }
        JsonNode result;
        try {
            result = Json.read(text);
        } catch (IOException e) {
            throw new Rejected("it is not JSON");
        }
        if (!key.equals(result.path("cacheKey").asText(null))) throw new Rejected("it names another key (" + result.path("cacheKey") + ")");
        if (!result.path("schema").asText("").startsWith(experiment + "/")) throw new Rejected("its schema is not " + experiment + "/...");
        if (!result.path("parameters").isObject()) throw new Rejected("it records no parameters");
        SortedMap<String, String> parameters = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.get("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            parameters.put(p.getKey(), p.getValue().asText());
        }
        String expected;
        try {
            expected = keys.key(registry.get(experiment), parameters);
        } catch (RuntimeException e) { // its dataset file is not here
            throw new Rejected("its run cannot be keyed here (" + e.getMessage() + ")");
        }
        if (!expected.equals(key))
            throw new Rejected("made by other code than this optreport's (or on another dataset file): this code stores that run under " + expected);
        String rows = result.path("dataset").path("rowsSha256").asText(null);
        return new Entry(experiment, key, folder, text, rows);
    }

    /** Copies the dataset rows an entry refers to, checking their digest; false if its folder lacks them or they are damaged. */
    private static boolean copyRows(Entry e, Path target) throws IOException {
        Path to = target.resolve("_datasets").resolve(e.rowsDigest() + ".json");
        if (Files.isRegularFile(to) && Sha256.hex(Files.readString(to, StandardCharsets.UTF_8)).equals(e.rowsDigest())) return true;
        Path from = e.folder().resolve("_datasets").resolve(e.rowsDigest() + ".json");
        if (!Files.isRegularFile(from)) return false;
        String text = Files.readString(from, StandardCharsets.UTF_8);
        if (!Sha256.hex(text).equals(e.rowsDigest())) return false;
        AtomicFiles.write(to, text);
        return true;
    }
}
