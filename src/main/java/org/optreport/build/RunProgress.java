package org.optreport.build;

import java.util.Locale;

/**
 * One progress line for the runs of a build instead of a line per run: how many are done (computed, reused,
 * diverged) of how many, and the time left, from the runs' own cost estimates scaled by how long the computed ones
 * really took. Printed at most every {@link #EVERY_SECONDS} and when the last run is done. Thread-safe.
 */
final class RunProgress {
    static final double EVERY_SECONDS = 5;

    private final BuildLog log;
    private final int total;
    private final int jobs;
    private final double estimatedSeconds;
    private int computed, reused, diverged;
    private double estimatedDone, computingSeconds;
    private double lastPrinted = Double.NEGATIVE_INFINITY;

    /** {@code estimatedSeconds}: the cost estimates of the runs that will be computed, summed. */
    RunProgress(BuildLog log, int total, int jobs, double estimatedSeconds) {
        this.log = log;
        this.total = total;
        this.jobs = Math.max(1, jobs);
        this.estimatedSeconds = estimatedSeconds;
    }

    synchronized void reused(boolean divergedRun) {
        reused++;
        if (divergedRun) diverged++;
        report();
    }

    /** {@code seconds}: how long the run took; {@code estimate}: what its cost estimate said. */
    synchronized void computed(boolean divergedRun, double seconds, double estimate) {
        computed++;
        if (divergedRun) diverged++;
        estimatedDone += estimate;
        computingSeconds += seconds;
        report();
    }

    synchronized int computedCount() { return computed; }

    synchronized int reusedCount() { return reused; }

    synchronized int divergedCount() { return diverged; }

    private void report() {
        int done = computed + reused;
        double now = log.seconds();
        if (done < total && now - lastPrinted < EVERY_SECONDS) return;
        lastPrinted = now;
        log.info("runs", line(done));
    }

    String line(int done) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d/%d done (%d computed, %d reused%s)", done, total,
                computed, reused, diverged == 0 ? "" : ", " + diverged + " diverged"));
        if (done < total && estimatedDone > 0) {
            // the estimates are rough but proportional: scale the remaining estimate by what the done part really took
            double left = (estimatedSeconds - estimatedDone) * computingSeconds / estimatedDone / jobs;
            s.append(", ").append(remaining(left));
        }
        return s.toString();
    }

    /** "about 3 min left", "about 40 s left", "under 10 s left". */
    static String remaining(double seconds) {
        if (seconds < 10) return "under 10 s left";
        if (seconds < 120) return String.format(Locale.ROOT, "about %d s left", Math.round(seconds / 10) * 10);
        return String.format(Locale.ROOT, "about %d min left", Math.round(seconds / 60));
    }
}
