package org.optreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.cli.CommandLineRun.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandTest {
    @Test void aMissingCacheFolderIsNamedInOneLine(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "cache", "merge", dir.resolve("shard-1").toString(), "--into", dir.resolve("merged").toString()));
        assertEquals("optreport: cache merge: no such cache folder: " + dir.resolve("shard-1"), err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test void mergingACacheIntoItselfIsRefused(@TempDir Path dir) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "cache", "merge", cache.toString(), "--into", cache.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is the target itself"), err.toString(StandardCharsets.UTF_8));
    }

    @Test void cacheWithoutASubcommandIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "cache"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("merge"), err.toString(StandardCharsets.UTF_8));
    }
}
