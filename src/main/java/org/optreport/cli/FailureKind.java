package org.optreport.cli;

import java.io.IOException;
import org.optreport.errors.InputException;
import org.optreport.site.SiteBuilder;

/** Why a command failed, which decides its exit code and whether its stack trace is printed. */
enum FailureKind {
    /** The user's input is wrong ({@link InputException}); its message names the file, key or option. */
    BAD_INPUT(Main.BAD_INPUT, "", false),
    /**
     * Neither the input nor a bug: the file system refused (a full disk, a permission on one of the user's paths),
     * the heap or the stack ran out, or a run diverged under --strict. Exit 1, since changing the input may not help,
     * but no stack trace (--verbose prints it): the message says what happened and what to try, and a stack
     * overflow's trace is a thousand repeated frames.
     */
    OPERATIONAL(Main.FAILURE, "", false),
    /** A bug in optreport: the stack trace is printed, since a bug report needs it. */
    INTERNAL(Main.FAILURE, "internal error: ", true);

    /** Deeper cause chains are not followed: a chain may loop back on itself. */
    private static final int MAX_CAUSES = 64;

    final int exitCode;
    /** Put before the message, so that a bug is not mistaken for something the user did. */
    final String label;
    /** Whether the stack trace is printed even without --verbose. */
    final boolean alwaysPrintsTrace;

    FailureKind(int exitCode, String label, boolean alwaysPrintsTrace) {
        this.exitCode = exitCode;
        this.label = label;
        this.alwaysPrintsTrace = alwaysPrintsTrace;
    }

    /** Input errors win wherever they are in the cause chain: a wrapper (the run, the page) adds only the context. */
    static FailureKind of(Throwable e) {
        if (inCauses(e, InputException.class)) return BAD_INPUT;
        if (inCauses(e, IOException.class) || inCauses(e, OutOfMemoryError.class) || inCauses(e, StackOverflowError.class)
                || inCauses(e, SiteBuilder.DivergedException.class)) return OPERATIONAL;
        return INTERNAL;
    }

    private static boolean inCauses(Throwable e, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++)
            if (type.isInstance(t)) return true;
        return false;
    }
}
