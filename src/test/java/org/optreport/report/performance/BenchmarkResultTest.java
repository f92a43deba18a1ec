package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Json;
import org.optreport.results.BenchmarksResult;
import org.optreport.results.ResultDocuments;
import org.optreport.results.ResultFormatException;

class BenchmarkResultTest {
    private static String jmh(String kernel, String label, double size, int depth, double score, String unit) {
        return "{\"benchmark\":\"x." + kernel + "\",\"kernel\":\"" + kernel + "\",\"point\":{\"size\":" + size + ",\"label\":\"" + label
                + "\",\"depth\":" + depth + ",\"parameters\":null,\"flops\":1000,\"bytes\":null,\"items\":null,\"item\":null,\"executedFlops\":null},"
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":null,\"scoreUnit\":\"" + unit + "\",\"rawData\":[[" + score + "]]},"
                + "\"secondaryMetrics\":{}}";
    }

    /** A whole benchmarks/v4 document around these kernels and JMH entries, read as the build reads it. */
    static BenchmarkResult document(String kernels, String... jmh) throws Exception {
        String text = "{\"schema\":\"benchmarks/v4\",\"parameters\":{\"setting\":\"quick\"},"
                + "\"machine\":{\"description\":\"m\",\"cpu\":\"c\",\"cores\":2,\"jvm\":\"j\",\"clockMHz\":null,\"vectorBits\":0,\"caches\":\"\"},"
                + "\"settings\":{\"setting\":\"quick\",\"forks\":1,\"warmupIterations\":1,\"warmupMillis\":1,\"measurementIterations\":1,"
                + "\"measurementMillis\":1,\"gcProfiler\":true,\"jmhVersion\":\"1.37\",\"jvmArgs\":\"\"},"
                + "\"kernels\":[" + kernels + "],\"jmh\":[" + String.join(",", jmh) + "],\"denseEigenLimit\":1500,\"lanczosAgainstDense\":null}";
        return BenchmarkResult.of(ResultDocuments.read(Json.read(text), BenchmarksResult.class, "test"));
    }

    private static BenchmarkResult read(String... jmh) throws Exception {
        return document("{\"key\":\"b\",\"title\":\"B\",\"benchmark\":\"x.b\"},{\"key\":\"a\",\"title\":\"A\",\"benchmark\":\"x.a\"}", jmh);
    }

    @Test void kernelsKeepTheResultsOrder() throws Exception {
        assertEquals(List.of(new Kernel("b", "B"), new Kernel("a", "A")), read().kernels());
    }

    @Test void measurementsAreOrderedByDepthThenSize() throws Exception {
        BenchmarkResult r = read(jmh("a", "big", 300, 2, 1, "ms/op"), jmh("a", "deep", 10, 3, 1, "ms/op"), jmh("a", "small", 100, 2, 1, "ms/op"));
        assertEquals(List.of("small", "big", "deep"), r.of("a").stream().map(m -> m.point().label()).toList());
        assertTrue(r.of("b").isEmpty());
    }

    @Test void aResultOfNoListedKernelIsLeftOut() throws Exception {
        BenchmarkResult r = read(jmh("c", "n = 1", 1, 0, 1, "ms/op"),
                "{\"benchmark\":\"org.example.Unknown.run\",\"kernel\":null,\"point\":null,\"primaryMetric\":{\"score\":1,\"scoreError\":null,\"scoreUnit\":\"ms/op\",\"rawData\":null},\"secondaryMetrics\":{}}");
        assertTrue(r.of("a").isEmpty() && r.of("b").isEmpty() && r.of("c").isEmpty());
    }

    @Test void timesAreInSecondsAndRatesInFlopsPerSecond() throws Exception {
        Measurement m = read(jmh("a", "n", 1, 0, 250, "us/op")).of("a").get(0);
        assertEquals(250e-6, m.seconds(), 1e-18);
        assertEquals(1000 / 250e-6, m.flopRate(), 1e-3);
        assertTrue(Double.isNaN(m.point().parameters()));   // left out of the point: none
    }

