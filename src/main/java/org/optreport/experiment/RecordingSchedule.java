package org.optreport.experiment;

import java.util.TreeSet;

/** The steps at which a run records its state: 0, the last step, and points spread evenly on a log scale between. */
public final class RecordingSchedule {
    private RecordingSchedule() {}

    /** About {@code points} distinct steps in [0, steps], log-spaced (dense early, where curves change fastest). */
    public static int[] logSpaced(int steps, int points) {
        TreeSet<Integer> s = new TreeSet<>();
        s.add(0);
        s.add(steps);
        for (int k = 0; k < points; k++) s.add((int) Math.round(Math.pow(steps, (double) k / Math.max(1, points - 1))));
        return s.stream().filter(v -> v <= steps).mapToInt(Integer::intValue).toArray();
    }

    /** {@code points} evenly spaced steps in [0, steps] (for linear step axes). */
    public static int[] evenlySpaced(int steps, int points) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int k = 0; k < points; k++) s.add((int) Math.round((double) steps * k / Math.max(1, points - 1)));
        s.add(steps);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
