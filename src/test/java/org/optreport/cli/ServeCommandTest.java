package org.optreport.cli;

import static org.optreport.cli.CommandLineRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the failures: a serve that starts does not return. */
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
}
