package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Baselines.Baseline;
import org.optreport.report.stats.RatioInterval;
import org.optreport.report.stats.Replicates;

class BaselineTableTest {
    /** Our HVP at 10x310x310x1: three forks of 2, 2 and 2 ms (no spread), in a benchmarks document. */
    private static BenchmarkResult ours() throws Exception {
        String entry = "{\"benchmark\":\"x.hvp\",\"kernel\":\"hvp\",\"point\":{\"size\":99510,\"label\":\"10x310x310x1\",\"depth\":3,"
                + "\"parameters\":99510,\"flops\":1000,\"bytes\":null,\"items\":null,\"item\":null,\"executedFlops\":null},"
                + "\"primaryMetric\":{\"score\":2.0,\"scoreError\":null,\"scoreUnit\":\"ms/op\",\"rawData\":[[2.0],[2.0],[2.0]]},"
                + "\"secondaryMetrics\":{}}";
        return BenchmarkResultTest.document("{\"key\":\"hvp\",\"title\":\"Hessian-vector product\",\"benchmark\":\"x.hvp\"}", entry);
    }

    private static Baseline baseline(String impl, double seconds, double low, double high) {
        return new Baseline("hvp", "10x310x310x1", impl, seconds, low, high, 7, 1, "2026-11-30", impl + " 1", "m");
    }

    @Test void theRatioIsTheirTimeOverOursWithTheirIntervalCarriedOnTheLogScale() throws Exception {
        Baselines b = new Baselines(Path.of("baselines.csv"), List.of(baseline("pytorch", 12e-3, 10e-3, 14e-3), baseline("numpy", 1e-3, 0.5e-3, 1.5e-3)));
        QuotedValues values = new QuotedValues();
        Table t = BaselineTable.of(b, ours(), values);
        List<String> row = t.rows().get(0);
        assertEquals("Hessian-vector product", row.get(0));
        // ours has no spread over its forks, so the ratio's log-scale half-width is theirs: t s / sqrt(n) / mean, the
        // recorded half-width over the mean (2/12 for PyTorch, 0.5/1 for NumPy), and the ends are 6 exp(±1/6), 0.5 exp(±0.5)
        assertEquals("6.00× [" + Format.sig(6 * Math.exp(-1 / 6.0), 3) + ", " + Format.sig(6 * Math.exp(1 / 6.0), 3) + "]", row.get(4));
        assertEquals("0.500× [" + Format.sig(0.5 * Math.exp(-0.5), 3) + ", " + Format.sig(0.5 * Math.exp(0.5), 3) + "]", row.get(6));
        assertEquals("6.00", values.get("ratioPytorchHvp"));
    }

    @Test void theRatiosIntervalWidensWithOurSpreadAsWithTheirs() throws Exception {
        // equal relative spreads on both sides, equal counts: the log-scale variance doubles, so the half-width grows by sqrt(2)
        // (Welch's degrees of freedom then 2 (n - 1), a smaller t quantile, which the closed form below takes too)
        Baseline torch = baseline("pytorch", 4e-3, Double.NaN, Double.NaN);
        Replicates oursForks = new Replicates(new double[] {1.9e-3, 2.0e-3, 2.1e-3, 1.95e-3, 2.05e-3, 2.0e-3, 2.0e-3});
        double t6 = new org.apache.commons.math3.distribution.TDistribution(6).inverseCumulativeProbability(0.975);
        double h = t6 * oursForks.standardDeviation() / (oursForks.mean() * Math.sqrt(7)) * 4e-3;   // theirs with our relative half-width
        Baseline same = baseline("pytorch", 4e-3, 4e-3 - h, 4e-3 + h);
        Measurement ours = new Measurement(new Kernel("hvp", "HVP"), new Point(1, "10x310x310x1", 1, 3, 1, Double.NaN, Double.NaN, null),
                oursForks, 2, Double.NaN, "ms/op", Double.NaN, Double.NaN, Double.NaN);
        RatioInterval r = BaselineTable.ratioInterval(same, ours);
        double rse = oursForks.standardDeviation() / (oursForks.mean() * Math.sqrt(7));
        double t12 = new org.apache.commons.math3.distribution.TDistribution(12).inverseCumulativeProbability(0.975);
        assertEquals(2 * Math.exp(-t12 * Math.sqrt(2) * rse), r.lower(), 1e-9);
        assertEquals(2 * Math.exp(t12 * Math.sqrt(2) * rse), r.upper(), 1e-9);
        assertEquals(true, Double.isNaN(BaselineTable.ratioInterval(torch, ours).lower()));
    }

