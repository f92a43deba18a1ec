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

/**
 * The roofline's memory roofs: the STREAM triad a[i] = b[i] + s c[i] over three arrays whose total size sits well
 * inside one level of the memory hierarchy (half of L1d, half of L2, half of L3) or well beyond it (DRAM: 4 times L3),
 * the sizes read from the machine's caches where it reports them. The JIT vectorizes the loop; its rate is the
 * bandwidth a Java kernel can reach at that level, single-threaded. Bytes counted as STREAM does: 24 per element (two
 * reads, one write), not the write-allocate read of a.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MemoryBandwidthBenchmark {
    @Param({"L1", "L2", "L3", "DRAM"})
    public String level;
    private double[] a, b, c;
    private double scalar = 3;

    @Setup(Level.Trial)
    public void setUp() {
        int n = elements(level);
        a = new double[n];
        b = new double[n];
        c = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i;
            c[i] = 1.0 / (i + 1);
        }
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        double[] a = this.a, b = this.b, c = this.c;
        double s = scalar;
        for (int i = 0; i < a.length; i++) a[i] = b[i] + s * c[i];
        blackhole.consume(a);
    }

    /** Elements per array for a level: its working set (three arrays of doubles) over 24 bytes. */
    static int elements(String level) {
        return (int) (workingSetBytes(level) / 24);
    }

    /** The three arrays' total size at a level. */
    public static long workingSetBytes(String level) {
        CacheSizes caches = CacheSizes.ofThisMachine();
        return switch (level) {
            case "L1" -> caches.l1() / 2;
            case "L2" -> caches.l2() / 2;
            case "L3" -> caches.l3() / 2;
            case "DRAM" -> 4 * caches.l3();
            default -> throw new IllegalArgumentException("level '" + level + "' must be L1, L2, L3 or DRAM");
        };
    }

    /** Bytes one call moves, as STREAM counts them. */
    public static double bytes(String level) {
        return 24.0 * elements(level);
    }
}
