package org.optreport.build;

import org.optreport.errors.InputException;

/** A merge that cannot be done as asked: a missing folder, or two different results for one run (named). Nothing was written. */
public final class CacheMergeException extends InputException {
    public CacheMergeException(String message) { super(message); }
}
