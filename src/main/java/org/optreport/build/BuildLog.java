package org.optreport.build;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells the user what the build is doing, each line stamped with the elapsed time. Two levels: {@link #info} lines
 * are what a person follows (stages, one progress line for the runs, warnings, the summary); {@link #detail} lines
 * (each run with its settings, its own progress) go to the log file and, with --verbose, to the console too.
 * Thread-safe.
 */
public final class BuildLog {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final boolean quiet;
    private final boolean verbose;
    private PrintStream file;

    public BuildLog(PrintStream out, boolean quiet) { this(out, quiet, false); }

    public BuildLog(PrintStream out, boolean quiet, boolean verbose) {
        this.out = out;
        this.quiet = quiet;
        this.verbose = verbose;
    }

    public static BuildLog silent() { return new BuildLog(System.out, true); }

    public synchronized void info(String stage, String message) {
        String line = line(stage, message);
        if (!quiet) out.print(line);
        if (file != null) file.print(line);
    }

    public synchronized void detail(String stage, String message) {
        String line = line(stage, message);
        if (verbose && !quiet) out.print(line);
        if (file != null) file.print(line);
    }

    private String line(String stage, String message) {
        return String.format(Locale.ROOT, "[%7.1fs] %-10s %s%n", seconds(), stage, message);
    }

    /** From now on every line, detail or not, is also written to {@code path} (replaced); a file that cannot be written is skipped. */
    public synchronized void recordTo(Path path) {
        stopRecording();
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            file = new PrintStream(Files.newOutputStream(path), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            info("warning", "cannot write the build log " + path + ": " + e.getMessage());
        }
    }

    public synchronized void stopRecording() {
        if (file != null) file.close();
        file = null;
    }

    public double seconds() { return (System.nanoTime() - start) / 1e9; }
}
