package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.RunRequest;

class CacheMergeTest {
    private final RunSchedulerTest.Counting experiment = new RunSchedulerTest.Counting();
    private final ExperimentRegistry registry = new ExperimentRegistry(List.of(experiment));

    private static List<RunRequest> seeds(int from, int to) {
        List<RunRequest> out = new ArrayList<>();
        for (int s = from; s <= to; s++) out.add(RunRequest.of("counting", Map.of("seed", Integer.toString(s))));
        return out;
    }

    private void compute(Path cache, List<RunRequest> runs) {
        new RunScheduler(registry, new RunCache(cache), 1, false, BuildLog.silent()).runAll(runs);
    }

    private CacheMerge.Report merge(Path target, Path... sources) throws IOException {
        return new CacheMerge(registry, CodeFingerprint.running()).merge(List.of(sources), target, m -> { });
    }

    private static long entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache.resolve("counting"))) return 0;
        try (Stream<Path> files = Files.list(cache.resolve("counting"))) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    @Test void mergedShardsLetABuildComputeNothing(@TempDir Path a, @TempDir Path b, @TempDir Path target) throws IOException {
        compute(a, seeds(1, 3));
        compute(b, seeds(4, 6));
        CacheMerge.Report report = merge(target, a, b);
        assertEquals(6, report.copied());
        int before = experiment.calls.get();
        new RunScheduler(registry, new RunCache(target), 1, false, BuildLog.silent()).runAll(seeds(1, 6), true);
        assertEquals(before, experiment.calls.get(), "every run must come from the merged cache");
    }

    @Test void identicalCopiesOfAnEntryAreFine(@TempDir Path a, @TempDir Path b, @TempDir Path target) throws IOException {
        compute(a, seeds(1, 3));
        compute(b, seeds(3, 4)); // seed 3 in both, computed twice: the same bytes
        CacheMerge.Report report = merge(target, a, b);
        assertEquals(4, report.copied());
        assertEquals(1, report.identicalCopies());
        assertEquals(4, entries(target));
    }

    @Test void twoDifferentResultsForOneRunStopTheMergeNamingIt(@TempDir Path a, @TempDir Path b, @TempDir Path target) throws IOException {
        compute(a, seeds(1, 2));
        compute(b, seeds(2, 2));
        String key = onlyKey(b);
        Path json = b.resolve("counting").resolve(key + ".json");
        ObjectNode changed = (ObjectNode) Json.read(Files.readString(json));
        changed.set("values", Json.array(new double[] {1, 2, 3}));
        new RunCache(b).store("counting", key, changed); // a consistent entry with another result: its checksum holds
        CacheMergeException e = assertThrows(CacheMergeException.class, () -> merge(target, a, b));
        assertTrue(e.getMessage().contains("counting/" + key), e.getMessage());
        assertEquals(0, entries(target), "nothing is written when the merge fails");
    }

    @Test void anEntryOfOtherCodeIsReportedAndSkipped(@TempDir Path a, @TempDir Path target) throws IOException {
        compute(a, seeds(1, 1));
        SortedMap<String, String> parameters = new TreeMap<>(Map.of("seed", "9"));
        String foreignKey = RunCache.key("counting", parameters, "fingerprint of some other code");
        ObjectNode result = Json.object().put("schema", "counting/v1").put("cacheKey", foreignKey);
        result.set("parameters", Json.parameters(parameters));
        new RunCache(a).store("counting", foreignKey, result);
        CacheMerge.Report report = merge(target, a);
        assertEquals(1, report.copied());
        assertEquals(1, report.skipped().size());
        assertTrue(report.skipped().get(0).contains(foreignKey) && report.skipped().get(0).contains("other code"), report.skipped().get(0));
        assertFalse(Files.exists(target.resolve("counting").resolve(foreignKey + ".json")));
    }

    @Test void aDamagedEntryIsReportedAndSkipped(@TempDir Path a, @TempDir Path target) throws IOException {
        compute(a, seeds(1, 2));
        String key = onlyKeys(a).get(0);
        Path json = a.resolve("counting").resolve(key + ".json");
        Files.writeString(json, Files.readString(json).replace("\"values\"", "\"valuez\""));
        CacheMerge.Report report = merge(target, a);
        assertEquals(1, report.copied());
        assertTrue(report.skipped().get(0).contains("checksum"), report.skipped().get(0));
        assertFalse(Files.exists(target.resolve("counting").resolve(key + ".json")));
    }

    @Test void recordedTimesTravelWithTheirEntries(@TempDir Path a, @TempDir Path target) throws IOException {
        compute(a, seeds(1, 1));
        String key = onlyKey(a);
        merge(target, a);
        assertEquals(Files.readString(a.resolve("counting").resolve(key + RunTimes.SUFFIX)),
                Files.readString(target.resolve("counting").resolve(key + RunTimes.SUFFIX)));
    }

    private static String onlyKey(Path cache) throws IOException {
        List<String> keys = onlyKeys(cache);
        assertEquals(1, keys.size());
        return keys.get(0);
    }

    private static List<String> onlyKeys(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("counting"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }
}
