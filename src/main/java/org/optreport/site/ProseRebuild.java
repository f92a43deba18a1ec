package org.optreport.site;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The author's loop: a build that computed no run and drew no figure (after a prose or template edit) is timed against
 * issue 18's targets, from the JVM's start (what the author waits for after typing the command) and by the process's
 * peak resident memory (Linux's VmHWM: every page the JVM touched, heap and the rest). The build logs it and records
 * the last one in the cache ({@link BuildRecords}), so that the build budget on the pages can quote it.
 * Under {@code serve --watch} the process has lived through earlier builds: its peak is theirs too, and the time is the
 * build's own.
 */
final class ProseRebuild {
    static final double TARGET_SECONDS = 3, TARGET_MEGABYTES = 512;

    /** One prose rebuild: wall seconds, and peak resident megabytes if the platform says. */
    record Figure(double seconds, OptionalLong peakResidentBytes) {
        double peakMegabytes() { return peakResidentBytes.orElse(-1) / (1024.0 * 1024.0); }

        boolean met() {
            return seconds <= TARGET_SECONDS && peakResidentBytes.isPresent() && peakMegabytes() <= TARGET_MEGABYTES;
        }

        String line() {
            String memory = peakResidentBytes.isPresent() ? String.format(Locale.ROOT, "%.0f MB peak resident memory", peakMegabytes())
                    : "peak memory unknown (no /proc/self/status)";
            return String.format(Locale.ROOT, "nothing computed or drawn: %.1f s, %s (targets: at most %.0f s and %.0f MB: %s)",
                    seconds, memory, TARGET_SECONDS, TARGET_MEGABYTES, met() ? "met" : "missed");
        }
    }

    private ProseRebuild() {}

    /**
     * The figure of a build that took {@code buildSeconds} by its own clock: in a fresh JVM (the {@code build} command)
     * from the JVM's start, which adds start-up and class loading; in a JVM that built before, the build's own time.
     */
    static Figure measure(double buildSeconds, boolean freshJvm) {
        double seconds = freshJvm ? ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0 : buildSeconds;
        return new Figure(seconds, peakResidentBytes(Path.of("/proc/self/status")));
    }

    /** VmHWM of a {@code /proc/PID/status} file, in bytes. */
    static OptionalLong peakResidentBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (!line.startsWith("VmHWM:")) continue;
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: the figure says the memory is unknown
        }
        return OptionalLong.empty();
    }
}
