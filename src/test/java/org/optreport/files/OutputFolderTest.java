package org.optreport.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    private static final String MARKER = ".optreport-site";
    @TempDir Path dir;

    private void refused(Path out, List<Path> inputs, String reason) {
        OutputException e = assertThrows(OutputException.class, () -> OutputFolder.of(out, MARKER).checkReplaceable(inputs));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test void aFileIsRefused() throws Exception {
        refused(Files.writeString(dir.resolve("notes.txt"), "hi"), List.of(), "it is a file");
    }

    @Test void aFolderOfTheUsersIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine/thesis.tex"), "x");
        refused(dir.resolve("mine"), List.of(), "not written by optreport");
    }

    @Test void anInputFolderItsParentOrAFolderInsideItIsRefused() throws Exception {
        Path content = Files.createDirectories(dir.resolve("project/content"));
        refused(content, List.of(content), "it is " + content);
        refused(dir.resolve("project"), List.of(content), "it holds " + content);
        refused(content.resolve("site"), List.of(content), "it lies inside " + content);
    }

    @Test void theCurrentFolderAndItsParentsAreRefused() {
        refused(Path.of(""), List.of(), "it holds the current folder");
        refused(Path.of("").toAbsolutePath().getParent(), List.of(), "it holds the current folder");
    }

    @Test void aLinkIntoAnInputIsSeenThrough() throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Path link = Files.createSymbolicLink(dir.resolve("out"), content);
        refused(link, List.of(content), "it is " + content);
    }

    @Test void absentEmptyMarkedAndEarlierSitesMayBeReplaced() throws Exception {
        assertDoesNotThrow(() -> OutputFolder.of(dir.resolve("new"), MARKER).checkReplaceable(List.of()));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertDoesNotThrow(() -> OutputFolder.of(empty, MARKER).checkReplaceable(List.of()));
        Path marked = Files.createDirectories(dir.resolve("marked"));
        Files.writeString(marked.resolve("index.html"), "x");
        OutputFolder.of(marked, MARKER).mark(marked);
        assertDoesNotThrow(() -> OutputFolder.of(marked, MARKER).checkReplaceable(List.of()));
        Path legacy = Files.createDirectories(dir.resolve("legacy/assets/mathjax"));
        Files.writeString(legacy.resolve("tex-svg.js"), "x");
        Files.writeString(dir.resolve("legacy/.nojekyll"), "");
        Files.writeString(dir.resolve("legacy/index.html"), "x");
        assertDoesNotThrow(() -> OutputFolder.of(dir.resolve("legacy"), MARKER).checkReplaceable(List.of()));
    }

    @Test void aLinkToAFolderNamesTheFolderSoTheLinkSurvives() throws Exception {
        Path real = Files.createDirectories(dir.resolve("www/report"));
        Path link = Files.createSymbolicLink(dir.resolve("site"), real);
        assertEquals(real.toRealPath(), OutputFolder.of(link, MARKER).path());
    }
}
