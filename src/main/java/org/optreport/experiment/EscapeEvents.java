package org.optreport.experiment;

/**
 * The first steps at which the loss has covered 10%, 50% and 90% of its way from its start L(0) to the optimum L*,
 * checked at every step: the escape from the saddle at the origin starts, is half done, and ends. The 50% step is
 * what the pages call the escape step; [10%, 90%] is the escape interval.
 */
final class EscapeEvents {
    static final double[] FRACTIONS = {0.1, 0.5, 0.9};

    private final double start, optimum;
    private final int[] first = {-1, -1, -1};

    EscapeEvents(double start, double optimum) {
        this.start = start;
        this.optimum = optimum;
    }

    void observe(int step, double loss) {
        for (int k = 0; k < FRACTIONS.length; k++)
            if (first[k] < 0 && loss <= start - FRACTIONS[k] * (start - optimum)) first[k] = step;
    }

    int escapeStart() { return first[0]; }

    int escapeStep() { return first[1]; }

    int escapeEnd() { return first[2]; }
}
