package org.optreport.experiment;

import org.optreport.results.UltrawideResult.Traces;

/**
 * The scalars an ultrawide run computes at every step anyway (the losses of the network and of the two kernel
 * dynamics, the network's distance to the H* dynamics and its split into initialization error and drift), each kept
 * as a {@link StepTrace}, so that curves and quoted extremes do not depend on the recording schedule
 * (docs/results-format.md, {@code trace}). {@link #add} allocates nothing: it is called once per gradient step.
 */
final class UltrawideTraces {
    private final int buckets;
    private final StepTrace networkLoss, kernelLoss, distance, initialKernelLoss, initializationGap, driftGap;

    UltrawideTraces(int steps, int buckets) {
        this.buckets = buckets;
        networkLoss = new StepTrace(steps, buckets);
        kernelLoss = new StepTrace(steps, buckets);
        distance = new StepTrace(steps, buckets);
        initialKernelLoss = new StepTrace(steps, buckets);
        initializationGap = new StepTrace(steps, buckets);
        driftGap = new StepTrace(steps, buckets);
    }

    void add(int step, double networkLossValue, double kernelLossValue, double distanceValue) {
        networkLoss.add(step, networkLossValue);
        kernelLoss.add(step, kernelLossValue);
        distance.add(step, distanceValue);
    }

    /** The H(0) dynamics' loss, ||u_H(0) - u_H*|| and ||u_net - u_H(0)|| at the same step. */
    void addSplit(int step, double initialKernelLossValue, double initializationGapValue, double driftGapValue) {
        initialKernelLoss.add(step, initialKernelLossValue);
        initializationGap.add(step, initializationGapValue);
        driftGap.add(step, driftGapValue);
    }

    Traces toRecord() {
        return new Traces(StepTrace.RULE, buckets, networkLoss.toRecord(), kernelLoss.toRecord(), distance.toRecord(),
                initialKernelLoss.toRecord(), initializationGap.toRecord(), driftGap.toRecord());
    }
}
