package org.optreport.report.trajectory;

import org.optreport.results.Trace;
import org.optreport.results.TrajectoryResult;

/**
 * One trajectory run as the figures and quoted values need it: the curves seen at every step (the traces, which keep
 * every bucket's extremes, so a peak between two records is drawn), the imbalance on the record schedule (the only
 * curve not traced), and the events found at every step, from which every quoted step count and extreme is read.
 */
record TrajectoryRun(TrajectoryResult result, Curve networkLoss, Curve networkExcess, Curve dynamicsExcess, Curve distance,
                     Curve imbalance) {

    /** Steps and the values at them, in step order. */
    record Curve(double[] step, double[] value) {
        double first() { return value[0]; }

        double last() { return value[value.length - 1]; }

        static Curve trace(Trace trace) {
            return new Curve(steps(trace.step()), trace.value());
        }
    }

    static TrajectoryRun of(TrajectoryResult r) {
        TrajectoryResult.Traces trace = r.trace();
        return new TrajectoryRun(r, Curve.trace(trace.networkLoss()), Curve.trace(trace.networkExcess()),
                Curve.trace(trace.dynamicsExcess()), Curve.trace(trace.distance()),
                new Curve(steps(r.series().step()), r.series().imbalance()));
    }

    /** Steps as chart coordinates. */
    private static double[] steps(int[] steps) {
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) out[i] = steps[i];
        return out;
    }

    boolean diverged() { return result.diverged(); }

    /**
     * Whether the network's own loss diverged. A run stops when either loss does; the result names which one first
     * ("network", "dynamics" or "network and dynamics", then the reason), so a run stopped because only the end-to-end
     * dynamics diverged did not see its network diverge.
     */
    boolean networkDiverged() { return result.diverged() && !result.divergence().startsWith("dynamics:"); }

    /** The recorded steps. */
    int[] recordedSteps() { return result.series().step(); }

    /** The network's excess loss L - L* at each recorded step (exact values at those steps). */
    double[] recordedNetworkExcess() { return excess(result.series().networkLoss()); }

    double[] recordedDynamicsExcess() { return excess(result.series().dynamicsLoss()); }

    private double[] excess(double[] loss) {
        double[] out = new double[loss.length];
        for (int i = 0; i < loss.length; i++) out[i] = loss[i] - result.optimalLoss();
        return out;
    }

    /** The index of the first recorded step at or after {@code step}; the last record if none. */
    int recordIndexFrom(double step) {
        int[] steps = recordedSteps();
        for (int i = 0; i < steps.length; i++) if (steps[i] >= step) return i;
        return steps.length - 1;
    }

    /**
     * The plateau before the escape, relative to the escape: the last recorded step before the first record at which
     * the network's excess loss is below 90% of its initial value, over the step at which it halves. Above 0.5, the
     * excess loss stays within 10% of its start (at every record) for more than half of the steps to its halving.
     * NaN if it never halves.
     */
    double plateauShare() {
        int halfway = networkHalfwayStep();
        if (halfway <= 0) return Double.NaN;
        int first = firstRecordBelow(0.9);
        return first <= 0 ? Double.NaN : recordedSteps()[first - 1] / (double) halfway;
    }

    /**
     * The first recorded step at which the network's excess loss is below 90% of its initial value: the escape has
     * started by then (the 10% point lies at or before it). -1 if never.
     */
    int escapeStartRecord() {
        int first = firstRecordBelow(0.9);
        return first < 0 ? -1 : recordedSteps()[first];
    }

    /**
     * The last recorded step at which the network's excess loss is still above 10% of its initial value: the escape
     * has not ended by then (the 90% point lies after it). Between the two records the run is certainly escaping.
     */
    int escapeEndRecord() {
        double[] excess = recordedNetworkExcess();
        for (int i = excess.length - 1; i >= 0; i--) if (excess[i] > 0.1 * excess[0]) return recordedSteps()[i];
        return -1;
    }

    private int firstRecordBelow(double fraction) {
        double[] excess = recordedNetworkExcess();
        for (int i = 0; i < excess.length; i++) if (excess[i] < fraction * excess[0]) return i;
        return -1;
    }

    /** The relative gap |net - e2e| / e2e between the two excess losses at each recorded step. */
    double[] recordedLossGaps() {
        double[] net = recordedNetworkExcess(), dyn = recordedDynamicsExcess(), gap = new double[net.length];
        for (int i = 0; i < net.length; i++) gap[i] = Math.abs(net[i] - dyn[i]) / dyn[i];
        return gap;
    }

    /** The largest relative gap |net - e2e| / e2e between the two excess losses over the recorded steps. */
    double recordedLossGap() {
        double gap = 0;
        for (double g : recordedLossGaps()) gap = Math.max(gap, g);
        return gap;
    }

    /**
     * The recorded step from which the loss gap rises at every record to the last one: the start of the final rising
     * stretch (the last recorded step if the gap did not rise into it).
     */
    int lossGapRisingFromStep() {
        double[] gap = recordedLossGaps();
        int i = gap.length - 1;
        while (i > 0 && gap[i - 1] < gap[i]) i--;
        return recordedSteps()[i];
    }

    /**
     * The network's linear rate over the second half of the run, in decades of excess loss per 1,000 steps: from the
     * first record at or after half the steps to the last record.
     */
    double lateDecadesPerThousandSteps() {
        int[] steps = recordedSteps();
        double[] excess = recordedNetworkExcess();
        int from = recordIndexFrom(result.steps() / 2.0), to = steps.length - 1;
        return (Math.log10(excess[from]) - Math.log10(excess[to])) / (steps[to] - steps[from]) * 1000;
    }

    /** The largest relative change of the imbalance over the recorded steps, against its initial value. */
    double imbalanceDrift() {
        double[] v = imbalance().value();
        double drift = 0;
        for (double x : v) drift = Math.max(drift, Math.abs(x - v[0]) / v[0]);
        return drift;
    }

    double optimalLoss() { return result.optimalLoss(); }

    /**
     * The largest distance, over the recorded network iterates, to the nearest point of the end-to-end dynamics' path
     * (the polygon through its recorded matrices): the distance that a path followed with a delay does not count.
     */
    double largestDistanceToDynamicsPath() {
        return TrajectoryPaths.largestDistanceToPath(result.series().networkEndToEnd(), result.series().dynamicsEndToEnd());
    }

    /** The largest distance between the two end-to-end matrices over every step. */
    double maxDistance() { return result.events().maxDistance(); }

    /** The first step at which it is largest. */
    int maxDistanceStep() { return result.events().maxDistanceStep(); }

    /** The first step at which the network's loss is halfway from its start to L*; -1 if never. */
    int networkHalfwayStep() { return stepOrNever(result.events().networkHalfwayStep()); }

    int dynamicsHalfwayStep() { return stepOrNever(result.events().dynamicsHalfwayStep()); }

    /** The step from which the network's excess loss stays at or below {@code target} to the end; -1 if it does not. */
    int networkSettledStep(double target) { return settledStep(result.events().networkExcessSettledStep(), target); }

    int dynamicsSettledStep(double target) { return settledStep(result.events().dynamicsExcessSettledStep(), target); }

    /** The run found its settled steps for its own excessTarget parameter; reading them for another would be wrong. */
    private int settledStep(Integer step, double target) {
        double runTarget = result.events().excessTarget();
        if (runTarget != target)
            throw new IllegalStateException("the run's events are for the excess target " + runTarget + ", not " + target);
        return stepOrNever(step);
    }

    private static int stepOrNever(Integer step) {
        return step == null ? -1 : step;
    }
}
