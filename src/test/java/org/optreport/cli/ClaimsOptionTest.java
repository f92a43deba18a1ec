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
import org.optreport.site.ClaimFailedException;
import org.optreport.site.ClaimMode;

/** {@code build --claims=fail|warn}, and the exit code of a failed claim. */
class ClaimsOptionTest {
    @Test void aFailedClaimIsBadInputWithOneLine() {
        ClaimFailedException e = new ClaimFailedException(Path.of("content/part2.md"), 187, "claim failed: s.a < 2 (s.a = 5.3, not < 2)");
        assertEquals(FailureKind.BAD_INPUT, FailureKind.of(e));
        assertEquals("content/part2.md:187: claim failed: s.a < 2 (s.a = 5.3, not < 2)", FailureMessage.of(e));
    }

    @Test void anUnknownClaimModeIsAUsageError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--claims=maybe", "--out", dir.resolve("site").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("expected fail or warn, got 'maybe'"), err.toString(StandardCharsets.UTF_8));
    }

    @Test void warnIsAccepted(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("c"));
        Files.writeString(dir.resolve("c/index.md"), "---\ntitle: T\n---\n\nText.\n");
        assertEquals(0, run(new ByteArrayOutputStream(), "build", "--claims=warn", "--content", dir.resolve("c").toString(),
                "--out", dir.resolve("site").toString(), "--cache", dir.resolve("cache").toString()));
    }

    @Test void aQuickBuildWarnsAndAFullBuildFailsByDefault() {
        assertEquals(ClaimMode.WARN, ClaimMode.defaultFor(true));
        assertEquals(ClaimMode.FAIL, ClaimMode.defaultFor(false));
    }
}
