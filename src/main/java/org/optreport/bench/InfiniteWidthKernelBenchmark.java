package org.optreport.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.optreport.model.NeuralTangentKernel;

/** Assembly of the infinite-width kernel H* (closed form with arccos) on n unit-norm samples of dimension 10. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InfiniteWidthKernelBenchmark {
    @Param({"256", "442", "1024"})
    public int samples;
    private ReluFixture data;

    @Setup(Level.Trial)
    public void setUp() {
        data = new ReluFixture(samples);
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        blackhole.consume(NeuralTangentKernel.infiniteWidth(data.x));
    }

    /** The pairs i &lt;= j one assembly evaluates, each with one arccos: the unit its cost is quoted in. */
    public static double pairs(int samples) {
        return samples * (samples + 1.0) / 2;
    }

    /**
     * Norms 2nd; per pair i &lt;= j: the dot product 2d and 6 for cosine and weight (the arccos counted as none, which is
     * why the page quotes this kernel per pair and not as a flop rate).
     */
    public static double flops(int samples, int dimension) {
        double pairs = samples * (samples + 1.0) / 2;
        return 2.0 * samples * dimension + pairs * (2.0 * dimension + 6);
    }
}
