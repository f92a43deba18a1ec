package org.optreport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.build.BuildLog;
import org.optreport.site.ClaimMode;
import org.optreport.site.SiteBuilder;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.cli.CommandLineRun.run;

class NewCommandTest {
    @Test void aNewPageBuildsAsItIsAgainstTheRealStudies(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: Home\norder: 0\n---\n\nHome.\n");
        Files.writeString(content.resolve("part1-nonconvexity.md"), "---\ntitle: Part 1\norder: 1\n---\n\nStub.\n");
        assertEquals(0, run(new ByteArrayOutputStream(), "new", "page", "my-notes", "--content", content.toString()));
        assertTrue(Files.readString(content.resolve("my-notes.md")).startsWith("---\ntitle: \"my-notes\""));

        SiteBuilder.Summary built = SiteBuilder.standard().build(new SiteBuilder.Options(content, Path.of("templates"), dir.resolve("site"),
                dir.resolve("cache"), dir, true, false, 1, false, null, org.optreport.experiment.RunLimits.standard(), ClaimMode.FAIL),
                BuildLog.silent());
        assertEquals(1, built.figures());
        assertTrue(Files.readString(dir.resolve("site/my-notes.html")).contains("Figure 2.1"));
    }

    @Test void anExistingPageIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.md"), "mine");
        assertEquals(Main.BAD_INPUT, run(new ByteArrayOutputStream(), "new", "page", "notes", "--content", dir.toString()));
        assertEquals("mine", Files.readString(dir.resolve("notes.md")));
    }

    @Test void aNameThatIsNotAFileNameIsRefused(@TempDir Path dir) {
        assertEquals(Main.BAD_INPUT, run(new ByteArrayOutputStream(), "new", "page", "../escape", "--content", dir.toString()));
        assertEquals(Main.BAD_INPUT, run(new ByteArrayOutputStream(), "new", "chapter", "x", "--content", dir.toString()));
    }
}
