package org.optreport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.optreport.files.FileErrors;
import org.optreport.site.SiteBuilder;

/** The one line that tells the user why a command failed. */
final class FailureMessage {
    /** A longer message (a template's error with its context, say) is cut here: the first lines say what went wrong. */
    private static final int MAX_LINES = 12;

    private FailureMessage() {}

    /** The innermost message that says something, with the OS reason for file errors. */
    static String of(Throwable e) {
        if (e instanceof SiteBuilder.DivergedException) return e.getMessage();
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        if (t instanceof UncheckedIOException u) {
            // its message is ours ("cannot write the cache under X: ...") unless it was made from the cause alone
            String own = u.getMessage();
            if (own == null || own.equals(u.getCause().toString())) return FileErrors.describe(u.getCause());
            String reason = FileErrors.reason(u.getCause());
            return own.contains(reason) ? own : own + " (" + reason + ")";
        }
        if (t instanceof IOException io) return FileErrors.describe(io);
        if (t instanceof OutOfMemoryError) return "out of memory (the Java heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB): lower the sizes in report.yaml or the parameters, or raise the heap with -Xmx";
        if (t instanceof StackOverflowError) return "stack overflow (input nested too deeply?)";
        String text = t.getMessage() == null ? t.toString() : t.getMessage();
        return text.lines().count() > MAX_LINES ? String.join("\n", text.lines().limit(MAX_LINES).toList()) + "\n  ..." : text;
    }
}
