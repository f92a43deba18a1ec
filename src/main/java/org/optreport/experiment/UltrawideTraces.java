package org.optreport.experiment;

import org.optreport.results.UltrawideResult.Traces;

/**
 * The scalars an ultrawide run computes at every step anyway (network loss, kernel loss, network-kernel distance),
 * each kept as a {@link StepTrace}, so that curves and quoted extremes do not depend on the recording schedule
 * (docs/results-format.md, {@code trace}). {@link #add} allocates nothing: it is called once per gradient step.
 */
final class UltrawideTraces {
    private final int buckets;
    private final StepTrace networkLoss, kernelLoss, distance;

    UltrawideTraces(int steps, int buckets) {
        this.buckets = buckets;
        networkLoss = new StepTrace(steps, buckets);
        kernelLoss = new StepTrace(steps, buckets);
        distance = new StepTrace(steps, buckets);
    }

    void add(int step, double networkLossValue, double kernelLossValue, double distanceValue) {
        networkLoss.add(step, networkLossValue);
        kernelLoss.add(step, kernelLossValue);
        distance.add(step, distanceValue);
    }

    Traces toRecord() {
        return new Traces(StepTrace.RULE, buckets, networkLoss.toRecord(), kernelLoss.toRecord(), distance.toRecord());
    }
}
