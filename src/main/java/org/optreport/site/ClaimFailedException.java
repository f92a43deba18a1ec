package org.optreport.site;

import java.nio.file.Path;
import org.optreport.errors.ContentException;

/** A claim in the prose that the numbers contradict: the page and line, the claim as written and the values. */
public final class ClaimFailedException extends ContentException {
    public ClaimFailedException(Path page, int line, String message) {
        super(page, line, message);
    }
}
