package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optreport.bench.BenchmarkSuite.Setting;

class BenchmarkSuiteEstimateTest {
    @Test void theQuickSuiteIsItsScheduleCountedByHand() {
        // one fork each: 17 (method, size) pairs iterate 2 x 300 + 3 x 200 ms, the 8 slow ones (Hessian 3, finite
        // differences 3, ReLU step 2) 3 x 1000 + 3 x 1000 ms; KernelDynamicsBenchmark has two methods
        double byHand = 17 * (BenchmarkSuite.FORK_SECONDS + 1.2) + 8 * (BenchmarkSuite.FORK_SECONDS + 6);
        assertEquals(BenchmarkSuite.SCHEDULE_MARGIN * byHand, BenchmarkSuite.estimatedSeconds(Setting.QUICK), 1e-9);
    }

    @Test void theThoroughSuiteMeasuresEveryDeclaredSizeTwiceAndTakesLonger() {
        BenchmarkSuite.Entry gradient = BenchmarkSuite.ENTRIES.stream().filter(e -> e.benchmark() == GradientBenchmark.class).findFirst().get();
        assertArrayEquals(new String[] {"10x10x1", "10x27x1", "10x300x1", "10x3000x1", "10x9091x1", "10x10x10x1", "10x13x13x1", "10x50x50x1",
                "10x100x100x1", "10x310x310x1", "10x10x10x10x1", "10x40x40x40x1", "10x100x100x100x1", "10x220x220x220x1"},
                BenchmarkSuite.declaredSizes(gradient));
        assertTrue(BenchmarkSuite.estimatedSeconds(Setting.THOROUGH) > 5 * BenchmarkSuite.estimatedSeconds(Setting.QUICK));
    }

    @Test void theSmokeSettingRunsInThisJvmInAFractionOfTheQuickTime() {
        assertEquals(0, BenchmarkSuite.Settings.of(Setting.SMOKE).forks());
        assertTrue(BenchmarkSuite.estimatedSeconds(Setting.SMOKE) < BenchmarkSuite.estimatedSeconds(Setting.QUICK) / 5);
    }
}
