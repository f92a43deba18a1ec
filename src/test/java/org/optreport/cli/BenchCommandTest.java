package org.optreport.cli;

import static org.optreport.cli.CommandLineRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument errors stop the bench command before any benchmark runs, with exit code 2. */
class BenchCommandTest {
    @Test void quickAndThoroughTogetherAreABadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Main.BAD_INPUT, run(err, "bench", "--quick", "--thorough"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mutually exclusive"), err.toString(StandardCharsets.UTF_8));
    }

    @Test void anUnknownOptionIsABadInput() {
        assertEquals(Main.BAD_INPUT, run(new ByteArrayOutputStream(), "bench", "--fast"));
    }

    @Test void aFileWhereTheFolderShouldBeIsABadInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Main.BAD_INPUT, run(err, "bench", "--quick", "-o", file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("it is a file; name a folder"), err.toString(StandardCharsets.UTF_8));
        assertEquals("x", Files.readString(file));
    }

    @Test void aFolderOfOtherFilesIsRefused(@TempDir Path dir) throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("data.csv"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Main.BAD_INPUT, run(err, "bench", "--quick", "-o", mine.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not written by optreport"), err.toString(StandardCharsets.UTF_8));
    }
}
