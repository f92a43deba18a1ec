package org.optreport.report.acceleration;

import java.util.Arrays;
import java.util.List;
import org.optreport.report.stats.Median;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Search;
import org.optreport.results.StableStepResult.Trial;

/**
 * One loss and depth over its seeds: per seed (index = seed - 1) the largest converging step of the network and of the
 * end-to-end dynamics, the exact steps to the target there, what the dynamics did at the network's step, and the
 * network's state at the end of that run, and the network's steps to the target at the dynamics' step. NaN where a search found no converging step.
 */
record CellSummary(AccelerationPlan.Cell cell, double stepLimit, double preconditionedMax, double[] networkStep,
                   double[] dynamicsStep, double[] networkSteps, double[] dynamicsSteps, String[] dynamicsAtNetworkStep,
                   double[] dynamicsExcessAtNetworkStep, double[] networkImbalance, double[] networkSharpness,
                   double[] networkStepsAtDynamicsStep, double[] networkImbalanceAtDynamicsStep, double[] networkFewestSteps,
                   double[] dynamicsFewestSteps,
                   double largestBracket, int failuresBetween, int openBrackets, int trials, int converged, int bounded,
                   int diverged, int undecided, int networkUndecidedAbove) {

    static CellSummary of(AccelerationPlan.Cell cell, List<StableStepResult> bySeed) {
        int n = bySeed.size();
        double[] networkStep = new double[n], dynamicsStep = new double[n], networkSteps = new double[n], dynamicsSteps = new double[n],
                dynamicsExcess = new double[n], imbalance = new double[n], sharpness = new double[n],
                networkAtDynamics = new double[n], imbalanceAtDynamics = new double[n], networkFewest = new double[n],
                dynamicsFewest = new double[n];
        String[] dynamicsOutcome = new String[n];
        double limit = bySeed.get(0).stability().stepLimit(), preconditioned = bySeed.get(0).stability().preconditionedMax();
        double largestBracket = 0;
        int failures = 0, open = 0, trials = 0, converged = 0, bounded = 0, diverged = 0, undecided = 0, undecidedAbove = 0;
        for (int s = 0; s < n; s++) {
            StableStepResult r = bySeed.get(s);
            if (r.stability().stepLimit() != limit)
                throw new IllegalStateException("the linearised limit depends on the seed: " + r.stability().stepLimit() + " and " + limit);
            Trial net = at(r.network()), dyn = at(r.dynamics());
            networkStep[s] = net == null ? Double.NaN : net.step();
            dynamicsStep[s] = dyn == null ? Double.NaN : dyn.step();
            networkSteps[s] = net == null ? Double.NaN : net.settledStep();
            dynamicsSteps[s] = dyn == null ? Double.NaN : dyn.settledStep();
            imbalance[s] = net == null ? Double.NaN : net.finalImbalance();
            sharpness[s] = net == null || net.finalSharpness() == null ? Double.NaN : net.finalSharpness();
            Trial dynAtNet = net == null ? null : r.dynamicsAtNetworkSteps().get(r.network().trials().indexOf(net));
            dynamicsOutcome[s] = dynAtNet == null ? "none" : dynAtNet.outcome();
            dynamicsExcess[s] = dynAtNet == null || dynAtNet.finalExcess() == null ? Double.NaN : dynAtNet.finalExcess();
            Trial netAtDyn = r.networkAtDynamicsStep();
            networkAtDynamics[s] = netAtDyn == null || netAtDyn.settledStep() == null ? Double.NaN : netAtDyn.settledStep();
            imbalanceAtDynamics[s] = netAtDyn == null || netAtDyn.finalImbalance() == null ? Double.NaN : netAtDyn.finalImbalance();
            networkFewest[s] = fewestSteps(r.network());
            dynamicsFewest[s] = fewestSteps(r.dynamics());
            Trial upper = GridSummary.upper(r.network());
            if (upper != null && upper.outcome().equals(StableStepResult.UNDECIDED)) undecidedAbove++;
            for (Search search : List.of(r.network(), r.dynamics())) {
                failures += search.failuresBetween();
                if (search.largestConverged() == null || search.smallestFailedAbove() == null) open++;
                else largestBracket = Math.max(largestBracket, search.smallestFailedAbove() / search.largestConverged() - 1);
                for (Trial t : search.trials()) {
                    trials++;
                    switch (t.outcome()) {
                        case StableStepResult.CONVERGED -> converged++;
                        case StableStepResult.BOUNDED -> bounded++;
                        case StableStepResult.UNDECIDED -> undecided++;
                        default -> diverged++;
                    }
                }
            }
        }
        return new CellSummary(cell, limit, preconditioned, networkStep, dynamicsStep, networkSteps, dynamicsSteps, dynamicsOutcome,
                dynamicsExcess, imbalance, sharpness, networkAtDynamics, imbalanceAtDynamics, networkFewest,
                dynamicsFewest, largestBracket, failures, open, trials, converged, bounded, diverged, undecided, undecidedAbove);
    }

    /** The search's trial at its largest converging step, or null if nothing converged. */
    static Trial at(Search search) {
        if (search.largestConverged() == null) return null;
        return search.trials().stream().filter(t -> t.step() == search.largestConverged()).findFirst().orElseThrow();
    }

    /**
     * The fewest steps to the target over every converged step the search tried: near the largest converging step the
     * slowest-decaying mode contracts by |1 - eta lambda| close to 1 per step, so that step is rarely the fastest one.
     */
    static double fewestSteps(Search search) {
        return search.trials().stream().filter(t -> t.settledStep() != null).mapToDouble(Trial::settledStep).min().orElse(Double.NaN);
    }

    /** Seeds at whose network step the dynamics had this outcome. */
    int dynamicsAtNetworkStep(String outcome) {
        return (int) Arrays.stream(dynamicsAtNetworkStep).filter(outcome::equals).count();
    }

    /** eta * lambda_max of the network's Hessian at the end of the run at its largest converging step, per seed. */
    double[] networkSharpnessTimesStep() {
        double[] out = new double[networkStep.length];
        for (int s = 0; s < out.length; s++) out[s] = networkStep[s] * networkSharpness[s];
        return out;
    }

    static double median(double[] v) { return Arrays.stream(v).anyMatch(Double::isNaN) ? Double.NaN : Median.median(v); }

    static double min(double[] v) { return Arrays.stream(v).min().orElse(Double.NaN); }

    static double max(double[] v) { return Arrays.stream(v).max().orElse(Double.NaN); }
}
