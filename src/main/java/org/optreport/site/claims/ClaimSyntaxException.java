package org.optreport.site.claims;

/** A claim that cannot be parsed; the message says what was expected and at which column of the claim. */
public final class ClaimSyntaxException extends RuntimeException {
    private final int column;

    ClaimSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** 1-based column in the claim's text. */
    public int column() { return column; }
}
