package org.optreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    private static int run(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.execute(args);
        } finally {
            System.setErr(old);
        }
    }

    @Test void missingContentFolderExitsWith2(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--content", dir.resolve("none").toString(), "--out", dir.resolve("site").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("content folder not found"));
    }

    @Test void badShardAndJobsExitWith2(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("c"));
        Files.writeString(dir.resolve("c/index.md"), "---\ntitle: T\n---\n\nText.\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--content", dir.resolve("c").toString(), "--out", dir.resolve("site").toString(), "--shard", "3/2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("shard"));
        assertEquals(2, run(new ByteArrayOutputStream(), "build", "--jobs", "many"));
    }

    @Test void aPageWithoutStudiesBuildsAndExitsWith0(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("c"));
        Files.writeString(dir.resolve("c/index.md"), "---\ntitle: T\n---\n\nText with $x_1$.\n");
        assertEquals(0, run(new ByteArrayOutputStream(), "build", "--content", dir.resolve("c").toString(),
                "--out", dir.resolve("site").toString(), "--cache", dir.resolve("cache").toString()));
        assertTrue(Files.exists(dir.resolve("site/index.html")));
    }
}
