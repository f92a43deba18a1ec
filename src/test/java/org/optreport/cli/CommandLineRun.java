package org.optreport.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line as a user would, with its standard error captured: the one home of that test helper. */
final class CommandLineRun {
    private CommandLineRun() {}

    /** The exit code of {@code optreport args}; what it printed on stderr goes to {@code err}. */
    static int run(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.execute(args);
        } finally {
            System.setErr(old);
        }
    }
}
