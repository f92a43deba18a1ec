package org.optreport.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test void writesAWorldReadableFileAndNoTemporaryOne() throws Exception {
        Path file = dir.resolve("r.json");
        AtomicFiles.write(file, "{}");
        AtomicFiles.write(file, "{\"a\":1}");
        assertEquals("{\"a\":1}", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test void aLinkAFolderOrAFifoIsRefusedAndLeftAlone() throws Exception {
        Path target = Files.writeString(dir.resolve("target.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.write(link, "x"));
        assertTrue(e.getMessage().contains("a symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(target));

        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertTrue(assertThrows(OutputException.class, () -> AtomicFiles.write(folder, "x")).getMessage().contains("a folder"));

        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mkfifo.waitFor() == 0) {
            assertTrue(assertThrows(OutputException.class, () -> AtomicFiles.write(fifo, "x")).getMessage().contains("special file"));
            assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(fifo));
        }
    }
}
