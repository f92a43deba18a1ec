package org.optreport.site;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tells {@code serve --watch} when the report's sources changed (the content folder with its pages and report.yaml,
 * the templates), through the JDK's WatchService instead of polling: every folder below a root is registered, and
 * so is each folder created later. A root that does not exist yet is awaited in its parent. Editors and git write
 * several files, or one file several times, per save: a change is reported once no further event came for the
 * quiet period (or after {@link #MAX_SETTLE_PERIODS} of them, so that a steady stream still rebuilds).
 */
public final class SourceWatcher implements AutoCloseable {
    static final int MAX_SETTLE_PERIODS = 20;

    private final List<Path> roots;
    private final Duration quiet;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    public SourceWatcher(List<Path> roots, Duration quiet) throws IOException {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.quiet = quiet;
        this.service = this.roots.get(0).getFileSystem().newWatchService();
        watchRoots();
    }

    /** Runs {@code rebuild} once per change until the watcher is closed or the thread interrupted. */
    public void watch(Runnable rebuild) {
        try {
            while (true) if (awaitChange(Duration.ofDays(365))) rebuild.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: serving ends
        }
    }

    /** Waits up to {@code timeout} for a change and then for the quiet period; false if nothing changed. */
    boolean awaitChange(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean changed = false;
        while (!changed) {
            WatchKey key = service.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (key == null) return false;
            changed = handle(key);
        }
        for (int period = 0; period < MAX_SETTLE_PERIODS; period++) {
            WatchKey key = service.poll(quiet.toNanos(), TimeUnit.NANOSECONDS);
            if (key == null) break;
            handle(key);
        }
        return true;
    }

    /** Whether the key's events touch a root; registers folders created since. */
    private boolean handle(WatchKey key) {
        Path folder = folders.get(key);
        boolean changed = false, rootsMoved = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder == null) {
                changed = rootsMoved = true;   // events were lost: look at everything again
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            if (roots.stream().noneMatch(child::startsWith)) continue;   // beside a root awaited in its parent
            changed = true;
            if (roots.contains(child)) rootsMoved = true;
            else if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) register(child);
        }
        if (!key.reset()) {
            folders.remove(key);
            if (roots.contains(folder)) rootsMoved = true;   // a root was removed: await it in its parent
        }
        if (rootsMoved) watchRoots();
        return changed;
    }

    private void watchRoots() {
        for (Path root : roots) {
            if (Files.isDirectory(root)) register(root);
            else if (root.getParent() != null && Files.isDirectory(root.getParent())) registerOne(root.getParent());
        }
    }

    /** The folder and every folder below it; ones that vanish meanwhile are skipped (their deletion is an event). */
    private void register(Path tree) {
        try {
            // links followed: a content folder may be a link to one elsewhere (a loop is reported to visitFileFailed)
            Files.walkFileTree(tree, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    registerOne(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult visitFileFailed(Path file, IOException e) { return FileVisitResult.CONTINUE; }
            });
        } catch (IOException e) {
            // the walk itself failed (the tree vanished): its deletion was reported as a change
        }
    }

    private void registerOne(Path dir) {
        try {
            folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
        } catch (IOException e) {
            // vanished since it was listed
        }
    }

    @Override public void close() throws IOException { service.close(); }
}
