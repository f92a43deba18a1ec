package org.optreport.report.study;

import java.nio.file.Path;
import org.optreport.errors.InputException;

/** An invalid value in the report configuration, naming the file, the key and, when known, its line. */
public class ConfigException extends InputException {
    public ConfigException(Path file, String key, String message) {
        this(file, 0, key, message);
    }

    /** {@code line} 0: not known (a default the file does not write, say). */
    public ConfigException(Path file, int line, String key, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + key + ": " + message);
    }
}
