package org.optreport.report.study;

import java.nio.file.Path;
import org.optreport.errors.InputException;

/** An invalid value in the report configuration, naming the file and the key. */
public class ConfigException extends InputException {
    public ConfigException(Path file, String key, String message) {
        super(file + ": " + key + ": " + message);
    }
}
