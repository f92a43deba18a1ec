package org.optreport.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    @TempDir Path dir;

    @Test void readsUtf8() throws Exception {
        Path f = Files.writeString(dir.resolve("a.md"), "λ ≥ 0\n");
        assertEquals("λ ≥ 0\n", TextFiles.readUtf8(f, 100));
    }

    @Test void aBadByteIsNamedWithItsLineAndOffset() throws Exception {
        Path f = Files.write(dir.resolve("a.md"), new byte[] {'a', '\n', 'b', '\n', 'c', (byte) 0xE9, 'd'});
        TextFiles.BadTextException e = assertThrows(TextFiles.BadTextException.class, () -> TextFiles.readUtf8(f, 100));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("not valid UTF-8 at byte 5"), e.getMessage());
    }

    @Test void aFolderALinkToADeviceAndAnOversizedFileAreRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("b.md"));
        assertTrue(assertThrows(TextFiles.BadTextException.class, () -> TextFiles.readUtf8(folder, 100)).getMessage().contains("is a folder"));
        Path zero = Files.createSymbolicLink(dir.resolve("z.md"), Path.of("/dev/zero"));
        assertTrue(assertThrows(TextFiles.BadTextException.class, () -> TextFiles.readUtf8(zero, 100)).getMessage().contains("not a regular file"));
        Path big = Files.write(dir.resolve("big.md"), new byte[3 << 20]);
        assertTrue(assertThrows(TextFiles.BadTextException.class, () -> TextFiles.readUtf8(big, 2 << 20)).getMessage().contains("larger than"));
    }
}
