package org.optreport.experiment;

import org.optreport.errors.InputException;

/** A bad experiment parameter: names the key, the value and what is allowed. */
public class ParameterException extends InputException {
    public ParameterException(String message) { super(message); }

    public static ParameterException invalid(String key, String value, String allowed) {
        return new ParameterException("parameter " + key + "=" + value + " is not allowed: expected " + allowed);
    }
}
