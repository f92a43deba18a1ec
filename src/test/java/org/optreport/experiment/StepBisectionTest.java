package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Search;
import org.optreport.results.StableStepResult.Trial;

/** The search against classifiers whose converging set is known. */
class StepBisectionTest {
    private static Trial classify(double eta, DoublePredicate converges) {
        return new Trial(eta, converges.test(eta) ? StableStepResult.CONVERGED : StableStepResult.DIVERGED, null, null, null, null, null, null, null, null);
    }

    @Test void bracketsTheUpperEndOfAnInterval() {
        double edge = 0.4317;
        List<Double> scan = StepBisection.scan(0.15, 1.4, 1.25);
        Search s = StepBisection.search(eta -> classify(eta, x -> x >= 0.2 && x <= edge), scan, 0.005);
        assertTrue(s.largestConverged() <= edge && edge < s.smallestFailedAbove(), s.toString());
        assertTrue(s.smallestFailedAbove() / s.largestConverged() <= 1.005);
        assertEquals(0, s.failuresBetween());
        assertEquals(scan.size() + StepBisection.bisections(1.25, 0.005), s.trials().size(), "the scan, then the bisections counted in advance");
    }

    @Test void countsTriedStepsThatBreakTheInterval() {
        // converges on [0.15, 0.25] and on [0.3, 0.6]: the scan's 0.293 fails between two that converge
        Search s = StepBisection.search(eta -> classify(eta, x -> x <= 0.25 || (x >= 0.3 && x <= 0.6)), StepBisection.scan(0.15, 1.4, 1.25), 0.01);
        assertEquals(1, s.failuresBetween());
        assertTrue(s.largestConverged() <= 0.6 && 0.6 < s.smallestFailedAbove());
    }

    @Test void saysWhenTheScanFoundNoBracket() {
        Search none = StepBisection.search(eta -> classify(eta, x -> false), StepBisection.scan(0.15, 1.4, 1.25), 0.01);
        assertNull(none.largestConverged());
        assertNull(none.smallestFailedAbove());
        Search open = StepBisection.search(eta -> classify(eta, x -> true), StepBisection.scan(0.15, 1.4, 1.25), 0.01);
        assertNull(open.smallestFailedAbove());
        assertEquals(StepBisection.scan(0.15, 1.4, 1.25).size(), open.trials().size(), "no bisection without a bracket");
    }
}
