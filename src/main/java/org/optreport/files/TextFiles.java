package org.optreport.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file the user wrote (a page, a configuration) with its failures spelled out: only regular files
 * (not a folder, nor a link to a device such as /dev/zero), at most a stated size, strict UTF-8 with the line and
 * byte of the first bad sequence.
 */
public final class TextFiles {
    private TextFiles() {}

    /** A text file that cannot be used, with the line (1-based, 0 when none applies) to blame. */
    public static final class BadTextException extends IOException {
        private final int line;

        BadTextException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() { return line; }
    }

    public static String readUtf8(Path file, long maxBytes) throws IOException {
        if (Files.isDirectory(file)) throw new BadTextException(0, "is a folder, not a file");
        if (!Files.isRegularFile(file)) throw new BadTextException(0, "is not a regular file (a device, FIFO or broken link)");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new BadTextException(0, "cannot read: " + FileErrors.reason(e));
        }
        if (bytes.length > maxBytes)
            throw new BadTextException(0, "is larger than the limit of " + maxBytes / (1024 * 1024) + " MiB");
        return decode(bytes);
    }

    private static String decode(byte[] bytes) throws BadTextException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position(), line = 1;
            for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
            throw new BadTextException(line, "not valid UTF-8 at byte " + at + " (save the file as UTF-8)");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
