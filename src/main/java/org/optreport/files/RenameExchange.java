package org.optreport.files;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Linux's renameat2(RENAME_EXCHANGE): two paths swap places in one atomic step, so a folder is replaced without
 * a moment in which it is missing. Java has no call for it; JNA reaches the C library. Elsewhere, or on a file
 * system that does not support it, {@link #exchange} answers false and the caller falls back.
 */
final class RenameExchange {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;
    private static final int EINVAL = 22, ENOSYS = 38, EPERM = 1;

    private interface CLibrary extends Library {
        int renameat2(int oldDirectory, String oldPath, int newDirectory, String newPath, int flags) throws LastErrorException;
    }

    private static final CLibrary LIBC = load();

    private RenameExchange() {}

    private static CLibrary load() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return null;
        try {
            return Native.load("c", CLibrary.class);
        } catch (Throwable e) { // no JNA native part for this platform, or an old C library: fall back
            return null;
        }
    }

    /** Swaps {@code a} and {@code b} atomically; false when this platform or file system cannot. */
    static boolean exchange(Path a, Path b) throws IOException {
        if (LIBC == null) return false;
        try {
            LIBC.renameat2(AT_FDCWD, a.toAbsolutePath().toString(), AT_FDCWD, b.toAbsolutePath().toString(), RENAME_EXCHANGE);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false; // a C library without renameat2 (glibc before 2.28)
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == EINVAL || errno == ENOSYS || errno == EPERM) return false;
            throw new IOException("cannot swap " + a + " and " + b + ": " + e.getMessage());
        }
    }
}
