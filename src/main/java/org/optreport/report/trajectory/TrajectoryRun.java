package org.optreport.report.trajectory;

import com.fasterxml.jackson.databind.JsonNode;
import org.optreport.experiment.Json;

/**
 * One trajectory run as the figures and quoted values need it: the curves seen at every step (the traces, which keep
 * every bucket's extremes, so a peak between two records is drawn), the imbalance on the record schedule (the only
 * curve not traced), and the events found at every step, from which every quoted step count and extreme is read.
 */
record TrajectoryRun(JsonNode json, Curve networkLoss, Curve networkExcess, Curve dynamicsExcess, Curve distance,
                     Curve imbalance, JsonNode events, double optimalLoss, boolean diverged) {

    /** Steps and the values at them, in step order. */
    record Curve(double[] step, double[] value) {
        double first() { return value[0]; }

        double last() { return value[value.length - 1]; }

        static Curve trace(JsonNode trace) {
            return new Curve(Json.doubles(trace.get("step")), Json.doubles(trace.get("value")));
        }
    }

    static TrajectoryRun of(JsonNode r) {
        JsonNode trace = r.get("trace"), series = r.get("series");
        return new TrajectoryRun(r, Curve.trace(trace.get("networkLoss")), Curve.trace(trace.get("networkExcess")),
                Curve.trace(trace.get("dynamicsExcess")), Curve.trace(trace.get("distance")),
                new Curve(Json.doubles(series.get("step")), Json.doubles(series.get("imbalance"))),
                r.get("events"), r.get("optimalLoss").asDouble(), r.path("diverged").asBoolean(false));
    }

    /** The largest distance between the two end-to-end matrices over every step. */
    double maxDistance() { return events.get("maxDistance").asDouble(); }

    /** The first step at which it is largest. */
    long maxDistanceStep() { return events.get("maxDistanceStep").asLong(); }

    /** The first step at which the network's loss is halfway from its start to L*; -1 if never. */
    long networkHalfwayStep() { return step("networkHalfwayStep"); }

    long dynamicsHalfwayStep() { return step("dynamicsHalfwayStep"); }

    /** The step from which the network's excess loss stays at or below {@code target} to the end; -1 if it does not. */
    int networkSettledStep(double target) { return (int) settledStep("networkExcessSettledStep", target); }

    int dynamicsSettledStep(double target) { return (int) settledStep("dynamicsExcessSettledStep", target); }

    /** The run found its settled steps for its own excessTarget parameter; reading them for another would be wrong. */
    private long settledStep(String key, double target) {
        double runTarget = events.get("excessTarget").asDouble();
        if (runTarget != target)
            throw new IllegalStateException("the run's events are for the excess target " + runTarget + ", not " + target);
        return step(key);
    }

    private long step(String key) {
        JsonNode v = events.get(key);
        return v == null || v.isNull() ? -1 : v.asLong();
    }
}
