package org.optreport.site.pdf;

import java.io.IOException;

/**
 * {@code build --pdf} without a browser to print with; the message says what to install. An I/O failure, as the
 * command line sees it: exit 1, one line, no stack trace.
 */
public final class BrowserNotFoundException extends IOException {
    BrowserNotFoundException(String message) { super(message); }
}
