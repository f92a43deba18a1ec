package org.optreport.results;

/**
 * A result document that does not match its record: a field the record does not declare, a null where a number is
 * required, or another schema. Results are written by this code, so a mismatch is a bug (or a file from another
 * version), never a user's input error.
 */
public final class ResultFormatException extends RuntimeException {
    public ResultFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
