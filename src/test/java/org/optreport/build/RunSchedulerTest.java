package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.settings.SettingType;

class RunSchedulerTest {
    /** A pure, seeded experiment that counts how often it really ran. */
    static class Counting implements Experiment {
        final AtomicInteger calls = new AtomicInteger();

        @Override public String name() { return "counting"; }

        static final Setting<Long> SEED = Setting.of("seed", SettingType.seed(), 1L, "seed");

        @Override public List<Setting<?>> parameters() { return List.of(SEED); }

        @Override public ObjectNode run(Parameters p, Progress progress) {
            calls.incrementAndGet();
            java.util.Random r = new java.util.Random(p.get(SEED));
            double[] v = new double[1000];
            for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
            ObjectNode o = Json.object().put("schema", "counting/v1");
            o.set("values", Json.array(v));
            return o;
        }
    }

    private static List<RunRequest> requests(int n) {
        List<RunRequest> out = new ArrayList<>();
        for (int s = 1; s <= n; s++) out.add(RunRequest.of("counting", Map.of("seed", Integer.toString(s))));
        return out;
    }

    private static Map<RunRequest, JsonNode> run(Path cache, Counting e, int jobs, boolean fresh) {
        return new RunScheduler(new ExperimentRegistry(List.of(e)), new RunCache(cache), jobs, fresh, BuildLog.silent()).runAll(requests(6));
    }

    @Test void parallelResultsEqualSequentialResults(@TempDir Path a, @TempDir Path b) {
        Map<RunRequest, JsonNode> sequential = run(a, new Counting(), 1, false);
        Map<RunRequest, JsonNode> parallel = run(b, new Counting(), 4, false);
        assertEquals(sequential, parallel);
        assertEquals(List.copyOf(sequential.keySet()), List.copyOf(parallel.keySet()));
    }

    @Test void secondBuildReusesEveryRunAndFreshRecomputes(@TempDir Path cache) {
        Counting e = new Counting();
        run(cache, e, 2, false);
        assertEquals(6, e.calls.get());
        run(cache, e, 2, false);
        assertEquals(6, e.calls.get());
        run(cache, e, 2, true);
        assertEquals(12, e.calls.get());
    }

    /**
     * A rebuild in the same JVM takes what the last build read from unchanged cache entries instead of reading and
     * parsing them again, reads an entry again once it changed, and counts the kept ones as reused.
     */
    @Test void aRebuildTakesTheLastBuildsResultsOfUnchangedEntriesOnly(@TempDir Path cache) throws Exception {
        Counting e = new Counting();
        run(cache, e, 2, false);
        KeptResults<Double> kept = new KeptResults<>();
        AtomicInteger reads = new AtomicInteger();
        java.util.function.BiFunction<RunRequest, JsonNode, Double> read = (request, document) -> {
            reads.incrementAndGet();
            return document.get("values").get(0).asDouble();
        };
        RunScheduler scheduler = new RunScheduler(new ExperimentRegistry(List.of(e)), new RunCache(cache), 2, false, BuildLog.silent());
        Map<RunRequest, Double> first = scheduler.runAll(requests(6), false, read, kept);
        assertEquals(6, reads.get());
        assertEquals(first, scheduler.runAll(requests(6), false, read, kept));
        assertEquals(6, reads.get(), "nothing changed: nothing read again");
        assertEquals(new RunScheduler.Counts(0, 6, 0), scheduler.lastCounts());

        // an entry replaced by another valid result (seed 1's stored under seed 2's key, checksum and all, as a
        // recomputation would) must be read again, and the ordinary load then rejects and recomputes it
        RunCache runCache = new RunCache(cache);
        RunRequest seed2 = requests(6).get(1);
        String key2 = new RunCache(cache).key(e, Parameters.of("counting", e.parameters(), seed2.parameters()).asMap());
        Path json = runCache.file("counting", key2, ".json");
        Files.writeString(json, Files.readString(json).replace("\"values\"", "\"values\" "));
        scheduler.runAll(requests(6), false, read, kept);
        assertEquals(7, reads.get(), "the changed entry alone is read again");
        assertEquals(7, e.calls.get(), "its checksum no longer matches: recomputed");
    }

    /** What the read function makes of each result is what the build keeps: the same as reading the full documents. */
    @Test void eachResultIsKeptAsWhatTheReadFunctionMakesOfIt(@TempDir Path cache) {
        Map<RunRequest, JsonNode> documents = run(cache, new Counting(), 2, false);
        RunScheduler scheduler = new RunScheduler(new ExperimentRegistry(List.of(new Counting())), new RunCache(cache), 2, false, BuildLog.silent());
        Map<RunRequest, Double> firstValues = scheduler.runAll(requests(6), false, (request, document) -> document.get("values").get(0).asDouble());
        assertEquals(List.copyOf(documents.keySet()), List.copyOf(firstValues.keySet()));
        for (RunRequest r : documents.keySet()) assertEquals(documents.get(r).get("values").get(0).asDouble(), firstValues.get(r));
    }

