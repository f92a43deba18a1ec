package org.optreport.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that are either absent, the old version or the new one, never half-written: the bytes go to a temporary
 * file beside the target, are flushed to disk, and renamed over it. A target that is not a regular file (a
 * folder, a symbolic link, a FIFO, a device) is refused rather than replaced.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        requireRegularOrAbsent(target);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) out.write(buffer);
                out.force(true);
            }
            worldReadable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Throws unless {@code target} is absent or a regular file (a symbolic link counts as not regular). */
    public static void requireRegularOrAbsent(Path target) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) return;
        throw new OutputException(target, "it is " + kind(target) + ", not a regular file; name a new file");
    }

    /** "a folder", "a symbolic link", ...: what a path is, for messages. */
    static String kind(Path p) {
        if (Files.isSymbolicLink(p)) return "a symbolic link";
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "a folder";
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return "a file";
        return "a special file (FIFO, socket or device)";
    }

    /** Temporary files are private (rw-------); published files are meant to be read by others (rw-r--r--). */
    static void worldReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }
}
