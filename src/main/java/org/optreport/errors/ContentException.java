package org.optreport.errors;

import java.nio.file.Path;
import org.optreport.errors.InputException;

/** Bad content (Markdown, front matter, directive, reference, template): names the file and line. */
public class ContentException extends InputException {
    private final Path file;
    private final int line;

    public ContentException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public ContentException(Path file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }
    public int line() { return line; }
}
