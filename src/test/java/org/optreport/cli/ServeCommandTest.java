package org.optreport.cli;

import static org.optreport.cli.CommandLineRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.optreport.errors.ContentException;
import org.optreport.site.RebuildFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the failures, and how a failed rebuild reads in the open pages: a serve that starts does not return. */
class ServeCommandTest {
    @Test void aPortOutOfRangeIsABadInput(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "serve", "--dir", dir.toString(), "--port", "70000"));
        assertEquals("optreport: --port must be in [0, 65535], got 70000", err.toString(StandardCharsets.UTF_8).trim());
    }

    /** With nothing to serve yet, the first build's failure is the command's: its message and its exit code. */
    @Test void aFailedFirstBuildUnderWatchEndsWithItsOwnError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path content = dir.resolve("none");
        assertEquals(2, run(err, "serve", "--watch", "--dir", dir.resolve("site").toString(), "--content", content.toString(),
                "--cache", dir.resolve("cache").toString()));
        assertEquals("optreport: " + content + ": content folder not found", err.toString(StandardCharsets.UTF_8).trim());
        assertFalse(Files.exists(dir.resolve("site")));
    }

    /** The open pages show a content error's file and line apart from its message, which the terminal prints whole. */
    @Test void aFailedRebuildNamesTheFileAndLineOfTheContentError() {
        Path page = Path.of("content", "a.md");
        RuntimeException wrapped = new IllegalStateException("rendering a.md", new ContentException(page, 12, "unknown figure 'x'"));
        RebuildFailure failure = ServeCommand.failure(wrapped, page + ":12: unknown figure 'x'");
        assertEquals(new RebuildFailure(page.toString(), 12, "unknown figure 'x'"), failure);
        assertEquals(page + ":12", failure.location());
    }

    @Test void aFailedRebuildWithoutContentErrorIsItsMessageAlone() {
        assertEquals(new RebuildFailure(null, 0, "out of memory"), ServeCommand.failure(new OutOfMemoryError(), "out of memory"));
    }
}
