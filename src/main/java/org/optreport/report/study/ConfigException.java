package org.optreport.report.study;

import java.nio.file.Path;

/** An invalid value in the report configuration, naming the file and the key. */
public class ConfigException extends RuntimeException {
    public ConfigException(Path file, String key, String message) {
        super(file + ": " + key + ": " + message);
    }
}
