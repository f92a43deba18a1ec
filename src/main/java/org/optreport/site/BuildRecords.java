package org.optreport.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.optreport.experiment.Json;
import org.optreport.files.AtomicFiles;

/**
 * The build's own figures, kept between builds in {@code <cache>/}{@value #FILE}: the last build of each kind that the
 * build budget judges. A whole build that computed every one of its runs (from an empty cache), as the default build or
 * as a preview ({@code --quick}); and a rebuild that computed and drew nothing (after a prose edit). A build cannot time
 * itself on its own pages, which are written before it ends, so the pages quote these records of earlier builds; the
 * records are only figures, so a missing or damaged file means "none recorded" and a cache that cannot be written loses
 * only the record.
 */
final class BuildRecords {
    static final String FILE = "builds.json";

    enum Kind {
        DEFAULT, QUICK, PROSE,
        /** A prose rebuild under {@code serve --watch}: in the JVM that made the earlier builds, timed by its own clock. */
        WATCH;

        String key() { return name().toLowerCase(Locale.ROOT); }
    }

    /** One build: when it ended, its commit, its seconds, its peak resident memory if known, its runs and the cores it had. */
    record Entry(String when, String commit, double seconds, OptionalLong peakResidentBytes, int runs, int cores) {
        double peakMegabytes() { return peakResidentBytes.orElse(-1) / (1024.0 * 1024.0); }
    }

    private BuildRecords() {}

    /**
     * The kind of a build, if it is one the budget judges; only whole builds (not {@code --only}, which renders one page
     * and runs only its runs) are. Nothing computed or drawn is a prose rebuild; all of its runs computed and none reused
     * is a build from an empty cache.
     */
    static Optional<Kind> kindOf(int runs, int computed, int reused, int drawn, boolean quick, boolean whole) {
        if (!whole) return Optional.empty();
        if (computed == 0 && drawn == 0) return Optional.of(Kind.PROSE);
        if (runs > 0 && reused == 0 && computed == runs) return Optional.of(quick ? Kind.QUICK : Kind.DEFAULT);
        return Optional.empty();
    }

    /** The kind of a build from an empty cache this build is, judged before its pages are drawn (drawing is unknown yet). */
    static Optional<Kind> fromEmptyCache(int runs, int computed, int reused, boolean quick, boolean whole) {
        return kindOf(runs, computed, reused, 1, quick, whole).filter(k -> k != Kind.PROSE);
    }

    /** The records of {@code cache}, by kind; none for a missing or unreadable file, or an entry that lacks a field. */
    static Map<Kind, Entry> read(Path cache) {
        Map<Kind, Entry> records = new EnumMap<>(Kind.class);
        Path file = cache.resolve(FILE);
        if (!Files.isRegularFile(file)) return records;
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            for (Kind kind : Kind.values()) {
                JsonNode e = root.path(kind.key());
                if (!e.path("seconds").isNumber() || !e.path("when").isTextual()) continue;
                OptionalLong peak = e.path("peakResidentBytes").isNumber() ? OptionalLong.of(e.get("peakResidentBytes").asLong()) : OptionalLong.empty();
                records.put(kind, new Entry(e.get("when").asText(), e.path("commit").asText(""), e.get("seconds").asDouble(), peak,
                        e.path("runs").asInt(), e.path("cores").asInt()));
            }
        } catch (IOException | RuntimeException damaged) {
            // figures only: a damaged record is no record
        }
        return records;
    }

    /** Keeps {@code entry} as the last build of its kind, the others as they were. */
    static void write(Path cache, Kind kind, Entry entry) {
        Map<Kind, Entry> records = read(cache);
        records.put(kind, entry);
        ObjectNode root = Json.object();
        for (Map.Entry<Kind, Entry> r : records.entrySet()) {
            ObjectNode e = root.putObject(r.getKey().key());
            Entry v = r.getValue();
            e.put("when", v.when());
            e.put("commit", v.commit());
            e.put("seconds", v.seconds());
            if (v.peakResidentBytes().isPresent()) e.put("peakResidentBytes", v.peakResidentBytes().getAsLong());
            e.put("runs", v.runs());
            e.put("cores", v.cores());
        }
        try {
            AtomicFiles.write(cache.resolve(FILE), Json.write(root));
        } catch (IOException e) {
            // only a record for the budget; the build itself succeeded
        }
    }
}
