package org.optreport.site.markdown;

import java.nio.file.Path;
import org.optreport.errors.ContentException;

/**
 * Flexmark parses nested block quotes and lists recursively, so a page of a thousand nested {@code >} ends the
 * JVM's stack. Prose never needs more than a few levels: deeper nesting is refused with the line, before parsing.
 */
final class NestingLimit {
    static final int MAX_QUOTE_DEPTH = 16;
    static final String TOO_DEEP = "the Markdown is nested too deeply to parse (block quotes, lists or emphasis); simplify it";

    private NestingLimit() {}

    /** {@code text}: the whole page, so that the line numbers are the file's. */
    static void check(Path source, String text) {
        int line = 1, depth = 0;
        boolean atLineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                depth = 0;
                atLineStart = true;
            } else if (atLineStart && c == '>') {
                if (++depth > MAX_QUOTE_DEPTH)
                    throw new ContentException(source, line, "block quotes nested more than " + MAX_QUOTE_DEPTH + " deep; simplify them");
            } else if (c != ' ' && c != '\t') {
                atLineStart = false;
            }
        }
    }
}