    @Test void secondsConvertsEveryAverageTimeUnit() {
        assertEquals(2.5, BenchmarkResult.seconds(2.5, "s/op"));
        assertEquals(2.5e-3, BenchmarkResult.seconds(2.5, "ms/op"), 1e-18);
        assertEquals(2.5e-6, BenchmarkResult.seconds(2.5, "us/op"), 1e-21);
        assertEquals(2.5e-9, BenchmarkResult.seconds(2.5, "ns/op"), 1e-24);
        assertThrows(IllegalArgumentException.class, () -> BenchmarkResult.seconds(1, "ops/s"));
    }

    @Test void anOlderResultFormatIsRefused() throws Exception {
        assertThrows(ResultFormatException.class,
                () -> ResultDocuments.read(Json.read("{\"schema\":\"benchmarks/v1\",\"jmh\":[]}"), BenchmarksResult.class, "old"));
    }

    /** The largest size, not the fastest: picking the fastest of several noisy sizes would pick the luckiest measurement. */
    @Test void theYardstickIsTheLargestMatrixProduct() throws Exception {
        BenchmarkResult r = document("{\"key\":\"matmul\",\"title\":\"M\",\"benchmark\":\"m\"}",
                jmh("matmul", "200", 200, 0, 2, "ms/op").replace("x.matmul", "m"), jmh("matmul", "100", 100, 0, 1, "ms/op").replace("x.matmul", "m"));
        assertEquals(1000 / 2e-3, r.yardstickRate());
    }

    /** OpenBLAS's DGEMM is the attainable rate; EJML's product is the yardstick only where DGEMM was not measured. */
    @Test void theYardstickIsDgemmWhereItWasMeasured() throws Exception {
        String kernels = "{\"key\":\"dgemm\",\"title\":\"D\",\"benchmark\":\"d\"},{\"key\":\"matmul\",\"title\":\"M\",\"benchmark\":\"m\"}";
        BenchmarkResult both = document(kernels, jmh("matmul", "200", 200, 0, 8, "ms/op").replace("x.matmul", "m"),
                jmh("dgemm", "200", 200, 0, 1, "ms/op").replace("x.dgemm", "d"));
        assertEquals(1000 / 1e-3, both.yardstickRate());
        assertEquals("dgemm", both.yardstick().kernel().key());
        BenchmarkResult ejmlOnly = document(kernels, jmh("matmul", "200", 200, 0, 8, "ms/op").replace("x.matmul", "m"));
        assertEquals("matmul", ejmlOnly.yardstick().kernel().key());
    }

    /**
     * Per fork, the chain's cycles over the thread's CPU time (not JMH's wall-clock score, which waiting for a core
     * lengthens): forks of 2.0, 2.5 and 3.0 GHz give 2.5 GHz.
     */
    @Test void theMeasuredClockIsCyclesOverCpuTime() throws Exception {
        String secondary = "\"secondaryMetrics\":{\"chainCycles\":{\"score\":0,\"scoreError\":null,\"scoreUnit\":\"#\",\"rawData\":[[1e6,1e6],[5e6],[3e6]]},"
                + "\"cpuNanos\":{\"score\":0,\"scoreError\":null,\"scoreUnit\":\"#\",\"rawData\":[[4e5,6e5],[2e6],[1e6]]}}";
        String clock = jmh("clock", "1048576 cycles", 1048576, 0, 4000, "us/op").replace("\"secondaryMetrics\":{}", secondary);
        BenchmarkResult.MeasuredClock c = document("{\"key\":\"clock\",\"title\":\"C\",\"benchmark\":\"x.clock\"}", clock).measuredClock();
        assertEquals(2.5e9, c.hz(), 1);
        assertTrue(c.lower() < c.hz() && c.hz() < c.upper());
    }

    @Test void withoutTheCpuTimeCountersThereIsNoMeasuredClock() throws Exception {
        String clock = jmh("clock", "1048576 cycles", 1048576, 0, 400, "us/op");
        assertEquals(null, document("{\"key\":\"clock\",\"title\":\"C\",\"benchmark\":\"x.clock\"}", clock).measuredClock());
    }

    @Test void eachForkIsOneReplicate() throws Exception {
        String entry = jmh("a", "n", 1, 0, 2, "ms/op").replace("[[2.0]]", "[[1.0,3.0],[2.0,2.0],[4.0,4.0]]");
        Measurement m = read(entry).of("a").get(0);
        assertEquals(3, m.time().count());
        assertEquals(2.0e-3, m.time().values()[0], 1e-15);
        assertEquals(4.0e-3, m.time().values()[2], 1e-15);
    }
}
