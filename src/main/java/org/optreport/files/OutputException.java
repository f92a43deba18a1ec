package org.optreport.files;

import java.nio.file.Path;

/** An output path optreport must not write to (not its own, or overlapping its inputs): nothing was touched. */
public final class OutputException extends RuntimeException {
    public OutputException(Path path, String reason) {
        super("refusing to write " + path + ": " + reason);
    }
}
