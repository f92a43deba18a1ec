package org.optreport.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason for a failed file operation, in words. Java's file exceptions often carry only
 * the path as their message ("content/index.md"), which reads as no reason at all.
 */
public final class FileErrors {
    private FileErrors() {}

    /** "permission denied", "no such file or folder", "Is a directory", ... */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof FileAlreadyExistsException) return "it already exists";
        if (e instanceof DirectoryNotEmptyException) return "the folder is not empty";
        if (e instanceof NotDirectoryException) return "not a folder";
        if (e instanceof CharacterCodingException) return "not valid UTF-8";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** One line: what was done, to which path (when the exception names one), and why it failed. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String other = fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "";
            return fs.getFile() + other + ": " + reason(e);
        }
        return reason(e);
    }
}
