package org.optreport.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lowercase hex: the checksums of cache entries and the keys made from contents (datasets, drawn
 * figures, classes). Every Java platform must provide SHA-256, so its absence is a broken JVM, not a user's error.
 */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] bytes) { return HexFormat.of().formatHex(digest().digest(bytes)); }

    /** Of the text's UTF-8 bytes. */
    public static String hex(String text) { return hex(text.getBytes(StandardCharsets.UTF_8)); }

    /** A fresh digest, for contents fed in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java platform has no SHA-256", e);
        }
    }

    /** Completes {@code digest} (which is reset) and returns its value. */
    public static String finish(MessageDigest digest) { return HexFormat.of().formatHex(digest.digest()); }
}