    @Test void aShapeThisRunDidNotMeasureHasNoRatio() throws Exception {
        Baseline other = new Baseline("hvp", "10x10x1", "pytorch", 1e-3, 0.9e-3, 1.1e-3, 7, 1, "d", "v", "m");
        Table t = BaselineTable.of(new Baselines(Path.of("b.csv"), List.of(other)), ours(), new QuotedValues());
        assertEquals("—", t.rows().get(0).get(2));
        assertEquals("—", t.rows().get(0).get(4));
    }

    /** The landscape benchmark at depths 2, 3, 4 (1, 2 and 3 ms in every fork, two forks), as a benchmarks document. */
    private static BenchmarkResult landscapeDepths() throws Exception {
        StringBuilder entries = new StringBuilder();
        for (int depth = 2; depth <= 4; depth++) {
            if (depth > 2) entries.append(',');
            entries.append("{\"benchmark\":\"x.landscape\",\"kernel\":\"landscapeSpectra\",\"point\":{\"size\":").append(depth)
                    .append(",\"label\":\"N=").append(depth).append("\",\"depth\":").append(depth)
                    .append(",\"parameters\":null,\"flops\":null,\"bytes\":null,\"items\":null,\"item\":null,\"executedFlops\":null},")
                    .append("\"primaryMetric\":{\"score\":").append(depth - 1).append(",\"scoreError\":null,\"scoreUnit\":\"ms/op\",")
                    .append("\"rawData\":[[").append(depth - 1).append("],[").append(depth - 1).append("]]},\"secondaryMetrics\":{}}");
        }
        return BenchmarkResultTest.document("{\"key\":\"landscapeSpectra\",\"title\":\"Landscape run\",\"benchmark\":\"x.landscape\"}",
                entries.toString());
    }

    @Test void theWholeLandscapeRunIsOurDepthsTogether() throws Exception {
        Baseline torch = new Baseline("landscape", "N=2,3,4", "pytorch", 0.6, Double.NaN, Double.NaN, 1, 2, "d", "v", "m");
        Table t = BaselineTable.of(new Baselines(Path.of("b.csv"), List.of(torch)), landscapeDepths(), new QuotedValues());
        assertEquals("6.00 ms [6.00 ms, 6.00 ms]", t.rows().get(0).get(2));
        assertEquals("100×", t.rows().get(0).get(4));
    }

    @Test void versionsRecordedAlikeByBothImplementationsAreSaidOnce() {
        java.util.Map<String, java.util.Set<String>> same = new java.util.LinkedHashMap<>();
        same.put("pytorch", java.util.Set.of("Python 3.11; NumPy 1.24"));
        same.put("numpy", java.util.Set.of("Python 3.11; NumPy 1.24"));
        assertEquals("PyTorch and NumPy: Python 3.11; NumPy 1.24", BaselineTable.versionsOnce(same));
        same.put("pytorch", new java.util.LinkedHashSet<>(List.of("Python 3.11; NumPy 1.24", "Python 3.11; 2 threads")));
        assertEquals("PyTorch and NumPy: Python 3.11; NumPy 1.24, and PyTorch: Python 3.11; 2 threads", BaselineTable.versionsOnce(same));
    }

    @Test void aBaselineRecordedWithRepeatsSaysSoAndOneRunSaysItHasNoInterval() {
        Baseline repeated = new Baseline("landscape", "N=2,3,4", "pytorch", 28.7, 25.6, 31.8, 5, 2, "d", "v", "m");
        assertEquals("the mean of 5 processes, 95% interval [25.6 s, 31.8 s]", BaselineTable.record(repeated, "processes"));
        Baseline once = new Baseline("reluStep", "m = 100000", "pytorch", 0.67, Double.NaN, Double.NaN, 1, 2, "d", "v", "m");
        assertEquals("from a single run, taken as it is (no interval)", BaselineTable.record(once, "pairs of runs"));
    }
}
