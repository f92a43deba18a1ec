package org.optreport.site;

import java.util.Locale;

/**
 * What a build does with a claim that fails: stop, or render the page with the claim marked. The pages' claims are
 * about the report's own runs; a quick build runs a smaller regime (fewer samples, steps and widths) in which some of
 * them legitimately do not hold, so a quick build warns by default and a full build fails.
 */
public enum ClaimMode {
    FAIL, WARN;

    /** The mode when none is asked for: warn for a quick build, fail for the report's own. */
    public static ClaimMode defaultFor(boolean quick) { return quick ? WARN : FAIL; }

    /** "fail" or "warn", as the command line spells them. */
    public static ClaimMode of(String text) {
        for (ClaimMode mode : values()) if (mode.name().equalsIgnoreCase(text.strip())) return mode;
        throw new IllegalArgumentException("expected fail or warn, got '" + text + "'");
    }

    @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
}
