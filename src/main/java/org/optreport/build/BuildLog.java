package org.optreport.build;

import java.io.PrintStream;
import java.util.Locale;

/** Tells the user what the build is doing, each line stamped with the elapsed time. Thread-safe. */
public final class BuildLog {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final boolean quiet;

    public BuildLog(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    public static BuildLog silent() { return new BuildLog(System.out, true); }

    public synchronized void info(String stage, String message) {
        if (!quiet) out.printf(Locale.ROOT, "[%7.1fs] %-10s %s%n", seconds(), stage, message);
    }

    public double seconds() { return (System.nanoTime() - start) / 1e9; }
}
