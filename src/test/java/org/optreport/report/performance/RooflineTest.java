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
}
