package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.stats.Replicates;

/** JMH's per-iteration bookkeeping, measured on allocation-free kernels, is not charged to a slow kernel's calls. */
class AllocationBookkeepingTest {
    private static Measurement measured(String key, double secondsPerCall, double bytesPerCall) {
        Point point = new Point(1, "1", Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, null);
        return new Measurement(new Kernel(key, key), point, new Replicates(new double[] {secondsPerCall, secondsPerCall}),
                secondsPerCall, 0, "s/op", bytesPerCall, Double.NaN, Double.NaN);
    }

    @Test void theBookkeepingRateIsTheSmallestAmongTheAllocationFreeKernels() {
        // 5.7 kB per 100 ms iteration is 57 kB/s; a kernel that allocated on top would show a higher rate
        List<Measurement> triads = List.of(measured("bandwidth", 1e-7, 0.0057), measured("bandwidth", 1e-5, 0.9));
        assertEquals(57_000, PerformanceTargets.bookkeepingRate(triads), 1e-6);
    }

    @Test void aSlowKernelsBookkeepingIsSubtractedAndARealAllocationRemains() {
        double rate = 57_000;
        // 4 ms a call: 228 B/op of bookkeeping; a kernel allocating a 1,000-element double array (8,016 B) per call besides
        assertEquals(0, PerformanceTargets.maxAllocPerCall(List.of(measured("hvp", 4e-3, 228)), rate), 1e-9);
        assertEquals(8016, PerformanceTargets.maxAllocPerCall(List.of(measured("hvp", 4e-3, 228 + 8016)), rate), 1e-9);
    }

    @Test void withoutAReferenceTheRawFigureIsJudged() {
        assertEquals(219, PerformanceTargets.maxAllocPerCall(List.of(measured("hvp", 4e-3, 219)), PerformanceTargets.bookkeepingRate(List.of())), 1e-9);
    }

    @Test void theLargestRateIsTheMostBookkeepingACallMayCarry() {
        List<Measurement> triads = List.of(measured("bandwidth", 1e-7, 0.0051), measured("bandwidth", 1e-3, 58));
        assertEquals(51_000, PerformanceTargets.bookkeepingRate(triads), 1e-6);
        assertEquals(58_000, PerformanceTargets.largestBookkeepingRate(triads), 1e-6);
        // a 4.2 ms call with 238 B/op: 23.8 B beyond the smallest rate's bookkeeping, nothing beyond the largest's
        List<Measurement> gradient = List.of(measured("gradient", 4.2e-3, 238));
        assertEquals(238 - 51 * 4.2, PerformanceTargets.maxAllocPerCall(gradient, 51_000), 1e-9);
        assertEquals(0, PerformanceTargets.maxAllocPerCall(gradient, 58_000), 1e-9);
    }
}
