package org.optreport.experiment;

/**
 * When a scalar seen at every step of a run crosses a fixed level: the first step at which it is at or below the
 * level, and the step from which it stays there. Both are exact because every step is seen, unlike a scan of
 * recorded steps, which can only say "between two records". A NaN value counts as above every level.
 *
 * <p>{@link #add} allocates nothing: it is called once per gradient step.
 */
public final class LevelCrossings {
    private final double level;
    private int firstAtOrBelow = -1, lastAbove = -1, lastStep = -1;

    public LevelCrossings(double level) { this.level = level; }

    public double level() { return level; }

    /** The value at {@code step}; steps must increase. */
    public void add(int step, double value) {
        if (step <= lastStep) throw new IllegalArgumentException("step " + step + " after " + lastStep);
        lastStep = step;
        if (value <= level) {
            if (firstAtOrBelow < 0) firstAtOrBelow = step;
        } else {
            lastAbove = step; // also for NaN: "not at or below"
        }
    }

    /** The first step at which the value was at or below the level; -1 if never. */
    public int firstStepAtOrBelow() { return firstAtOrBelow; }

    /**
     * The step from which the value stays at or below the level up to the last step seen: one more than the last
     * step above it, 0 if it never was above; -1 if the last value seen is above it (or nothing was seen).
     */
    public int stepFromWhichAtOrBelow() {
        if (lastStep < 0 || lastAbove == lastStep) return -1;
        return lastAbove + 1;
    }
}
