package org.optreport.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The attainable compute reference: OpenBLAS's DGEMM, C = A B of two n x n matrices, through Bytedeco's JavaCPP
 * binding, on one thread (every kernel here is single-threaded). A tuned BLAS blocks for the caches and registers and
 * uses the widest FMA units the CPU has, so its rate is what the machine's double-precision arithmetic reaches in
 * practice on one core; the matrices live off the Java heap, so the collector plays no part.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BlasProductBenchmark {
    @Param({"128", "256", "512", "1024"})
    public int n;
    private DoublePointer a, b, c;

    @Setup(Level.Trial)
    public void setUp() {
        OpenBlas.singleThreaded();
        Random random = new Random(3);
        a = gaussian(n * n, random);
        b = gaussian(n * n, random);
        c = new DoublePointer((long) n * n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        a.close();
        b.close();
        c.close();
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans,
                n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        blackhole.consume(c);
    }

    private static DoublePointer gaussian(int length, Random random) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) values[i] = random.nextGaussian();
        return new DoublePointer(values);
    }

    /** n^3 multiply-adds: 2 n^3, as for {@link MatrixProductBenchmark}. */
    public static double flops(int n) { return MatrixProductBenchmark.flops(n); }

    public static double bytes(int n) { return MatrixProductBenchmark.bytes(n); }
}
