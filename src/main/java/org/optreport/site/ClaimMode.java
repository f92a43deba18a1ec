package org.optreport.site;

import java.util.Locale;

/** What a build does with a claim that fails: stop (the default), or render the page with the claim marked. */
public enum ClaimMode {
    FAIL, WARN;

    /** "fail" or "warn", as the command line spells them. */
    public static ClaimMode of(String text) {
        for (ClaimMode mode : values()) if (mode.name().equalsIgnoreCase(text.strip())) return mode;
        throw new IllegalArgumentException("expected fail or warn, got '" + text + "'");
    }

    @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
}
