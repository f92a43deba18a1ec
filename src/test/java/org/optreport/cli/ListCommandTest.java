package org.optreport.cli;

import static org.optreport.cli.CommandLineRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.Studies;
import org.optreport.report.StudiesReference;

class ListCommandTest {
    /** What {@code optreport args} printed on standard output (the exit code must be 0). */
    private static String listed(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(err, args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test void anUnknownStudySuggestsTheStudyItWasMeantToBe() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "list", "landscpe"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no study named 'landscpe' (did you mean 'landscape'?"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test void withoutCachedRunsAStudyListsItsSettingsAndSaysItsOutputIsNotComputed(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        String out = listed("list", "nonconvexity", "--cache", cache.toString());
        assertTrue(out.contains("\nnonconvexity\n"), out);
        assertTrue(out.contains("default 161, quick 61; an integer in [11, 1001]"), out);
        assertTrue(out.contains("figures, tables and values: not computed: 1 of 1 runs are not in the cache " + cache), out);
        assertFalse(out.contains("\nlandscape\n"), "only the study asked for");
        assertFalse(Files.exists(cache), "list computes nothing and writes nothing");
    }

    @Test void aValueSetInReportYamlIsShownBesideTheDefault(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("report.yaml"), "nonconvexity:\n  grid: 21\n");
        String out = listed("list", "nonconvexity", "--content", content.toString(), "--cache", dir.resolve("cache").toString());
        assertTrue(out.contains("default 161, quick 61; an integer in [11, 1001]; report.yaml sets 21"), out);
    }

    @Test void markdownPrintsTheReferencePage() {
        assertEquals(StudiesReference.markdown(Studies.standard()), listed("list", "--markdown"));
    }

    @Test void settingsComeFromTheFileGivenWithConfig(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("sweep.yaml"), "nonconvexity:\n  grid: 21\n");
        String out = listed("list", "nonconvexity", "--config", profile.toString(), "--cache", dir.resolve("cache").toString());
        assertTrue(out.startsWith("Settings from " + profile + ";"), out);
        assertTrue(out.contains("settings (" + profile + ", under nonconvexity:)"), out);
        assertTrue(out.contains("; sweep.yaml sets 21"), out);
    }
}
