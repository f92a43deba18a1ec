package org.optreport.site.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumTest {
    @TempDir Path dir;

    @Test void withoutABrowserOnThePathTheMessageSaysWhatToInstall() {
        BrowserNotFoundException e = assertThrows(BrowserNotFoundException.class, () -> Chromium.locate(null, dir.toString()));
        assertTrue(e.getMessage().contains("apt-get install chromium") && e.getMessage().contains("build without --pdf"), e.getMessage());
    }

    @Test void theVariableNamesTheBrowserAndAWrongOneIsReported() throws IOException {
        Path chrome = Files.writeString(dir.resolve("my-chrome"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(chrome, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(chrome, Chromium.locate(chrome.toString(), ""));
        BrowserNotFoundException e = assertThrows(BrowserNotFoundException.class, () -> Chromium.locate(dir.resolve("nothing").toString(), ""));
        assertTrue(e.getMessage().startsWith("OPTREPORT_BROWSER=" + dir.resolve("nothing") + " names no executable file"), e.getMessage());
    }

    @Test void theFirstExecutableBrowserOnThePathIsUsed() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Files.writeString(bin.resolve("chromium"), "not executable");
        Path chrome = Files.writeString(bin.resolve("google-chrome"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(chrome, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(chrome, Chromium.locate(null, empty + java.io.File.pathSeparator + bin));
    }
}
