package org.optreport.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** The network-kernel distance over every step added: its largest value and the first step reaching it. */
    StepTrace distance() { return distance; }

    ObjectNode toJson() {
        return StepTrace.group(buckets, StepTrace.named("networkLoss", networkLoss, "kernelLoss", kernelLoss, "distance", distance));
    }
}
