package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.stats.RatioInterval;

/**
 * The roofs the page quotes: the measured clock and the peak it gives (GFLOP/s), the yardstick (OpenBLAS's DGEMM) against
 * that peak, and the bandwidth at each level with its 95% interval (GB/s).
 */
final class RooflineValues {
    private RooflineValues() {}

    static void put(BenchmarkResult result, Roofline roofline, QuotedValues values) {
        BenchmarkResult.MeasuredClock clock = result.measuredClock();
        values.put("measuredClock", clock == null ? NOT_MEASURED : Format.sig(clock.hz() / 1e9, 3) + " GHz", "the clock measured by a chain of dependent one-cycle operations (its cycles over the thread's CPU time, mean over the forks)");
        values.put("measuredClockBounds", clock == null ? NOT_MEASURED : PerformanceTargets.bounds(clock.lower(), clock.upper(), 1e-9, " GHz"), "one-sided 95% bounds of the measured clock");
        values.put("peakClock", clock == null ? "the clock the kernel reports (no clock was measured)" : "the measured clock", "which clock the peak is computed from");
        double perCycle = Roofline.flopsPerCycle(result.machine().vectorBits());
        values.put("flopsPerCycle", Double.isNaN(perCycle) ? NOT_MEASURED : Format.sig(perCycle, 3), "double-precision flops per cycle at the JIT's vector width: 2 FMA pipes × lanes × 2");
        putFmaPipes(FmaPipes.of(result.yardstick(), clock == null ? null : clock.forks(), result.machine().vectorBits()), values);
        values.put("peakGflops", Double.isNaN(roofline.peakFlops()) ? NOT_MEASURED : Format.sig(roofline.peakFlops() / 1e9, 3), "single-core peak: measured clock × 2 FMA pipes × the JIT's vector lanes × 2, in GFLOP/s");
        Measurement yardstick = result.yardstick();
        values.put("yardstickName", yardstick == null ? NOT_MEASURED : yardstick.kernel().title(), "the yardstick: the attainable compute rate's kernel");
        values.put("yardstickGflops", SetupValues.rate(yardstick), "the yardstick's rate at its largest size measured, in GFLOP/s");
        values.put("yardstickGflopsBounds", SetupValues.rateBounds(yardstick), "one-sided 95% bounds of the yardstick's rate");
        values.put("yardstickSize", yardstick == null ? NOT_MEASURED : yardstick.point().label(), "the matrix shape of the yardstick");
        values.put("yardstickOfPeak", yardstick == null || Double.isNaN(roofline.peakFlops()) ? NOT_MEASURED
                : Format.sig(100 * yardstick.flopRate() / roofline.peakFlops(), 3) + "%", "the yardstick's rate as a share of the peak");
        Measurement ejml = result.largest("matmul");
        values.put("matmulOfYardstick", ejml == null || yardstick == null || ejml == yardstick ? NOT_MEASURED
                : Format.sig(100 * ejml.flopRate() / yardstick.flopRate(), 3) + "%", "EJML's product rate as a share of the yardstick's");
        values.put("yardstickOfPeakBounds", yardstick == null || Double.isNaN(roofline.peakFlops()) ? NOT_MEASURED
                : PerformanceTargets.bounds(roofline.ofPeak(yardstick, 0.90), 100, "%"), "one-sided 95% bounds of the yardstick's share of the peak (its fork means and the clock's)");
        for (String level : Roofline.LEVEL_ORDER) {
            Measurement m = roofline.levels().get(level);
            String key = "bandwidth" + level;
            if (m == null) {
                values.put(key, NOT_MEASURED, "measured triad bandwidth at " + level + " with its 95% interval (log scale), in GB/s");
                continue;
            }
            // the bandwidth is bytes over time: the time interval's upper end is the bandwidth's lower end
            RatioInterval time = m.time().interval95();
            values.put(key, Format.sig(m.byteRate() / 1e9, 3) + (Double.isNaN(time.lower()) ? "" : " [" + Format.sig(m.point().bytes() / time.upper() / 1e9, 3)
                    + ", " + Format.sig(m.point().bytes() / time.lower() / 1e9, 3) + "]"), "measured triad bandwidth at " + level + " with its 95% interval (log scale), in GB/s");
        }
    }

    /**
     * What the run says of the FMA pipes: the yardstick's flops per cycle with bounds, one pipe's count and the conclusion
     * the page quotes, a sentence computed here so that the page never states a count the run does not support.
     */
    static void putFmaPipes(FmaPipes pipes, QuotedValues values) {
        values.put("achievedFlopsPerCycle", pipes == null ? NOT_MEASURED : Format.sig(pipes.achieved().estimate(), 3),
                "the yardstick's flops per cycle: its rate over the measured clock");
        values.put("achievedFlopsPerCycleBounds", pipes == null ? NOT_MEASURED : PerformanceTargets.bounds(pipes.achieved().lower(), pipes.achieved().upper(), 1, ""),
                "one-sided 95% bounds of the yardstick's flops per cycle (its fork means and the clock's)");
        values.put("onePipeFlopsPerCycle", pipes == null ? NOT_MEASURED : Format.sig(pipes.onePipe(), 3),
                "double-precision flops per cycle of one FMA pipe at the JIT's vector width (lanes × 2)");
        values.put("fmaPipesConclusion", pipes == null ? "no yardstick or no measured clock in this run, so two pipes is an assumption here, not a measurement"
                : switch (pipes.conclusion()) {
                    case TWO_PIPES_INFERRED -> "its lower bound exceeds the " + Format.sig(pipes.onePipe(), 3) + " flops a cycle of one pipe, so the core has a"
                            + " second FMA pipe, and " + Format.sig(pipes.twoPipes(), 3) + ", two pipes' count, is the next value the architecture allows";
                    case WIDER_THAN_THE_JIT -> "its lower bound exceeds even the " + Format.sig(pipes.twoPipes(), 3) + " flops a cycle of two pipes at the JIT's"
                            + " vector width: the hardware's vectors are wider than those the JIT uses, and the peak below is the JIT's, not the core's";
                    case ASSUMED -> "its bounds do not exceed the " + Format.sig(pipes.onePipe(), 3) + " flops a cycle of one pipe, so this run cannot show a"
                            + " second pipe: the " + Format.sig(pipes.twoPipes(), 3) + " flops a cycle of two pipes below is an assumption";
                }, "what the yardstick's flops per cycle say of the number of FMA pipes");
    }
}
