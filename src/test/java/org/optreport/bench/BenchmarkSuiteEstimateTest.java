package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.bench.BenchmarkSuite.Setting;

class BenchmarkSuiteEstimateTest {
    @Test void theQuickSuiteIsItsScheduleCountedByHand() {
        // three forks each: 31 (method, size) pairs (clock 1, DGEMM 1, EJML's product 1, bandwidth 4 levels, gradient 3 + 5
        // for its fit, Hessian-vector product 1 + 4 for its fit, analytic Hessian 2 and dense eigenvalues 1: fast at their
        // quick sizes, Lanczos's speed-up row 1, the ReLU step's 4 fit widths, H* 1, the kernel dynamics' 2 methods)
        // iterate 2 x 100 + 3 x 100 ms, the 8 slow ones (finite differences 2, Lanczos 1, landscape spectra 3 depths, ReLU step 1, landscape process 1)
        // 2 x 400 + 3 x 400 ms, and so is the landscape runs' process (single shots, about as long)
        double byHand = 31 * 3 * (BenchmarkSuite.FORK_SECONDS + 0.5) + 8 * 3 * (BenchmarkSuite.FORK_SECONDS + 2);
        assertEquals(BenchmarkSuite.SCHEDULE_MARGIN * byHand, BenchmarkSuite.estimatedSeconds(Setting.QUICK), 1e-9);
    }

    @Test void theReluStepsFitWidthsRunWithOrdinaryIterationsAfterItsTargetWidth() {
        BenchmarkSuite.Entry relu = BenchmarkSuite.ENTRIES.stream().filter(e -> e.benchmark() == ReluStepBenchmark.class).findFirst().get();
        List<BenchmarkSuite.Run> runs = relu.runs(Setting.QUICK);
        assertEquals(List.of(new BenchmarkSuite.Run(List.of("100000"), BenchmarkSuite.Settings.slow(Setting.QUICK)),
                new BenchmarkSuite.Run(List.of("1000", "3162", "10000", "31623"), BenchmarkSuite.Settings.of(Setting.QUICK))), runs);
        assertEquals(List.of("100000"), relu.sizes(Setting.SMOKE));
    }

    @Test void everyQuickExtraSizeIsADeclaredSize() {
        // the thorough setting measures them too, so quick and thorough points of one size are the same computation
        for (BenchmarkSuite.Entry e : BenchmarkSuite.ENTRIES)
            for (String size : e.extraSizes()) assertTrue(List.of(BenchmarkSuite.declaredSizes(e)).contains(size), e.benchmark().getSimpleName() + " " + size);
    }

    @Test void theQuickSettingMeasuresEveryKernel() {
        // every kernel on the roofline and in its table in the default build, not only those a target judges
        for (BenchmarkSuite.Entry e : BenchmarkSuite.ENTRIES) assertFalse(e.sizes(Setting.QUICK).isEmpty(), e.benchmark().getSimpleName());
    }

    @Test void theDensePathAndLanczosShareAQuickSizeMeasuredWithOrdinaryIterations() {
        // one row of the speed-up table; Lanczos's target size stays slow, the shared small one is not
        BenchmarkSuite.Entry dense = entry(DenseExtremesBenchmark.class), lanczos = entry(LanczosExtremesBenchmark.class);
        assertEquals(List.of(new BenchmarkSuite.Run(List.of("10x13x13x1"), BenchmarkSuite.Settings.of(Setting.QUICK))), dense.runs(Setting.QUICK));
        assertEquals(List.of(new BenchmarkSuite.Run(List.of("10x310x310x1"), BenchmarkSuite.Settings.slow(Setting.QUICK)),
                new BenchmarkSuite.Run(List.of("10x13x13x1"), BenchmarkSuite.Settings.of(Setting.QUICK))), lanczos.runs(Setting.QUICK));
    }

