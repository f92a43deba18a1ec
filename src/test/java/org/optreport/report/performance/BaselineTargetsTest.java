package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.performance.Baselines.Baseline;
import org.optreport.report.stats.RatioInterval;
import org.optreport.report.stats.Replicates;

class BaselineTargetsTest {
    private static final double[] FORKS = {0.9, 1.0, 1.1};

    /** Our landscape process: three forks of 0.9, 1.0 and 1.1 s. */
    private static BenchmarkResult oursInProcesses(double scale) throws Exception {
        StringBuilder raw = new StringBuilder();
        for (int f = 0; f < FORKS.length; f++) raw.append(f == 0 ? "" : ",").append("[").append(FORKS[f] * scale * 1e3).append("]");
        String entry = "{\"benchmark\":\"x.process\",\"kernel\":\"landscapeProcess\",\"point\":{\"size\":3,\"label\":\"N=2,3,4\",\"depth\":0,"
                + "\"parameters\":null,\"flops\":null,\"bytes\":null,\"items\":null,\"item\":null,\"executedFlops\":null},"
                + "\"primaryMetric\":{\"score\":" + scale * 1e3 + ",\"scoreError\":null,\"scoreUnit\":\"ms/op\",\"rawData\":[" + raw + "]},"
                + "\"secondaryMetrics\":{}}";
        return BenchmarkResultTest.document("{\"key\":\"landscapeProcess\",\"title\":\"Landscape runs as one process\",\"benchmark\":\"x.process\"}", entry);
    }

    private static Baselines torchLandscape(double seconds) {
        return new Baselines(Path.of("b.csv"), List.of(new Baseline("landscape", "N=2,3,4", "pytorch", seconds, Double.NaN, Double.NaN, 1, 2, "d", "v", "m")));
    }

    @Test void aSingleRunBaselineIsTakenAsItIsSoTheBoundsAreOursAlone() throws Exception {
        BenchmarkResult ours = oursInProcesses(1);
        Replicates forks = new Replicates(FORKS);
        RatioInterval expected = RatioInterval.of(new Replicates(new double[] {30, 30, 30}), forks);   // a constant numerator: no spread
        RatioInterval r = BaselineTargets.interval(torchLandscape(30).rows().get(0), ours.of("landscapeProcess").get(0));
        assertEquals(30.0, r.estimate(), 1e-9);
        assertEquals(expected.lower(), r.lower(), 1e-9);
        assertEquals(expected.upper(), r.upper(), 1e-9);
    }

    @Test void theVerdictFollowsTheBoundsNotThePointEstimate() throws Exception {
        assertEquals("met", verdict(torchLandscape(30), oursInProcesses(1)));            // 30x, far above 10
        assertEquals("missed", verdict(torchLandscape(5), oursInProcesses(1)));          // 5x, far below
        assertEquals("inconclusive", verdict(torchLandscape(10.2), oursInProcesses(1))); // 10.2x: the bounds straddle 10
        assertEquals("not measured", verdict(new Baselines(Path.of("b.csv"), List.of()), oursInProcesses(1)));
    }

    private static String verdict(Baselines baselines, BenchmarkResult ours) {
        QuotedValues values = new QuotedValues();
        BaselineTargets.evaluate(baselines, ours, values, new ArrayList<>());
        return values.get("landscapeProcessTarget");
    }
}
