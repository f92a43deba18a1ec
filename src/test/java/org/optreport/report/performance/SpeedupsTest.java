package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Speedups.Speedup;
import org.optreport.report.stats.Replicates;

class SpeedupsTest {
    private static final Kernel BASE = new Kernel("fd", "FD"), FAST = new Kernel("an", "AN");

    private static Measurement m(Kernel k, String label, double size, int depth, double seconds) {
        return m(k, label, size, depth, new double[] {seconds});
    }

    /** One replicate per fork. */
    private static Measurement m(Kernel k, String label, double size, int depth, double[] forks) {
        Replicates time = new Replicates(forks);
        return new Measurement(k, new Point(size, label, size, depth, Double.NaN, Double.NaN, Double.NaN, null), time, time.mean(),
                Double.NaN, "s/op", Double.NaN, Double.NaN, Double.NaN);
    }

    @Test void onlySizesBothMeasuredArePaired() {
        List<Speedup> s = Speedups.pair(List.of(m(BASE, "a", 100, 2, 1.0), m(BASE, "b", 400, 2, 8.0)),
                List.of(m(FAST, "b", 400, 2, 0.5), m(FAST, "c", 900, 2, 1.0)));
        assertEquals(1, s.size());
        assertEquals(16.0, s.get(0).ratio());
        assertEquals(400.0, s.get(0).size());
    }

    @Test void theTableKeepsThePairsOrderAndTheTargetsReadThemBySize() {
        List<Speedup> s = Speedups.pair(List.of(m(BASE, "wide", 1000, 2, 3.0), m(BASE, "deep", 500, 3, 2.0)),
                List.of(m(FAST, "wide", 1000, 2, 1.0), m(FAST, "deep", 500, 3, 1.0)));
        Table t = Speedups.table(s, "baseline (ms)", "fast (ms)");
        assertEquals(List.of("network", "parameters", "baseline (ms)", "fast (ms)", "speed-up", "90% interval (one-sided 95% bounds)"), t.header());
        assertEquals(List.of("wide", "1,000", "3000", "1000", "3.00×", "(no interval: one replicate)"), t.rows().get(0));
        assertEquals(List.of("deep", "wide"), Speedups.bySize(s).stream().map(p -> p.baseline().point().label()).toList());
    }

    @Test void theIntervalComesFromBothKernelsForks() {
        // either side's spread alone, s / (mean sqrt(3)) = 1 / (10 sqrt(3)) relative, gives the bounds 10 exp(±t_{0.95, 2} that)
        double margin = new org.apache.commons.math3.distribution.TDistribution(2).inverseCumulativeProbability(0.95) / (10 * Math.sqrt(3));
        Speedup slowSpread = Speedups.pair(List.of(m(BASE, "a", 100, 2, new double[] {9, 10, 11})), List.of(m(FAST, "a", 100, 2, new double[] {1, 1, 1}))).get(0);
        Speedup fastSpread = Speedups.pair(List.of(m(BASE, "a", 100, 2, new double[] {10, 10, 10})), List.of(m(FAST, "a", 100, 2, new double[] {0.9, 1, 1.1}))).get(0);
        for (Speedup s : List.of(slowSpread, fastSpread)) {
            assertEquals(10.0, s.interval().estimate(), 1e-12);
            assertEquals(10 * Math.exp(-margin), s.interval().lower(), 1e-9);
            assertEquals(10 * Math.exp(margin), s.interval().upper(), 1e-9);
        }
    }
}
