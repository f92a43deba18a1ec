package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optreport.report.stats.RatioInterval;
import org.optreport.report.stats.Replicates;
import org.optreport.results.BenchmarksResult;

/**
 * The machine's roofs, from the same run: the memory bandwidth at each level (the triad benchmark, bytes per second)
 * and the compute peak of one core as the JIT can use it, clock x {@link #flopsPerCycle} (2 FMA pipes x (vector bits /
 * 64) lanes x 2 flops: 16 flops a cycle with 256-bit vectors). The clock is the one measured by the dependent chain of
 * one-cycle operations in the same run ({@code ClockBenchmark}), or the clock the kernel reports where the run has no
 * such measurement. The peak is that clock times a count: no Java loop reaches it; OpenBLAS's DGEMM, measured beside
 * it, shows how close tuned code comes. A kernel's attainable rate is min(peak, intensity x bandwidth) at the level its
 * compulsory bytes per call fit in. {@code clock} holds the measured clock's fork means (null where the peak comes from
 * the kernel's clock), so that a kernel's share of its roof carries the roof's uncertainty ({@link #efficiency}).
 */
record Roofline(double peakFlops, Replicates clock, Map<String, Measurement> levels) {
    static final List<String> LEVEL_ORDER = List.of("L1", "L2", "L3", "DRAM");

    /** A roofline whose peak is known without uncertainty (the kernel's clock, or a test's). */
    Roofline(double peakFlops, Map<String, Measurement> levels) { this(peakFlops, null, levels); }

    static Roofline of(BenchmarkResult result) {
        Map<String, Measurement> levels = new LinkedHashMap<>();
        for (String level : LEVEL_ORDER)
            for (Measurement m : result.of("bandwidth")) if (m.point().label().equals(level)) levels.put(level, m);
        BenchmarkResult.MeasuredClock clock = result.measuredClock();
        double peak = clock == null ? peak(result.machine()) : clock.hz() * flopsPerCycle(result.machine().vectorBits());
        return new Roofline(peak, clock == null ? null : clock.forks(), levels);
    }

    /** The peak at the clock the kernel reports (NaN where it reports none, or the vector width is unknown). */
    static double peak(BenchmarksResult.MachineDescription machine) {
        if (machine.clockMHz() == null || machine.clockMHz().isNaN()) return Double.NaN;
        return machine.clockMHz() * 1e6 * flopsPerCycle(machine.vectorBits());
    }

    /**
     * Double-precision flops a cycle: 2 FMA pipes x (vector bits / 64) lanes x 2 flops per FMA; NaN if the width is
     * unknown. Whether the run shows the second pipe is {@link FmaPipes}' to say.
     */
    static double flopsPerCycle(Integer vectorBits) {
        if (vectorBits == null || vectorBits == 0) return Double.NaN;
        return 2 * (vectorBits / 64.0) * 2;
    }

    /** Bytes per second at a level (NaN if not measured). */
    double bandwidth(String level) {
        Measurement m = levels.get(level);
        return m == null ? Double.NaN : m.byteRate();
    }

    /** The level a call's compulsory bytes fit in (the smallest whose working set holds them), DRAM beyond; null without levels. */
    String levelFor(double bytesPerCall) {
        String last = null;
        for (Measurement m : levels.values()) {
            last = m.point().label();
            if (bytesPerCall <= m.point().size()) return last;
        }
        return last;
    }

    /** The roof that binds a kernel: "compute" or a memory level; null when it cannot be placed. */
    String binding(Measurement m) {
        if (Double.isNaN(m.intensity())) return null;
        String level = levelFor(m.point().bytes());
        if (level == null) return Double.isNaN(peakFlops) ? null : "compute";
        double memory = m.intensity() * bandwidth(level);
        return !Double.isNaN(peakFlops) && peakFlops < memory ? "compute" : level;
    }

    /** min(peak, intensity x bandwidth at its level), flop/s; NaN when the kernel cannot be placed. */
    double attainable(Measurement m) {
        String binding = binding(m);
        if (binding == null) return Double.NaN;
        return binding.equals("compute") ? peakFlops : m.intensity() * bandwidth(binding);
    }

    /**
     * The measured rate over the roof that binds the kernel, with its two-sided interval at {@code confidence} carrying
     * both the kernel's and the roof's uncertainty: under the compute roof F / (t · clock · flops per cycle), the
     * kernel's fork means against the clock's (exact where the peak is the kernel-reported clock's); under a memory roof
     * (F / t) / (I · b_triad / t_triad) = (b / b_triad) · t_triad / t, against the triad's fork means at that level.
     * Null when the kernel cannot be placed.
     */
    RatioInterval efficiency(Measurement m, double confidence) {
        String binding = binding(m);
        if (binding == null || Double.isNaN(m.flopRate())) return null;
        if (binding.equals("compute")) return ofPeak(m, confidence);
        Measurement triad = levels.get(binding);
        return RatioInterval.of(m.point().bytes() / triad.point().bytes(), List.of(triad.time().estimate()), List.of(m.time().estimate()), confidence);
    }

    /** The measured rate over the peak, F / (t · clock · flops per cycle), with its interval (the clock exact where not measured). */
    RatioInterval ofPeak(Measurement m, double confidence) {
        if (clock == null) return RatioInterval.of(m.point().flops() / peakFlops, List.of(), List.of(m.time().estimate()), confidence);
        double perCycle = peakFlops / clock.mean();
        return RatioInterval.of(m.point().flops() / perCycle, List.of(), List.of(m.time().estimate(), clock.estimate()), confidence);
    }

    /** The roof's curve for one level over intensities: min(peak, I x bandwidth). */
    double[] roof(String level, double[] intensities) { return roof(peakFlops, bandwidth(level), intensities); }

    /**
     * The roof's curve at the ends of the two-sided 95% intervals (log scale) of the peak (the clock's fork means) and of
     * the bandwidth (the triad's time): {@code side} -1 the lower curve, +1 the upper.
     */
    double[] roofBound(String level, double[] intensities, int side) {
        RatioInterval time = levels.get(level).time().interval95();
        double bandwidth = Double.isNaN(time.lower()) ? bandwidth(level) : levels.get(level).point().bytes() / (side > 0 ? time.lower() : time.upper());
        double peak = peakFlops;
        if (clock != null && !Double.isNaN(clock.interval95().lower()))
            peak = peakFlops / clock.mean() * (side > 0 ? clock.interval95().upper() : clock.interval95().lower());
        return roof(peak, bandwidth, intensities);
    }

    private static double[] roof(double peak, double bandwidth, double[] intensities) {
        double[] out = new double[intensities.length];
        for (int i = 0; i < out.length; i++) {
            double memory = intensities[i] * bandwidth;
            out[i] = Double.isNaN(peak) ? memory : Math.min(peak, memory);
        }
        return out;
    }

    List<String> measuredLevels() { return new ArrayList<>(levels.keySet()); }
}
