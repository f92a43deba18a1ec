package org.optreport.errors;

/**
 * A failure the user fixes by changing what they gave optreport: a parameter, the report configuration, a page or
 * template, a data file, an output path, a command-line option. The command line prints its message alone and exits
 * with 2, so the message must name the file, key or option and what is allowed. Every other exception that ends a
 * command is taken for a bug in optreport.
 *
 * <p>Abstract so that each kind of input has its own named subclass; this package depends on nothing, so every
 * package that checks input may throw one.
 */
public abstract class InputException extends RuntimeException {
    protected InputException(String message) { super(message); }

    protected InputException(String message, Throwable cause) { super(message, cause); }
}