    @Test void theQuickHessianVectorProductSpansWhatAnExponentNeeds() {
        // five depth-3 sizes over at least 1.5 decades of parameters (their calls all take 0.1 ms or more)
        List<DlnShape> depth3 = entry(HessianVectorProductBenchmark.class).sizes(Setting.QUICK).stream().map(DlnShape::parse)
                .filter(s -> s.depth() == 3).toList();
        assertTrue(depth3.size() >= 5, depth3.toString());
        double smallest = depth3.stream().mapToInt(DlnShape::parameterCount).min().getAsInt();
        double largest = depth3.stream().mapToInt(DlnShape::parameterCount).max().getAsInt();
        assertTrue(Math.log10(largest / smallest) >= 1.5, smallest + " to " + largest);
    }

    @Test void anEntryWithoutQuickSizesIsLeftOutOfQuickButSmokeRunsItsFirstDeclaredSize() {
        BenchmarkSuite.Entry none = new BenchmarkSuite.Entry(DenseExtremesBenchmark.class, "shape", List.of(), true);
        assertEquals(List.of(), none.sizes(Setting.QUICK));
        assertEquals(List.of(BenchmarkSuite.declaredSizes(none)[0]), none.sizes(Setting.SMOKE));
    }

    private static BenchmarkSuite.Entry entry(Class<?> benchmark) {
        return BenchmarkSuite.ENTRIES.stream().filter(e -> e.benchmark() == benchmark).findFirst().orElseThrow();
    }

    @Test void everySettingButSmokeHasAtLeastThreeForks() {
        for (Setting s : List.of(Setting.QUICK, Setting.THOROUGH)) {
            assertTrue(BenchmarkSuite.Settings.of(s).forks() >= 3, s.label());
            assertTrue(BenchmarkSuite.Settings.slow(s).forks() >= 3, s.label());
        }
    }

    @Test void theHeapIsFixedAndTheCollectorPinned() {
        for (Setting s : Setting.values()) {
            List<String> args = BenchmarkSuite.jvmArgs(s);
            assertTrue(args.contains("-XX:+AlwaysPreTouch"));
            assertTrue(args.contains("-XX:+UseParallelGC"));
            String xms = args.stream().filter(a -> a.startsWith("-Xms")).findFirst().orElseThrow();
            assertTrue(args.contains("-Xmx" + xms.substring(4)), s.label());
        }
    }

    @Test void theQuickHeapHoldsTheBandwidthBenchmarksDramArraysInItsOldGeneration() {
        // the parallel collector's old generation is two thirds of the heap; the three arrays live there all fork long
        double oldGeneration = BenchmarkSuite.quickHeapMegabytes() * 2.0 / 3 * (1 << 20);
        assertTrue(oldGeneration > 1.25 * MemoryBandwidthBenchmark.workingSetBytes("DRAM"), oldGeneration + " bytes");
        assertTrue(BenchmarkSuite.jvmArgs(Setting.QUICK).contains("-Xmx" + BenchmarkSuite.quickHeapMegabytes() + "m"));
    }

    @Test void theThoroughSuiteMeasuresEveryDeclaredSizeAndTakesLonger() {
        BenchmarkSuite.Entry gradient = BenchmarkSuite.ENTRIES.stream().filter(e -> e.benchmark() == GradientBenchmark.class).findFirst().get();
        assertArrayEquals(new String[] {"10x10x1", "10x27x1", "10x300x1", "10x3000x1", "10x9091x1", "10x10x10x1", "10x13x13x1", "10x30x30x1",
                "10x50x50x1", "10x100x100x1", "10x160x160x1", "10x310x310x1", "10x550x550x1", "10x1000x1000x1", "10x10x10x10x1", "10x40x40x40x1",
                "10x100x100x100x1", "10x220x220x220x1"},
                BenchmarkSuite.declaredSizes(gradient));
        assertTrue(BenchmarkSuite.estimatedSeconds(Setting.THOROUGH) > 5 * BenchmarkSuite.estimatedSeconds(Setting.QUICK));
    }

    @Test void theSmokeSettingRunsInThisJvmInAFractionOfTheQuickTime() {
        assertEquals(0, BenchmarkSuite.Settings.of(Setting.SMOKE).forks());
        assertTrue(BenchmarkSuite.estimatedSeconds(Setting.SMOKE) < BenchmarkSuite.estimatedSeconds(Setting.QUICK) / 5);
    }
}
