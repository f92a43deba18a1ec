package org.optreport.site.claims;

/** A claim names a number (or a family with no member) that the report does not have. */
public final class UnknownNumberException extends RuntimeException {
    private final String name;

    UnknownNumberException(String name, String message) {
        super(message);
        this.name = name;
    }

    static UnknownNumberException named(String name) {
        return new UnknownNumberException(name, "no number named '" + name + "'");
    }

    /** The name or family pattern that was not found. */
    public String name() { return name; }
}
