package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optreport.report.stats.Replicates;
import org.optreport.results.BenchmarksResult;

class RooflineTest {
    private static final Kernel K = new Kernel("k", "K");

    /** A measurement moving {@code bytes} in {@code seconds} with {@code flops}, over a working set of {@code size} bytes. */
    private static Measurement m(String label, double size, double flops, double bytes, double seconds) {
        Point p = new Point(size, label, Double.NaN, 0, flops, bytes, Double.NaN, null);
        return new Measurement(K, p, new Replicates(new double[] {seconds}), seconds, Double.NaN, "s/op", Double.NaN, Double.NaN, Double.NaN);
    }

    /** L1: 16 KB working set at 100 GB/s; DRAM: 256 MB at 10 GB/s; peak 40 GFLOP/s. */
    private static Roofline roofline() {
        Map<String, Measurement> levels = new LinkedHashMap<>();
        levels.put("L1", m("L1", 16e3, Double.NaN, 1e5, 1e-6));
        levels.put("DRAM", m("DRAM", 256e6, Double.NaN, 1e7, 1e-3));
        return new Roofline(40e9, levels);
    }

    @Test void thePeakIsClockTimesTwoPipesTimesLanesTimesTwo() {
        BenchmarksResult.MachineDescription machine = new BenchmarksResult.MachineDescription("m", "c", 2, "j", 2500.0, 256, "");
        assertEquals(2.5e9 * 2 * 4 * 2, Roofline.peak(machine), 1);
    }

    @Test void avx2GivesSixteenFlopsACycleAndAnUnknownWidthNone() {
        assertEquals(16, Roofline.flopsPerCycle(256));
        assertEquals(32, Roofline.flopsPerCycle(512));
        assertTrue(Double.isNaN(Roofline.flopsPerCycle(0)));
    }

    @Test void aKernelThatFitsInL1IsBoundByL1Bandwidth() {
        Measurement k = m("small", 0, 2e3, 8e3, 1e-6);   // 0.25 flop/byte, 8 KB per call
        assertEquals("L1", roofline().binding(k));
        assertEquals(0.25 * 100e9, roofline().attainable(k), 1);
    }

    @Test void aLargeLowIntensityKernelIsBoundByMemory() {
        Measurement k = m("big", 0, 2e8, 8e8, 1);   // 0.25 flop/byte, 800 MB per call: beyond every level
        assertEquals("DRAM", roofline().binding(k));
        assertEquals(0.25 * 10e9, roofline().attainable(k), 1);
    }

    @Test void aHighIntensityKernelIsBoundByThePeak() {
        Measurement k = m("dense", 0, 1e9, 1e6, 1);   // 1000 flop/byte
        assertEquals("compute", roofline().binding(k));
        assertEquals(40e9, roofline().attainable(k), 1);
    }

    /** As {@link #m} with fork means: {@code seconds} times each of {@code forks}. */
    private static Measurement forks(String label, double size, double flops, double bytes, double seconds, double... forks) {
        double[] t = new double[forks.length];
        for (int i = 0; i < t.length; i++) t[i] = seconds * forks[i];
        Point p = new Point(size, label, Double.NaN, 0, flops, bytes, Double.NaN, null);
        return new Measurement(K, p, new Replicates(t), seconds, Double.NaN, "s/op", Double.NaN, Double.NaN, Double.NaN);
    }

    private static double t95(double df) {
        return new org.apache.commons.math3.distribution.TDistribution(df).inverseCumulativeProbability(0.975);
    }

    @Test void aComputeBoundShareCarriesTheClocksUncertainty() {
        // kernel exact (no spread); clock 2.5 GHz over three forks spread ±2%: the share's log-scale error is the clock's alone
        Replicates clock = new Replicates(new double[] {2.45e9, 2.5e9, 2.55e9});
        Roofline roofline = new Roofline(2.5e9 * 16, clock, roofline().levels());
        Measurement k = forks("dense", 0, 1e9, 1e6, 0.1, 1, 1, 1);   // 10 GFLOP/s of 40
        var share = roofline.efficiency(k, 0.95);
        double margin = t95(2) * clock.standardDeviation() / (clock.mean() * Math.sqrt(3));
        assertEquals(0.25, share.estimate(), 1e-12);
        assertEquals(0.25 * Math.exp(-margin), share.lower(), 1e-12);
        assertEquals(0.25 * Math.exp(margin), share.upper(), 1e-12);
    }

    @Test void aMemoryBoundShareCarriesTheTriadsUncertaintyAtItsLevel() {
        // the L1 triad's forks spread ±2%, the kernel's not: the share (b / b_triad) t_triad / t has the triad's error
        Map<String, Measurement> levels = new LinkedHashMap<>();
        levels.put("L1", forks("L1", 16e3, Double.NaN, 1e5, 1e-6, 0.98, 1, 1.02));
        Roofline roofline = new Roofline(40e9, levels);
        Measurement k = forks("small", 0, 2e3, 8e3, 1e-6, 1, 1, 1);   // 2 GFLOP/s against 0.25 x 100 GB/s = 25 GFLOP/s
        var share = roofline.efficiency(k, 0.95);
        double margin = t95(2) * 0.02 / Math.sqrt(3);
        assertEquals(2e9 / 25e9, share.estimate(), 1e-12);
        assertEquals(0.08 * Math.exp(-margin), share.lower(), 1e-12);
        assertEquals(0.08 * Math.exp(margin), share.upper(), 1e-12);
    }

    @Test void theRoofsBoundsAreTheRoofAtTheEndsOfThePeaksAndTheBandwidthsIntervals() {
        Replicates clock = new Replicates(new double[] {2.45e9, 2.5e9, 2.55e9});
        Map<String, Measurement> levels = new LinkedHashMap<>();
        levels.put("L1", forks("L1", 16e3, Double.NaN, 1e5, 1e-6, 0.98, 1, 1.02));
        Roofline roofline = new Roofline(40e9, clock, levels);
        double[] at = {0.01, 1000};   // memory-bound, compute-bound
        // both spread by 2% over three forks: s = 0.02 of the mean, so each interval is the mean times exp(±t 0.02 / sqrt(3))
        double margin = t95(2) * 0.02 / Math.sqrt(3);
        double[] lower = roofline.roofBound("L1", at, -1), upper = roofline.roofBound("L1", at, +1);
        assertEquals(0.01 * 1e5 / (1e-6 * Math.exp(margin)), lower[0], 1e-6);
        assertEquals(0.01 * 1e5 / (1e-6 * Math.exp(-margin)), upper[0], 1e-6);
        assertEquals(16 * 2.5e9 * Math.exp(-margin), lower[1], 1);
        assertEquals(16 * 2.5e9 * Math.exp(margin), upper[1], 1);
    }
}
