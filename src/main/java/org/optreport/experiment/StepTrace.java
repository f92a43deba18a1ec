package org.optreport.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.optreport.results.Trace;

/**
 * A scalar seen at every step of a run, kept as a faithful reduction rather than a sample. While the run is short
 * every step is kept; otherwise the steps 1..T are cut into log-spaced buckets and each bucket keeps its first, last,
 * smallest and largest value with their steps (the M4 reduction plotting libraries use), so that no peak or dip
 * between two kept points can vanish from a line chart. The extremes over all steps, and the steps at which they
 * occur, are exact. Non-finite values (a diverging run's last state) are kept as points but never as extremes.
 *
 * <p>{@link #add} allocates nothing: it is called once per gradient step.
 */
public final class StepTrace {
    /** The rule, as recorded in result files (docs/results-format.md). */
    public static final String RULE = "m4-log";

    private final int steps;
    private final int[] bucketStart;                   // first step of each bucket; bucket 0 holds step 0 alone
    private final int[] firstStep, lastStep, minStep, maxStep;
    private final double[] first, last, min, max;
    private final boolean[] used;
    private int bucket = -1;
    private int previousStep = -1;
    private double extremeMin = Double.POSITIVE_INFINITY, extremeMax = Double.NEGATIVE_INFINITY;
    private int extremeMinStep = -1, extremeMaxStep = -1;

    /** A trace of steps 0..{@code steps} in at most about {@code buckets} log-spaced buckets. */
    public StepTrace(int steps, int buckets) {
        if (steps < 0 || buckets < 1) throw new IllegalArgumentException("steps " + steps + ", buckets " + buckets);
        this.steps = steps;
        this.bucketStart = bucketStarts(steps, buckets);
        int n = bucketStart.length;
        firstStep = new int[n];
        lastStep = new int[n];
        minStep = new int[n];
        maxStep = new int[n];
        first = new double[n];
        last = new double[n];
        min = new double[n];
        max = new double[n];
        used = new boolean[n];
    }

    /**
     * Bucket starts: 0, then every step while 4 points per bucket would not save anything (steps at most 4 x buckets),
     * else 1 and log-spaced starts up to {@code steps}.
     */
    static int[] bucketStarts(int steps, int buckets) {
        if (steps <= 4L * buckets) {
            int[] all = new int[steps + 1];
            for (int t = 0; t <= steps; t++) all[t] = t;
            return all;
        }
        int[] starts = new int[buckets + 1];
        int n = 0;
        starts[n++] = 0;
        for (int k = 0; k < buckets; k++) {
            int s = (int) Math.round(Math.pow(steps, (double) k / buckets));
            if (s > starts[n - 1]) starts[n++] = s;
        }
        return Arrays.copyOf(starts, n);
    }

    /** The value at {@code step}; steps must increase and stay within 0..steps. */
    public void add(int step, double value) {
        if (step <= previousStep || step > steps) throw new IllegalArgumentException("step " + step + " after " + previousStep + " of " + steps);
        previousStep = step;
        boolean opened = false;
        while (bucket + 1 < bucketStart.length && bucketStart[bucket + 1] <= step) {
            bucket++;
            opened = true;
        }
        int b = bucket;
        if (opened) {
            used[b] = true;
            firstStep[b] = lastStep[b] = minStep[b] = maxStep[b] = step;
            first[b] = last[b] = min[b] = max[b] = value;
        } else {
            lastStep[b] = step;
            last[b] = value;
            if (value < min[b] || Double.isNaN(min[b])) { min[b] = value; minStep[b] = step; }
            if (value > max[b] || Double.isNaN(max[b])) { max[b] = value; maxStep[b] = step; }
        }
        if (Double.isFinite(value)) {
            if (value < extremeMin) { extremeMin = value; extremeMinStep = step; }
            if (value > extremeMax) { extremeMax = value; extremeMaxStep = step; }
        }
    }

    /** The smallest finite value seen (NaN if none). */
    public double min() { return extremeMinStep < 0 ? Double.NaN : extremeMin; }

    public double max() { return extremeMaxStep < 0 ? Double.NaN : extremeMax; }

    /** The first step at which {@link #min} was seen (-1 if none). */
    public int minStep() { return extremeMinStep; }

    public int maxStep() { return extremeMaxStep; }

    /**
     * The {@code trace} object of a result: the rule, the bucket count and each named trace (in the given order), so
     * every experiment writes its traces the same way (docs/results-format.md).
     */
    public static ObjectNode group(int buckets, java.util.Map<String, StepTrace> traces) {
        ObjectNode out = Json.object();
        out.put("rule", RULE);
        out.put("buckets", buckets);
        traces.forEach((name, trace) -> out.set(name, trace.toJson()));
        return out;
    }

    /** Name-trace pairs in the order given, for {@link #group}. */
    public static java.util.Map<String, StepTrace> named(Object... nameTracePairs) {
        java.util.Map<String, StepTrace> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameTracePairs.length; i += 2) out.put((String) nameTracePairs[i], (StepTrace) nameTracePairs[i + 1]);
        return out;
    }

    /** The trace as its result record (the same points and extremes as {@link #toJson}). */
    public Trace toRecord() {
        JsonNode json = toJson();
        int[] steps = new int[json.get("step").size()];
        for (int k = 0; k < steps.length; k++) steps[k] = json.get("step").get(k).asInt();
        return new Trace(steps, Json.doubles(json.get("value")), min(), minStep(), max(), maxStep());
    }

    /** The kept points in step order: every step, or per bucket its first, extremes and last without repeats. */
    public ObjectNode toJson() {
        ObjectNode out = Json.object();
        ArrayNode stepArray = out.putArray("step"), valueArray = out.putArray("value");
        for (int b = 0; b <= bucket; b++) {
            if (!used[b]) continue;
            int[] s = {firstStep[b], minStep[b], maxStep[b], lastStep[b]};
            double[] v = {first[b], min[b], max[b], last[b]};
            Integer[] order = {0, 1, 2, 3};
            Arrays.sort(order, (i, j) -> Integer.compare(s[i], s[j]));
            int written = -1;
            for (int i : order) {
                if (s[i] == written) continue;
                stepArray.add(s[i]);
                valueArray.add(v[i]);
                written = s[i];
            }
        }
        out.put("min", min());
        out.put("minStep", minStep());
        out.put("max", max());
        out.put("maxStep", maxStep());
        return out;
    }
}
