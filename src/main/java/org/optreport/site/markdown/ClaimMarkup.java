package org.optreport.site.markdown;

import org.optreport.site.claims.Verdict;

/**
 * The HTML of checked claims. A claim that holds carries class "claim", the claim as written in data-claim and its
 * values in the title (an inline one shows a discreet ✓); one that failed, which only a {@code --claims=warn} build
 * renders, adds class "claim-failed", which the stylesheet shows as a warning.
 */
final class ClaimMarkup {
    private ClaimMarkup() {}

    /** {@code {{claim ...}}}: the mark in the sentence. */
    static String mark(ClaimUse use, Verdict verdict) {
        return "<span" + attributes(use, verdict) + ">" + (verdict.holds() ? "✓" : "⚠") + "</span>";
    }

    /** The opening of a {@code ::: claim} block; a failed one starts with the failure in words. */
    static String blockStart(ClaimUse use, Verdict verdict) {
        String start = "<div" + attributes(use, verdict) + ">";
        if (verdict.holds()) return start;
        return start + "\n<p class=\"claim-failure\">" + Html.escape(failure(use, verdict)) + "</p>";
    }

    static String blockEnd() { return "</div>"; }

    /** Around the wording a {@code {{if}}} fell back on because its condition could not be decided. */
    static String undecidedStart(ClaimUse use, Verdict verdict) {
        return "<span" + attributes(use, verdict) + ">";
    }

    static String undecidedEnd() { return "</span>"; }

    private static String attributes(ClaimUse use, Verdict verdict) {
        String title = verdict.holds() ? "Checked when the report was built: " + verdict.explanation() : failure(use, verdict);
        return " class=\"claim" + (verdict.holds() ? "" : " claim-failed") + "\" data-claim=\"" + Html.escape(use.text())
                + "\" title=\"" + Html.escape(title) + "\"";
    }

    private static String failure(ClaimUse use, Verdict verdict) {
        return "Claim failed: " + use.text() + " (" + verdict.explanation() + ")";
    }
}
