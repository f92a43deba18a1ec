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

class BuildCommandTest {
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

    /** The fault-injection repro: --out at a file, the pages or the project folder deleted them, exit 0. */
    @Test void anOutputThatIsNotASiteIsRefusedAndNothingIsDeleted(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("c"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: T\n---\n\nText.\n");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hi");
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "x");
        for (Path out : new Path[] {notes, content, mine, Path.of("."), Path.of("src")}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(err, "build", "--content", content.toString(), "--out", out.toString(), "--cache", dir.resolve("cache").toString()),
                    out.toString());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("refusing to write"), err.toString(StandardCharsets.UTF_8));
        }
        assertEquals("hi", Files.readString(notes));
        assertTrue(Files.exists(content.resolve("index.md")) && Files.exists(mine.resolve("thesis.tex")));
        assertTrue(Files.isDirectory(Path.of("src/main/java")) && Files.exists(Path.of("pom.xml")));
    }

    @Test void aReportYamlThatIsNotAMapIsNamedInOneLine(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("c"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: T\n---\n\nText.\n");
        Files.writeString(content.resolve("report.yaml"), "- landscape\n- ultrawide\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--content", content.toString(), "--out", dir.resolve("site").toString(),
                "--cache", dir.resolve("cache").toString()));
        assertEquals("optreport: " + content.resolve("report.yaml") + ": (top level): expected a map of study sections",
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test void aShardOutOfRangeIsNamedInOneLine(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--shard", "5/4", "--out", dir.resolve("site").toString()));
        assertEquals("optreport: --shard: shard must be I/N with 1 <= I <= N, got 5/4", err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test void negativeJobsAreABadInput(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--jobs", "-5", "--out", dir.resolve("site").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--jobs must be at least 1"), err.toString(StandardCharsets.UTF_8));
    }

    @Test void aNonUtf8PageIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("c"));
        Files.write(content.resolve("index.md"), "---\ntitle: T\n---\n\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--content", content.toString(), "--out", dir.resolve("site").toString(),
                "--cache", dir.resolve("cache").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("index.md:5: not valid UTF-8 at byte"), err.toString(StandardCharsets.UTF_8));
    }

    @Test void aPageThatIsAFolderIsNamed(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("c"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: T\n---\n\nText.\n");
        Files.createDirectories(content.resolve("notes.md"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--content", content.toString(), "--out", dir.resolve("site").toString(),
                "--cache", dir.resolve("cache").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("notes.md: is a folder, not a file"), err.toString(StandardCharsets.UTF_8));
    }

    @Test void sweepOptionsThatCannotApplyAreNamed(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "build", "--shard", "1/2", "--require-cached", "--out", dir.resolve("site").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--require-cached is for the build that assembles the shards"), err.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertEquals(2, run(err2, "build", "--config", dir.resolve("nothing.yaml").toString(), "--out", dir.resolve("site").toString()));
        assertTrue(err2.toString(StandardCharsets.UTF_8).contains("--config: no such file"), err2.toString(StandardCharsets.UTF_8));
    }
}
