package org.optreport.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Search;
import org.optreport.results.StableStepResult.Trial;

/**
 * The largest step size at which a run converges: a geometric scan brackets it (the largest scanned step that converged
 * and the next scanned step, which did not), then geometric bisection narrows the bracket until its ends are within a
 * relative tolerance. A bisection assumes that the converging steps form an interval; the search does not trust that
 * but counts the tried steps that break it ({@link Search#failuresBetween}).
 */
final class StepBisection {
    private StepBisection() {}

    /** The scanned steps: smallest, smallest * ratio, ... up to largest (within rounding). */
    static List<Double> scan(double smallest, double largest, double ratio) {
        if (!(ratio > 1)) throw new IllegalArgumentException("the scan's ratio must exceed 1, got " + ratio);
        List<Double> steps = new ArrayList<>();
        for (int k = 0; smallest * Math.pow(ratio, k) <= largest * (1 + 1e-9); k++) steps.add(smallest * Math.pow(ratio, k));
        return steps;
    }

    /** Bisection iterations after the scan: the bracket shrinks from ratio to at most 1 + tolerance. */
    static int bisections(double ratio, double tolerance) {
        return Math.max(0, (int) Math.ceil(Math.log(Math.log(ratio) / Math.log1p(tolerance)) / Math.log(2)));
    }

    static Search search(DoubleFunction<Trial> run, List<Double> scan, double tolerance) {
        List<Trial> trials = new ArrayList<>();
        for (double eta : scan) trials.add(run.apply(eta));
        Double low = largestConverged(trials), high = smallestFailedAbove(trials, low);
        while (low != null && high != null && high / low > 1 + tolerance) {
            double mid = Math.sqrt(low * high);
            Trial t = run.apply(mid);
            trials.add(t);
            if (converged(t)) low = mid;
            else high = mid;
        }
        Double smallest = trials.stream().filter(StepBisection::converged).map(Trial::step).min(Double::compare).orElse(null);
        int failuresBetween = 0;
        if (low != null)
            for (Trial t : trials) if (!converged(t) && t.step() > smallest && t.step() < low) failuresBetween++;
        return new Search(trials, low, high, smallest, failuresBetween);
    }

    static boolean converged(Trial t) { return t.outcome().equals(StableStepResult.CONVERGED); }

    private static Double largestConverged(List<Trial> trials) {
        return trials.stream().filter(StepBisection::converged).map(Trial::step).max(Double::compare).orElse(null);
    }

    private static Double smallestFailedAbove(List<Trial> trials, Double low) {
        if (low == null) return null;
        return trials.stream().filter(t -> !converged(t) && t.step() > low).map(Trial::step).min(Double::compare).orElse(null);
    }
}
