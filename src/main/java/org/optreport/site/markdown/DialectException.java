package org.optreport.site.markdown;

import org.optreport.errors.ContentException;
/**
 * A content error found inside Flexmark's parser, which knows offsets but not the file; MarkdownPages turns it into a
 * ContentException with file and line.
 */
final class DialectException extends RuntimeException {
    private final int offset;

    /** @param offset character offset in the parsed body text where the problem starts */
    DialectException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    int offset() { return offset; }
}
