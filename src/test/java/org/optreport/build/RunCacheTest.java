package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.Json;

class RunCacheTest {
    /** These tests are about entries, not code: any fixed fingerprint does. */
    private static final String CODE = "fingerprint";
    @TempDir Path dir;
    final List<String> said = new ArrayList<>();

    private static SortedMap<String, String> depth(int n) { return new TreeMap<>(java.util.Map.of("depth", Integer.toString(n))); }

    private static ObjectNode result(String key, SortedMap<String, String> parameters) {
        ObjectNode o = Json.object().put("schema", "landscape/v1").put("cacheKey", key);
        o.set("parameters", Json.parameters(parameters));
        return o;
    }

    @Test void aValidEntryIsReused() throws Exception {
        RunCache cache = new RunCache(dir);
        String key = RunCache.key("landscape", depth(2), CODE);
        cache.store("landscape", key, result(key, depth(2)));
        assertEquals(result(key, depth(2)), cache.load("landscape", key, depth(2), said::add).orElseThrow());
        assertTrue(said.isEmpty());
    }

    /**
     * The cache parses numbers with a faster parser than the JDK's: every double must still come back bit for bit, the
     * hard cases included (halfway cases, the extremes, subnormals, 17 significant digits), and random ones.
     */
    @Test void everyDoubleComesBackBitForBit() throws Exception {
        RunCache cache = new RunCache(dir);
        String key = RunCache.key("landscape", depth(2), CODE);
        java.util.Random random = new java.util.Random(7);
        double[] values = new double[2000];
        double[] hard = {0.1 + 0.2, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE,
                2.2250738585072011e-308, 9007199254740993.0, 1e23, 8.41e21, 5e-324, -0.0, 0.0, 123456789012345678.0};
        for (int i = 0; i < values.length; i++)
            values[i] = i < hard.length ? hard[i] : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (i % 2 == 0 ? 1 : -1);
        ObjectNode stored = result(key, depth(2));
        stored.set("values", Json.array(values));
        cache.store("landscape", key, stored);
        var loaded = cache.load("landscape", key, depth(2), said::add).orElseThrow().get("values");
        for (int i = 0; i < values.length; i++)
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(loaded.get(i).doubleValue()), "value " + i + ": " + values[i]);
    }

    /** A depth-3 result copied, with its checksum, under the depth-2 key must not be shown as depth 2. */
    @Test void anEntryOfOtherParametersIsRejectedAndMovedAside() throws Exception {
        RunCache cache = new RunCache(dir);
        String key2 = RunCache.key("landscape", depth(2), CODE), key3 = RunCache.key("landscape", depth(3), CODE);
        cache.store("landscape", key3, result(key3, depth(3)));
        Files.copy(cache.file("landscape", key3, ".json"), cache.file("landscape", key2, ".json"));
        Files.copy(cache.file("landscape", key3, ".sha256"), cache.file("landscape", key2, ".sha256"));
        assertFalse(cache.load("landscape", key2, depth(2), said::add).isPresent());
        assertTrue(said.get(0).contains("stored under another key"), said.toString());
        assertFalse(Files.exists(cache.file("landscape", key2, ".json")), "moved out of the way");
        assertTrue(Files.list(dir.resolve("_invalid")).count() == 2, "kept for inspection");
        assertTrue(cache.load("landscape", key3, depth(3), said::add).isPresent(), "the genuine entry is untouched");
    }

    @Test void anEmptyObjectWithAValidChecksumIsRejected() throws Exception {
        RunCache cache = new RunCache(dir);
        String key = RunCache.key("landscape", depth(2), CODE);
        cache.store("landscape", key, Json.object());
        assertFalse(cache.load("landscape", key, depth(2), said::add).isPresent());
        assertEquals(1, said.size());
    }

    @Test void aTruncatedEntryIsRejected() throws Exception {
        RunCache cache = new RunCache(dir);
        String key = RunCache.key("landscape", depth(2), CODE);
        cache.store("landscape", key, result(key, depth(2)));
        Path json = cache.file("landscape", key, ".json");
        Files.writeString(json, Files.readString(json).substring(0, 10));
        assertFalse(cache.load("landscape", key, depth(2), said::add).isPresent());
        assertTrue(said.get(0).contains("checksum"), said.toString());
    }

    private static ObjectNode withRows(String key, SortedMap<String, String> parameters) {
        ObjectNode o = result(key, parameters);
        ObjectNode dataset = o.putObject("dataset").put("name", "toy");
        dataset.set("x", Json.matrix(new double[][] {{1, 2}, {3, 4}}));
        dataset.set("y", Json.matrix(new double[][] {{5}, {6}}));
        return o;
    }

    /** Dozens of runs share one dataset: its rows are stored once, and every loaded result has them back. */
    @Test void datasetRowsAreStoredOncePerDataset() throws Exception {
        RunCache cache = new RunCache(dir);
        String key2 = RunCache.key("landscape", depth(2), CODE), key3 = RunCache.key("landscape", depth(3), CODE);
        cache.store("landscape", key2, withRows(key2, depth(2)));
        cache.store("landscape", key3, withRows(key3, depth(3)));
        assertEquals(1, Files.list(dir.resolve("_datasets")).count());
        assertFalse(Files.readString(cache.file("landscape", key2, ".json")).contains("\"x\""), "the entry holds a digest, not the rows");
        assertEquals(withRows(key2, depth(2)), cache.load("landscape", key2, depth(2), said::add).orElseThrow());
        assertEquals(withRows(key3, depth(3)), cache.load("landscape", key3, depth(3), said::add).orElseThrow());
    }

    @Test void damagedDatasetRowsMakeTheEntryInvalid() throws Exception {
        RunCache cache = new RunCache(dir);
        String key = RunCache.key("landscape", depth(2), CODE);
        cache.store("landscape", key, withRows(key, depth(2)));
        Path rows = Files.list(dir.resolve("_datasets")).findFirst().orElseThrow();
        Files.writeString(rows, Files.readString(rows).replace('5', '7'));
        assertFalse(cache.load("landscape", key, depth(2), said::add).isPresent());
        assertTrue(said.get(0).contains("damaged"), said.toString());
        cache.store("landscape", key, withRows(key, depth(2)));
        assertEquals(withRows(key, depth(2)), cache.load("landscape", key, depth(2), said::add).orElseThrow());
    }
}
