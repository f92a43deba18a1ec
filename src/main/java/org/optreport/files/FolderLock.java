package org.optreport.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Exclusive use of a folder by one build at a time, across processes (an OS file lock on a lock file) and
 * within one process (file locks are per process, so threads take a lock object first). A second build waits,
 * saying so, instead of interleaving its writes with the first one's. The OS drops the lock when a process dies.
 */
public final class FolderLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private FolderLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Takes the lock of {@code lockFile}; {@code waiting} hears once if another build holds it. */
    public static FolderLock acquire(Path lockFile, String what, Consumer<String> waiting) throws IOException {
        Path file = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        boolean told = false;
        if (!threadLock.tryLock()) {
            waiting.accept("waiting for another build that uses " + what);
            told = true;
            threadLock.lock();
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    if (!told) waiting.accept("waiting for another optreport process that uses " + what + " (lock " + file + ")");
                    lock = channel.lock();
                }
                return new FolderLock(threadLock, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    @Override public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
