package org.optreport.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
import org.optreport.linalg.SeededMatrices;

/**
 * A plain dense n x n matrix product with EJML (single-threaded, as every kernel here): the machine's attainable
 * double-precision rate on this JVM, the yardstick of the kernels' efficiency.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatrixProductBenchmark {
    @Param({"64", "128", "256", "512", "1024"})
    public int n;
    private DMatrixRMaj a, b, c;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(3);
        a = SeededMatrices.gaussian(n, n, 1, random);
        b = SeededMatrices.gaussian(n, n, 1, random);
        c = new DMatrixRMaj(n, n);
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        CommonOps_DDRM.mult(a, b, c);
        blackhole.consume(c);
    }

    /** n^3 multiply-adds: 2 n^3. */
    public static double flops(int n) {
        return 2.0 * n * n * n;
    }

    /** Compulsory traffic: a and b read, c written, 8 bytes an entry. */
    public static double bytes(int n) {
        return 3 * 8.0 * n * n;
    }
}