    /** The summary's times against the scheduler's counts and the .time records read back from the cache folder. */
    @Test void theTimeSummaryCountsComputedRunsThenTheirRecordedTimesWhenReused(@TempDir Path cache) throws Exception {
        Counting e = new Counting();
        RunScheduler first = new RunScheduler(new ExperimentRegistry(List.of(e)), new RunCache(cache), 2, false, BuildLog.silent());
        first.runAll(requests(6));
        assertEquals("6", first.lastTimes().lines().get(1).trim().split("\\s+")[1], "computed");
        double recorded = 0;
        try (var records = Files.newDirectoryStream(cache.resolve("counting"), "*.time")) {
            for (Path r : records) recorded += Json.read(Files.readString(r)).get("seconds").asDouble();
        }
        RunScheduler second = new RunScheduler(new ExperimentRegistry(List.of(e)), new RunCache(cache), 2, false, BuildLog.silent());
        second.runAll(requests(6));
        String[] line = second.lastTimes().lines().get(1).trim().split("\\s+");
        assertEquals(List.of("counting", "0", "0.0", "0.0", "6"), List.of(line).subList(0, 5));
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", recorded), line[5]);
    }

    @Test void truncatedCacheEntryIsRecomputedNotUsed(@TempDir Path cache) throws Exception {
        Counting e = new Counting();
        Map<RunRequest, JsonNode> first = run(cache, e, 1, false);
        Path entry;
        try (var files = Files.list(cache.resolve("counting"))) {
            entry = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        String text = Files.readString(entry);
        Files.writeString(entry, text.substring(0, text.length() / 2));
        Map<RunRequest, JsonNode> second = run(cache, e, 1, false);
        assertEquals(7, e.calls.get());
        assertEquals(first, second);
        assertTrue(Files.readString(entry).length() == text.length());
    }

    @Test void shardsTogetherFillTheCacheForAFullBuild(@TempDir Path cache) {
        Counting e = new Counting();
        ExperimentRegistry registry = new ExperimentRegistry(List.of(e));
        int owned = 0;
        for (int i = 1; i <= 3; i++)
            owned += new RunScheduler(registry, new RunCache(cache), 1, false, BuildLog.silent()).runShard(requests(6), new Shard(i, 3));
        assertEquals(6, owned);
        assertEquals(6, e.calls.get());
        run(cache, e, 1, false);
        assertEquals(6, e.calls.get(), "the assembling build must reuse every shard's runs");
    }

    @Test void keyChangesWithAnyParameter() {
        var a = new java.util.TreeMap<>(Map.of("seed", "1"));
        var b = new java.util.TreeMap<>(Map.of("seed", "2"));
        RunCache cache = new RunCache(Path.of("unused"));
        assertFalse(cache.key(new Counting(), a).equals(cache.key(new Counting(), b)));
        assertEquals(cache.key(new Counting(), a), cache.key(new Counting(), new java.util.TreeMap<>(Map.of("seed", "1"))));
    }

    /** report.yaml width 10000 ended the build with a bare "java.lang.OutOfMemoryError: Java heap space". */
    @Test void aRunOutOfMemoryIsNamed(@TempDir Path cache) {
        Experiment hungry = new Counting() {
            @Override public ObjectNode run(Parameters p, Progress progress) { throw new OutOfMemoryError("Java heap space"); }
        };
        RunScheduler scheduler = new RunScheduler(new ExperimentRegistry(List.of(hungry)), new RunCache(cache), 1, false, BuildLog.silent());
        RunScheduler.RunFailedException e = org.junit.jupiter.api.Assertions.assertThrows(RunScheduler.RunFailedException.class,
                () -> scheduler.runAll(requests(1)));
        assertTrue(e.getMessage().contains("run failed: counting seed=1") && e.getMessage().contains("out of memory"), e.getMessage());
    }

    /** Refused at planning, before any run computed, naming the run: not after minutes with an OutOfMemoryError. */
    @Test void aRunThatCannotFitIsRefusedBeforeAnythingRuns(@TempDir Path cache) {
        Counting huge = new Counting() {
            @Override public org.optreport.experiment.RunCost cost(Parameters p) {
                var term = new org.optreport.experiment.RunCost.Term("everything", List.of("seed"), 1e15);
                return new org.optreport.experiment.RunCost((long) 1e15, 1, term, term, java.util.Optional.empty());
            }
        };
        RunScheduler scheduler = new RunScheduler(new ExperimentRegistry(List.of(huge)), new RunCache(cache), 1, false,
                new org.optreport.experiment.RunLimits(1L << 30, 3600, true), BuildLog.silent());
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.optreport.experiment.ParameterException.class, () -> scheduler.runAll(requests(3)));
        assertTrue(e.getMessage().startsWith("run counting seed=1: counting would need about"), e.getMessage());
        assertEquals(0, huge.calls.get());
    }
}
