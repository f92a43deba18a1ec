package org.optreport.site.markdown;

import org.optreport.site.claims.Claim;

/**
 * A claim on a page, checked once the studies have run.
 *
 * @param kind  how it was written
 * @param claim the parsed claim; its text is the claim as written
 * @param line  1-based line in the original file where it starts
 * @param guard for a claim inside {@code {{if}}…{{else}}…{{end}}}: the condition and the branch it is in (the page
 *              shows it, and so promises it, only when the condition picks that branch); null elsewhere
 */
public record ClaimUse(Kind kind, Claim claim, int line, Guard guard) {
    /** The wording a claim sits in: shown when {@code condition} holds ({@code whenTrue}) or does not. */
    public record Guard(ClaimUse condition, boolean whenTrue) {}

    public ClaimUse(Kind kind, Claim claim, int line) { this(kind, claim, line, null); }

    public enum Kind {
        /** {@code {{claim ...}}}: a discreet mark in the sentence */
        INLINE,
        /** {@code ::: claim ...} around prose */
        BLOCK,
        /** {@code {{if ...}}}: not a promise, it picks the wording; only a condition that cannot be decided fails */
        CONDITION
    }

    public String text() { return claim.text(); }
}
