package org.optreport.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Java's file exceptions carry only the path as their message: the reason must be added in words. */
class FileErrorsTest {
    @Test void theReasonIsSpelledOut() {
        assertEquals("content/index.md: permission denied", FileErrors.describe(new AccessDeniedException("content/index.md")));
        assertEquals("content: no such file or folder", FileErrors.describe(new NoSuchFileException("content")));
        assertEquals("content/a.md: Is a directory", FileErrors.describe(new FileSystemException("content/a.md", null, "Is a directory")));
    }
}
