package org.optreport.build;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last build in this JVM made of each result it read, kept for the next build in the same JVM ({@code serve
 * --watch} rebuilds there after every edit): a result whose cache entry is unchanged (the same checksum, size and
 * modification time) is neither read nor parsed again. Only the last build's results are kept, so the memory it holds
 * is one build's results, not every build's. Thread-safe: the runs of a build are obtained on several threads.
 */
public final class KeptResults<T> {
    /** What identifies a cache entry's content without reading it: its checksum file's text, its size and its time. */
    public record Stamp(String checksum, long size, FileTime modified) {}

    /** A kept result with whether its run diverged (the build's progress counts that). */
    public record Kept<T>(T value, boolean diverged) {}

    private record Entry<T>(Stamp stamp, Kept<T> kept) {}

    private volatile Map<Path, Entry<T>> last = Map.of();
    private final Map<Path, Entry<T>> current = new ConcurrentHashMap<>();

    /** The result the last build kept for the entry {@code file}, if the entry still has {@code stamp}. */
    Optional<Kept<T>> find(Path file, Stamp stamp) {
        Entry<T> e = last.get(file);
        return e != null && e.stamp().equals(stamp) ? Optional.of(e.kept()) : Optional.empty();
    }

    /** Keeps what this build made of the entry {@code file} for the next build. */
    void keep(Path file, Stamp stamp, T value, boolean diverged) {
        current.put(file, new Entry<>(stamp, new Kept<>(value, diverged)));
    }

    /** The build's results are all obtained: they replace the last build's. */
    synchronized void endBuild() {
        last = Map.copyOf(current);
        current.clear();
    }
}
