package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Speedups.Speedup;

class SpeedupsTest {
    private static final Kernel BASE = new Kernel("fd", "FD"), FAST = new Kernel("an", "AN");

    private static Measurement m(Kernel k, String label, double size, int depth, double seconds) {
        return new Measurement(k, new Point(size, label, size, depth, Double.NaN), seconds, Double.NaN, seconds, Double.NaN, "s/op", Double.NaN);
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
        assertEquals(List.of("network", "parameters", "baseline (ms)", "fast (ms)", "speed-up"), t.header());
        assertEquals(List.of("wide", "1,000", "3000", "1000", "3.00×"), t.rows().get(0));
        assertEquals(List.of("deep", "wide"), Speedups.bySize(s).stream().map(p -> p.baseline().point().label()).toList());
    }
}
