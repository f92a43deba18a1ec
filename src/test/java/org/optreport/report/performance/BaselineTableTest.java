package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Baselines.Baseline;

class BaselineTableTest {
    /** Our HVP at 10x310x310x1: three forks of 2, 2 and 2 ms (no spread), in a benchmarks document. */
    private static BenchmarkResult ours() throws Exception {
        String entry = "{\"benchmark\":\"x.hvp\",\"kernel\":\"hvp\",\"point\":{\"size\":99510,\"label\":\"10x310x310x1\",\"depth\":3,"
                + "\"parameters\":99510,\"flops\":1000,\"bytes\":null,\"items\":null,\"item\":null},"
                + "\"primaryMetric\":{\"score\":2.0,\"scoreError\":null,\"scoreUnit\":\"ms/op\",\"rawData\":[[2.0],[2.0],[2.0]]},"
                + "\"secondaryMetrics\":{}}";
        return BenchmarkResultTest.document("{\"key\":\"hvp\",\"title\":\"Hessian-vector product\",\"benchmark\":\"x.hvp\"}", entry);
    }

    private static Baseline baseline(String impl, double seconds, double low, double high) {
        return new Baseline("hvp", "10x310x310x1", impl, seconds, low, high, 7, 1, "2026-11-30", impl + " 1", "m");
    }

    @Test void theRatioIsTheirTimeOverOursWithTheIntervalsOppositeEnds() throws Exception {
        Baselines b = new Baselines(Path.of("baselines.csv"), List.of(baseline("pytorch", 12e-3, 10e-3, 14e-3), baseline("numpy", 1e-3, 0.5e-3, 1.5e-3)));
        QuotedValues values = new QuotedValues();
        Table t = BaselineTable.of(b, ours(), values);
        List<String> row = t.rows().get(0);
        assertEquals("Hessian-vector product", row.get(0));
        // ours has no spread over its forks: its interval is the point 2 ms, so the ratio's ends are theirs over 2 ms
        assertEquals("6.00× [5.00, 7.00]", row.get(4));
        assertEquals("0.500× [0.250, 0.750]", row.get(6));
        assertEquals("6.00", values.get("ratioPytorchHvp"));
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
                    .append(",\"parameters\":null,\"flops\":null,\"bytes\":null,\"items\":null,\"item\":null},")
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
}
