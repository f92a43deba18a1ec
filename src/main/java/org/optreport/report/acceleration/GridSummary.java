package org.optreport.report.acceleration;

import java.util.List;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Trial;

/**
 * One loss and depth, seed 1: the network and the end-to-end dynamics on the common grid of step sizes (exact steps to
 * the target where the run converged, else NaN; on l4 the largest eta * lambda_max(P_W grad^2 l(W)) along the run and its
 * step, NaN where not measured), and the largest converging steps of the searches at twice the budget beside those at
 * the budget.
 */
record GridSummary(double[] eta, double[] networkSteps, double[] dynamicsSteps, String[] networkOutcome, String[] dynamicsOutcome,
                   double[] networkPeak, double[] networkPeakStep, double[] dynamicsPeak, double[] dynamicsPeakStep,
                   double[] dynamicsEndStep, double[] networkDivergedAt, double networkStep, double dynamicsStep,
                   double networkStepDoubled, double dynamicsStepDoubled, String networkUpperOutcome, String networkUpperOutcomeDoubled,
                   double networkStepsDoubled) {

    static GridSummary of(StableStepResult seed1, StableStepResult doubled) {
        int n = seed1.networkGrid().size();
        double[] eta = new double[n], ns = new double[n], ds = new double[n], np = new double[n], nps = new double[n], dp = new double[n],
                dps = new double[n], dEnd = new double[n], nDiv = new double[n];
        String[] no = new String[n], dno = new String[n];
        for (int i = 0; i < n; i++) {
            Trial net = seed1.networkGrid().get(i), dyn = seed1.dynamicsGrid().get(i);
            eta[i] = net.step();
            ns[i] = steps(net);
            ds[i] = steps(dyn);
            no[i] = net.outcome();
            dno[i] = dyn.outcome();
            np[i] = orNaN(net.peakSharpness());
            nps[i] = orNaN(net.peakSharpnessStep());
            dp[i] = orNaN(dyn.peakSharpness());
            dps[i] = orNaN(dyn.peakSharpnessStep());
            dEnd[i] = orNaN(dyn.endStep());
            nDiv[i] = orNaN(net.divergedAtStep());
        }
        Trial upper = upper(seed1.network()), upperDoubled = upper(doubled.network());
        Trial atDoubled = CellSummary.at(doubled.network());
        return new GridSummary(eta, ns, ds, no, dno, np, nps, dp, dps, dEnd, nDiv, orNaN(seed1.network().largestConverged()),
                orNaN(seed1.dynamics().largestConverged()), orNaN(doubled.network().largestConverged()),
                orNaN(doubled.dynamics().largestConverged()), upper == null ? "none" : upper.outcome(),
                upperDoubled == null ? "none" : upperDoubled.outcome(), atDoubled == null ? Double.NaN : atDoubled.settledStep());
    }

    /** The search's trial at the bracket's upper end, or null. */
    static Trial upper(StableStepResult.Search s) {
        if (s.smallestFailedAbove() == null) return null;
        return s.trials().stream().filter(t -> t.step() == s.smallestFailedAbove()).findFirst().orElseThrow();
    }

    private static double steps(Trial t) {
        return t.outcome().equals(StableStepResult.CONVERGED) ? t.settledStep() : Double.NaN;
    }

    private static double orNaN(Number v) { return v == null ? Double.NaN : v.doubleValue(); }

    /** The index of the fewest steps over the converged grid points (ties: the smaller step), -1 if none converged. */
    static int argmin(double[] steps) {
        int best = -1;
        for (int i = 0; i < steps.length; i++) if (!Double.isNaN(steps[i]) && (best < 0 || steps[i] < steps[best])) best = i;
        return best;
    }

    /** The index of the largest grid step at which every given run converged, -1 if none. */
    static int largestCommon(List<double[]> steps) {
        int n = steps.get(0).length, best = -1;
        for (int i = 0; i < n; i++) {
            boolean all = true;
            for (double[] s : steps) all &= !Double.isNaN(s[i]);
            if (all) best = i;
        }
        return best;
    }
}
