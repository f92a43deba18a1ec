package org.optreport.site.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a claim holds, and why, in the claim's own terms with the numbers filled in:
 * "landscape.etaSharpnessMax = 5.3, not &lt; 2".
 *
 * @param reasons the comparisons that decided the outcome: the failing ones of a claim that fails, the holding ones of
 *                one that holds, the undecidable ones of one that cannot be decided
 */
public record Verdict(Outcome outcome, List<String> reasons) {
    /** At most this many reasons are written out; a quantifier over many members would otherwise fill the screen. */
    static final int SHOWN_REASONS = 6;

    public enum Outcome {
        HOLDS, FAILS,
        /** a number it compares is NaN: neither true nor false, so never taken as either */
        UNDECIDED
    }

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public boolean holds() { return outcome == Outcome.HOLDS; }

    /** The reasons on one line. */
    public String explanation() {
        if (reasons.size() <= SHOWN_REASONS) return String.join("; ", reasons);
        return String.join("; ", reasons.subList(0, SHOWN_REASONS)) + "; and " + (reasons.size() - SHOWN_REASONS) + " more";
    }

    Verdict negated() {
        return switch (outcome) {
            case HOLDS -> new Verdict(Outcome.FAILS, reasons);
            case FAILS -> new Verdict(Outcome.HOLDS, reasons);
            case UNDECIDED -> this;
        };
    }

    /** Holds if every part holds; the reasons are those of the parts that decide it. */
    static Verdict allOf(List<Verdict> parts) {
        if (has(parts, Outcome.UNDECIDED)) return only(parts, Outcome.UNDECIDED);
        return has(parts, Outcome.FAILS) ? only(parts, Outcome.FAILS) : only(parts, Outcome.HOLDS);
    }

    /** Holds if some part holds. */
    static Verdict anyOf(List<Verdict> parts) {
        if (has(parts, Outcome.UNDECIDED)) return only(parts, Outcome.UNDECIDED);
        return has(parts, Outcome.HOLDS) ? only(parts, Outcome.HOLDS) : only(parts, Outcome.FAILS);
    }

    private static boolean has(List<Verdict> parts, Outcome outcome) {
        return parts.stream().anyMatch(v -> v.outcome == outcome);
    }

    private static Verdict only(List<Verdict> parts, Outcome outcome) {
        List<String> reasons = new ArrayList<>();
        for (Verdict part : parts) if (part.outcome == outcome) reasons.addAll(part.reasons);
        return new Verdict(outcome, reasons);
    }
}
