package org.optreport.experiment.settings;

/**
 * A text that is not a value of its {@link SettingType}. It carries only what is allowed: the caller knows the key
 * and the text, and words the error for its own input (an experiment parameter, a report.yaml setting).
 */
public class InvalidValueException extends IllegalArgumentException {
    private final String allowed;

    public InvalidValueException(String allowed) {
        super("expected " + allowed);
        this.allowed = allowed;
    }

    /** What is allowed, e.g. {@code an integer in [1, 64]}. */
    public String allowed() { return allowed; }
}
