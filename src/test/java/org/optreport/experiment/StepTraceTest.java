package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepTraceTest {
    /** A noisy curve with a narrow spike and a narrow dip, the events a log-spaced sample misses. */
    private static double[] curve(int steps) {
        Random r = new Random(7);
        double[] v = new double[steps + 1];
        for (int t = 0; t <= steps; t++) v[t] = Math.exp(-t / 3000.0) + 0.01 * r.nextGaussian();
        if (steps > 17_777) {
            v[4_321] += 5;
            v[17_777] -= 3;
        }
        return v;
    }

    private static StepTrace trace(double[] v, int buckets) {
        StepTrace trace = new StepTrace(v.length - 1, buckets);
        for (int t = 0; t < v.length; t++) trace.add(t, v[t]);
        return trace;
    }

    @Test void extremesAreExactOverEveryStep() {
        double[] v = curve(20_000);
        StepTrace trace = trace(v, 100);
        int argMin = 0, argMax = 0;
        for (int t = 1; t < v.length; t++) {
            if (v[t] < v[argMin]) argMin = t;
            if (v[t] > v[argMax]) argMax = t;
        }
        assertEquals(v[argMax], trace.max());
        assertEquals(argMax, trace.maxStep());
        assertEquals(v[argMin], trace.min());
        assertEquals(argMin, trace.minStep());
    }

    /** Between any two kept points the curve stays inside the range of the bucket's kept values (M4). */
    @Test void everyBucketKeepsItsOwnExtremes() {
        double[] v = curve(20_000);
        ObjectNode json = trace(v, 100).toJson();
        double[] steps = Json.doubles(json.get("step")), values = Json.doubles(json.get("value"));
        assertTrue(steps.length <= 4 * 101 && steps.length > 200, "about 4 points per bucket, got " + steps.length);
        int[] starts = StepTrace.bucketStarts(20_000, 100);
        for (int b = 0; b < starts.length; b++) {
            int from = starts[b], to = b + 1 < starts.length ? starts[b + 1] - 1 : 20_000;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, keptLo = lo, keptHi = hi;
            for (int t = from; t <= to; t++) { lo = Math.min(lo, v[t]); hi = Math.max(hi, v[t]); }
            for (int i = 0; i < steps.length; i++)
                if (steps[i] >= from && steps[i] <= to) { keptLo = Math.min(keptLo, values[i]); keptHi = Math.max(keptHi, values[i]); }
            assertEquals(lo, keptLo, "bucket " + from + ".." + to);
            assertEquals(hi, keptHi, "bucket " + from + ".." + to);
        }
        for (int i = 1; i < steps.length; i++) assertTrue(steps[i] > steps[i - 1], "steps increase");
        for (int i = 0; i < steps.length; i++) assertEquals(v[(int) steps[i]], values[i], "kept values are the step's own");
    }

    @Test void aShortRunKeepsEveryStep() {
        double[] v = curve(300);
        ObjectNode json = trace(v, 100).toJson();
        assertEquals(301, json.get("step").size());
        assertEquals(v[123], json.get("value").get(123).asDouble());
    }

    @Test void nonFiniteValuesAreKeptButAreNoExtremes() {
        StepTrace trace = new StepTrace(10, 100);
        for (int t = 0; t <= 9; t++) trace.add(t, t);
        trace.add(10, Double.NaN);
        assertEquals(9, trace.max());
        assertEquals(9, trace.maxStep());
        assertEquals(11, trace.toJson().get("step").size());
    }
}
