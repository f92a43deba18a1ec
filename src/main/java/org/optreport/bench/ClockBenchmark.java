package org.optreport.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The core's clock while it computes, measured: a chain of {@link #cycles} dependent integer additions and
 * exclusive-ors. Each takes exactly one cycle on every x86-64 core and none can start before the previous one ends,
 * so the chain takes {@code cycles} cycles whatever the CPU's width, and the clock is cycles over the time the chain
 * ran. That time is the thread's CPU time ({@link CpuTime}, JMH's secondary metrics {@code chainCycles} and
 * {@code cpuNanos}), not the wall-clock time JMH scores: on a shared machine the thread waits for a core, and waiting
 * is no cycle (on a machine busy four times over, wall-clock time reads a quarter of the clock). The kernel's
 * "cpu MHz" is only what it was told (on a virtual machine, often the nominal clock), while this is the clock the
 * kernels ran at, boost included. The operands are fields, not constants, so that the JIT cannot fold the chain; the
 * loop's own counter and branch run beside the chain on other execution ports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClockBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Dependent one-cycle operations per call, four per loop turn: about half a millisecond, long beside a call's
     * fixed cost and the CPU-time reading's resolution, short beside a time slice. One size only; a parameter so that
     * the result names it as others do.
     */
    @Param({"1048576"})
    public int cycles;
    private long add = 0x9E3779B97F4A7C15L, mask = 0xBF58476D1CE4E5B9L, add2 = 0x94D049BB133111EBL, mask2 = 0x2545F4914F6CDD1DL;
    private long state = 1;

    /** Per iteration: the chain's cycles and the thread's CPU nanoseconds spent on them (JMH sums events per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public long chainCycles;
        public long cpuNanos;

        @Setup(Level.Iteration)
        public void clear() {
            chainCycles = 0;
            cpuNanos = 0;
        }
    }

    @Benchmark
    public long run(CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        long x = state;
        long a = add, m = mask, a2 = add2, m2 = mask2;
        for (int i = 0, turns = cycles / 4; i < turns; i++) {
            x += a;
            x ^= m;
            x += a2;
            x ^= m2;
        }
        state = x;
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
        cpu.chainCycles += cycles;
        return x;
    }
}
