package org.optreport.report.performance;

/**
 * A target's verdict from one-sided 95% bounds rather than a point estimate: met when the bound on the favourable
 * side clears the target, missed when the bound on the other side fails it, inconclusive when the interval straddles
 * the target or there is no interval (a single replicate: the smoke setting's one in-process run).
 */
enum Verdict {
    MET("met"), MISSED("missed"), INCONCLUSIVE("inconclusive"), NOT_MEASURED(PerformanceStudy.NOT_MEASURED);

    private final String label;

    Verdict(String label) { this.label = label; }

    String label() { return label; }

    /** For "at most {@code target}": lower and upper are the one-sided 95% bounds (NaN: none). */
    static Verdict atMost(double lower, double upper, double target) {
        if (upper < target) return MET;
        if (lower > target) return MISSED;
        return INCONCLUSIVE;
    }

    /** For "at least {@code target}". */
    static Verdict atLeast(double lower, double upper, double target) {
        if (lower >= target) return MET;
        if (upper < target) return MISSED;
        return INCONCLUSIVE;
    }

    /** Every part must be met; any missed part misses; otherwise inconclusive. */
    Verdict and(Verdict other) {
        if (this == NOT_MEASURED || other == NOT_MEASURED) return NOT_MEASURED;
        if (this == MISSED || other == MISSED) return MISSED;
        if (this == INCONCLUSIVE || other == INCONCLUSIVE) return INCONCLUSIVE;
        return MET;
    }
}
