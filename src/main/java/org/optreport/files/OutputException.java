package org.optreport.files;

import java.nio.file.Path;
import org.optreport.errors.InputException;

/** An output path optreport must not write to (not its own, or overlapping its inputs): nothing was touched. */
public final class OutputException extends InputException {
    public OutputException(Path path, String reason) {
        super("refusing to write " + path + ": " + reason);
    }
}
