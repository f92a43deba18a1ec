package org.optreport.report.performance;

import static org.optreport.report.performance.Nearest.nearest;
import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.QuotedValues;
import java.util.Set;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Speedups.Speedup;
import org.optreport.report.stats.RatioInterval;
import org.optreport.report.stats.Replicates;

/**
 * Each performance target of the issue: its measured figure with its interval, quoted, and its verdict (met, missed
 * or inconclusive from one-sided 95% bounds, {@link Verdict}), as a table row.
 */
final class PerformanceTargets {
    /** The report's default training sizes (trajectory: width 10, depths 2..4 on diabetes), where the gradient target applies. */
    static final Set<String> DEFAULT_GRADIENT_SHAPES = Set.of("10x10x1", "10x10x10x1", "10x10x10x10x1");
    static final double HESSIAN_TARGET_PARAMETERS = 300, HESSIAN_TARGET_SPEEDUP = 10;
    static final double LANCZOS_TARGET_PARAMETERS = 1e5, LANCZOS_TARGET_SECONDS = 1;
    static final double GRADIENT_TARGET_RATIO = 3;
    static final double RELU_TARGET_WIDTH = 1e5, RELU_TARGET_SECONDS = 0.05;
    /** Issue 18: the landscape configuration (width 10, 2,000 steps, 101 spectral records) at these depths, together. */
    static final List<Integer> LANDSCAPE_TARGET_DEPTHS = List.of(2, 3, 4);
    static final double LANDSCAPE_TARGET_SECONDS = 0.5;
    /**
     * "About 0 B per call": less than the smallest array (a 16-byte header), whatever the size, so no array of any
     * length is allocated per call; JMH's own per-iteration bookkeeping, spread over the calls, stays below it.
     */
    static final double ALLOCATION_LIMIT_BYTES = 16;

    private final QuotedValues values;
    private final List<List<String>> rows = new ArrayList<>();

    private PerformanceTargets(QuotedValues values) { this.values = values; }

    /** The targets table; the figures behind it go into {@code values}. */
    static Table evaluate(BenchmarkResult result, List<Speedup> hessianSpeedups, Baselines baselines, QuotedValues values) {
        PerformanceTargets t = new PerformanceTargets(values);
        t.gradient(result.of("gradient"), result.yardstick());
        t.allocation(result.of("gradient"), result.of("hvp"), result.of("bandwidth"));
        t.hessian(Speedups.bySize(hessianSpeedups));
        t.timeTarget("lanczos", result.of("lanczosExtremes"), LANCZOS_TARGET_PARAMETERS, LANCZOS_TARGET_SECONDS, 1, " s",
                "both extreme eigenvalues of a 10^5-parameter Hessian in under " + Format.sig(LANCZOS_TARGET_SECONDS, 2) + " s", " parameters");
        t.landscapeSpectra(result.of("landscapeSpectra"));
        t.timeTarget("relu", result.of("reluStep"), RELU_TARGET_WIDTH, RELU_TARGET_SECONDS, 1e3, " ms",
                "one GD step of a width-10^5 ReLU network on 256 × 10 in under " + Format.sig(RELU_TARGET_SECONDS * 1e3, 3) + " ms", "");
        values.put("reluTargetMillis", Format.sig(RELU_TARGET_SECONDS * 1e3, 2), "the ReLU step target: at most this many milliseconds per step");
        BaselineTargets.evaluate(baselines, result, values, t.rows);
        return new Table(List.of("target", "measured (one-sided 95% bounds)", "verdict"), t.rows);
    }

    /**
     * The gradient's time over its flops at the yardstick's rate, t F_mm / (t_mm F), at each default size: the bounds
     * are those of the ratio of the gradient's and the yardstick's fork means, so the yardstick's uncertainty is in them.
     */
    private void gradient(List<Measurement> gradient, Measurement yardstick) {
        Measurement worst = null;
        RatioInterval worstRatio = null;
        double bestRatio = Double.NaN;
        Verdict verdict = null;
        for (Measurement m : yardstick == null ? List.<Measurement>of() : gradient) {
            RatioInterval ratio = RatioInterval.of(m.time(), yardstick.time()).times(yardstick.point().flops() / m.point().flops());
            if (!(ratio.estimate() >= bestRatio)) bestRatio = ratio.estimate();
            if (!DEFAULT_GRADIENT_SHAPES.contains(m.point().label())) continue;
            Verdict v = Verdict.atMost(ratio.lower(), ratio.upper(), GRADIENT_TARGET_RATIO);
            verdict = verdict == null ? v : verdict.and(v);
            if (worstRatio == null || ratio.estimate() > worstRatio.estimate()) {
                worstRatio = ratio;
                worst = m;
            }
        }
        values.put("gradientRatio", worstRatio == null ? NOT_MEASURED : Format.sig(worstRatio.estimate(), 3), "worst gradient time over its flops at the yardstick's rate, at the default shapes");
        values.put("gradientRatioBounds", worstRatio == null ? NOT_MEASURED : bounds(worstRatio.lower(), worstRatio.upper(), 1, ""), "one-sided 95% bounds of that worst ratio (ratio of fork means, log scale, Welch t)");
        values.put("gradientRatioShape", worst == null ? NOT_MEASURED : worst.point().label(), "the shape of that worst ratio");
        values.put("gradientRatioBest", Double.isNaN(bestRatio) ? NOT_MEASURED : Format.sig(bestRatio, 3), "best gradient time over its flops at the yardstick's rate, over all shapes");
        String met = (verdict == null ? Verdict.NOT_MEASURED : verdict).label();
        values.put("gradientTarget", met, "verdict on the gradient target (met, missed or inconclusive)");
        values.put("gradientTargetRatio", Format.sig(GRADIENT_TARGET_RATIO, 2), "the gradient target: at most this many times the yardstick's time for its flops");
        rows.add(List.of("gradient at the default sizes within " + Format.sig(GRADIENT_TARGET_RATIO, 2) + "× of flops / yardstick rate",
                worst == null ? NOT_MEASURED : "worst " + Format.sig(worstRatio.estimate(), 3) + "× " + values.get("gradientRatioBounds")
                        + " (" + worst.point().label() + ")", met));
    }

    /**
     * Below {@link #ALLOCATION_LIMIT_BYTES} per call at every size, after JMH's own bookkeeping: JMH allocates a few
     * kilobytes per measurement iteration whatever the kernel, and its normalized allocation spreads them over the calls,
     * so a kernel of milliseconds per call shows hundreds of bytes per call that it never allocated. The bookkeeping is
     * measured in the same run as the allocation rate of the triad benchmarks, whose loops allocate nothing (the
     * smallest rate among them), and subtracted at each measurement's time per call.
     */
    private void allocation(List<Measurement> gradient, List<Measurement> hvp, List<Measurement> allocationFree) {
        double rate = bookkeepingRate(allocationFree), largestRate = largestBookkeepingRate(allocationFree);
        double worstGradient = maxAllocPerCall(gradient, rate), worstHvp = maxAllocPerCall(hvp, rate);
        // the bookkeeping differs a little between benchmarks: charged at the largest rate, an allocation is certain
        double leastGradient = maxAllocPerCall(gradient, largestRate), leastHvp = maxAllocPerCall(hvp, largestRate);
        Verdict verdict;
        if (Double.isNaN(worstGradient) && Double.isNaN(worstHvp)) verdict = Verdict.NOT_MEASURED;
        else if (!(worstGradient >= ALLOCATION_LIMIT_BYTES) && !(worstHvp >= ALLOCATION_LIMIT_BYTES)) verdict = Verdict.MET;
        else if (leastGradient >= ALLOCATION_LIMIT_BYTES || leastHvp >= ALLOCATION_LIMIT_BYTES) verdict = Verdict.MISSED;
        else verdict = Verdict.INCONCLUSIVE;
        values.put("allocGradient", Double.isNaN(worstGradient) ? NOT_MEASURED : Format.sig(worstGradient, 3),
                "largest allocation per gradient call beyond JMH's bookkeeping, in bytes");
        values.put("allocHvp", Double.isNaN(worstHvp) ? NOT_MEASURED : Format.sig(worstHvp, 3),
                "largest allocation per Hessian-vector product beyond JMH's bookkeeping, in bytes");
        values.put("allocGradientLeast", Double.isNaN(leastGradient) ? NOT_MEASURED : Format.sig(leastGradient, 3),
                "the same with the bookkeeping charged at the largest rate measured, in bytes");
        values.put("allocHvpLeast", Double.isNaN(leastHvp) ? NOT_MEASURED : Format.sig(leastHvp, 3),
                "the same for the Hessian-vector product, in bytes");
        values.put("allocBookkeeping", rate == 0 ? NOT_MEASURED : Format.sig(rate * 1e-3, 3),
                "JMH's own allocation per millisecond of measurement, from the allocation-free triad benchmarks, in bytes");
        values.put("allocBookkeepingLargest", largestRate == 0 ? NOT_MEASURED : Format.sig(largestRate * 1e-3, 3),
                "the largest of those rates, bytes per millisecond");
        values.put("allocLimit", Format.sig(ALLOCATION_LIMIT_BYTES, 2), "the allocation target: fewer bytes than this per call");
        values.put("allocTarget", verdict.label(), "verdict on the allocation target");
        rows.add(List.of("about 0 B/op in the gradient and Hessian-vector product (below " + Format.sig(ALLOCATION_LIMIT_BYTES, 2) + " B per call)",
                "at most " + values.get("allocGradient") + " B/op (gradient), " + values.get("allocHvp") + " B/op (HVP) beyond JMH's bookkeeping"
                        + " (at least " + values.get("allocGradientLeast") + " and " + values.get("allocHvpLeast") + ")",
                verdict.label()));
    }

    /** Bytes JMH allocates per second of measured time: the smallest allocation rate among allocation-free kernels; 0 if none. */
    static double bookkeepingRate(List<Measurement> allocationFree) {
        double rate = Double.POSITIVE_INFINITY;
        for (Measurement m : allocationFree)
            if (!Double.isNaN(m.bytesPerOp()) && m.seconds() > 0) rate = Math.min(rate, m.bytesPerOp() / m.seconds());
        return Double.isInfinite(rate) ? 0 : rate;
    }

    /** The largest of those rates (0 if none): the most bookkeeping a call may carry. */
    static double largestBookkeepingRate(List<Measurement> allocationFree) {
        double rate = 0;
        for (Measurement m : allocationFree)
            if (!Double.isNaN(m.bytesPerOp()) && m.seconds() > 0) rate = Math.max(rate, m.bytesPerOp() / m.seconds());
        return rate;
    }

    /** The largest allocation per call beyond the bookkeeping at that call's time (never below 0); NaN if not profiled. */
    static double maxAllocPerCall(List<Measurement> ms, double bookkeepingRate) {
        double worst = Double.NaN;
        for (Measurement m : ms) {
            if (Double.isNaN(m.bytesPerOp())) continue;
            double own = Math.max(0, m.bytesPerOp() - bookkeepingRate * m.seconds());
            if (!(own <= worst)) worst = own;
        }
        return worst;
    }

    /**
     * The speed-up at the size nearest 300 parameters (one-sided 95% bounds), and whether it grows from the smallest to the
     * largest size: yes when the largest size's lower bound exceeds the smallest's upper bound, no in the reverse case,
     * not established otherwise. Also the ratio of the two methods' flops there, the speed-up at equal efficiency.
     */
    private void hessian(List<Speedup> bySize) {
        Speedup near = nearest(bySize, Speedup::size, HESSIAN_TARGET_PARAMETERS);
        Speedup smallest = bySize.isEmpty() ? null : bySize.get(0), largest = bySize.isEmpty() ? null : bySize.get(bySize.size() - 1);
        RatioInterval atTarget = near == null ? null : near.interval();
        Verdict growth = Verdict.NOT_MEASURED;
        String grows = NOT_MEASURED;
        if (bySize.size() >= 2) {
            RatioInterval first = smallest.interval(), last = largest.interval();
            if (last.lower() > first.upper()) { growth = Verdict.MET; grows = "yes"; }
            else if (last.upper() < first.lower()) { growth = Verdict.MISSED; grows = "no"; }
            else {
                growth = Verdict.INCONCLUSIVE;
                // the point estimates still point one way: say which, so that "not established" does not hide a fall
                grows = "not established (the intervals overlap; the point estimate " + (largest.ratio() >= smallest.ratio() ? "rises" : "falls")
                        + " from " + Format.sig(smallest.ratio(), 3) + "× to " + Format.sig(largest.ratio(), 3) + "×)";
            }
        }
        values.put("hessianSpeedup", near == null ? NOT_MEASURED : Format.sig(atTarget.estimate(), 3), "speed-up of the analytic Hessian over finite differences nearest the target size");
        values.put("hessianSpeedupBounds", near == null ? NOT_MEASURED : bounds(atTarget.lower(), atTarget.upper(), 1, "×"), "one-sided 95% bounds of that speed-up (ratio of fork means, log scale, Welch t)");
        values.put("hessianSpeedupParams", near == null ? NOT_MEASURED : Format.integer((long) near.size()), "parameters of the network at that size");
        values.put("hessianSpeedupLargest", largest == null ? NOT_MEASURED : Format.sig(largest.ratio(), 3), "speed-up of the analytic Hessian at the largest size measured");
        values.put("hessianSpeedupLargestParams", largest == null ? NOT_MEASURED : Format.integer((long) largest.size()), "parameters at the largest size measured");
        values.put("hessianGapGrows", grows, "whether the speed-up grows from the smallest to the largest size, judged on the intervals");
        double flopRatio = near == null ? Double.NaN : near.baseline().point().flops() / near.fast().point().flops();
        values.put("hessianFlopRatio", Double.isNaN(flopRatio) ? NOT_MEASURED : Format.sig(flopRatio, 3), "finite differences' flops over the analytic Hessian's at the target size");
        Verdict speedup = near == null ? Verdict.NOT_MEASURED : Verdict.atLeast(atTarget.lower(), atTarget.upper(), HESSIAN_TARGET_SPEEDUP);
        Verdict verdict = speedup == Verdict.NOT_MEASURED ? speedup : speedup.and(growth == Verdict.NOT_MEASURED ? Verdict.INCONCLUSIVE : growth);
        values.put("hessianTarget", verdict.label(), "verdict on the Hessian target");
        rows.add(List.of("analytic Hessian ≥ " + Format.sig(HESSIAN_TARGET_SPEEDUP, 2) + "× faster than finite differences at ~300 parameters, gap growing",
                near == null ? NOT_MEASURED : Format.sig(atTarget.estimate(), 3) + "× " + values.get("hessianSpeedupBounds") + " at "
                        + Format.integer((long) near.size()) + " parameters; growing: " + grows, verdict.label()));
    }

    /**
     * A time target at a size ("under 1 s at 10^5 parameters"): the size measured nearest the target's (within 10%),
     * judged on the one-sided 95% upper and lower bounds of its fork means. {@code scale} converts seconds to the
     * quoted unit.
     */
    private void timeTarget(String key, List<Measurement> ms, double targetSize, double targetSeconds, double scale, String unit,
                            String description, String sizeUnit) {
        Measurement near = nearest(ms, m -> m.point().size(), targetSize);
        boolean atScale = near != null && near.point().size() >= 0.9 * targetSize;
        Replicates time = atScale ? near.time() : null;
        String quoted = atScale ? Format.sig(time.mean() * scale, 3) : NOT_MEASURED;
        values.put(key + (scale == 1 ? "Seconds" : "StepMillis"), quoted, "mean time of the " + key + " target's kernel at the size nearest the target (seconds for Lanczos, ms for the ReLU step)");
        values.put(key + "Bounds", atScale ? bounds(time.lower95(), time.upper95(), scale, "") : NOT_MEASURED, "one-sided 95% bounds of the " + key + " target's time");
        values.put(key + (key.equals("relu") ? "Width" : "Params"), atScale ? Format.integer((long) near.point().size()) : NOT_MEASURED, "size measured nearest the " + key + " target (width or parameters)");
        if (key.equals("lanczos")) values.put("lanczosShape", atScale ? near.point().label() : NOT_MEASURED, "network shape of the Lanczos measurement nearest the target");
        Verdict verdict = atScale ? Verdict.atMost(time.lower95(), time.upper95(), targetSeconds) : Verdict.NOT_MEASURED;
        values.put(key + "Target", verdict.label(), "verdict on the " + key + " target");
        rows.add(List.of(description, atScale ? quoted + unit + " " + values.get(key + "Bounds") + " at "
                + Format.integer((long) near.point().size()) + sizeUnit + ", " + Format.count(near.time().count(), "fork", "forks") : NOT_MEASURED, verdict.label()));
    }

    /**
     * The landscape runs of the three depths together, as the baseline table takes them: fork f of the sum is the sum of
     * every depth's fork f (independent forks of independent benchmarks), judged on that sum's one-sided 95% bounds.
     */
    private void landscapeSpectra(List<Measurement> ms) {
        Measurement together = BaselineTable.landscapeDepthsTogether(ms, "N=2,3,4");
        boolean measured = together != null;
        double mean = measured ? together.time().mean() : Double.NaN;
        double lower = measured ? together.time().lower95() : Double.NaN, upper = measured ? together.time().upper95() : Double.NaN;
        Verdict verdict = measured ? Verdict.atMost(lower, upper, LANDSCAPE_TARGET_SECONDS) : Verdict.NOT_MEASURED;
        values.put("landscapeSpectraSeconds", measured ? Format.sig(mean, 3) : NOT_MEASURED, "seconds of the landscape runs with spectral records at depths 2, 3 and 4 together (width 10, 2,000 steps, 101 records each)");
        values.put("landscapeSpectraBounds", measured ? bounds(lower, upper, 1, "") : NOT_MEASURED, "one-sided 95% bounds of that time, over the forks' sums of the three depths");
        values.put("landscapeSpectraTargetSeconds", Format.sig(LANDSCAPE_TARGET_SECONDS, 2), "the landscape target: at most this many seconds for the three depths");
        values.put("landscapeSpectraTarget", verdict.label(), "verdict on the landscape target");
        rows.add(List.of("landscape run (width 10, 2,000 steps, both extreme eigenvalues at 101 steps) at depths 2, 3 and 4 together in at most "
                        + Format.sig(LANDSCAPE_TARGET_SECONDS, 2) + " s",
                measured ? values.get("landscapeSpectraSeconds") + " s " + values.get("landscapeSpectraBounds") : NOT_MEASURED, verdict.label()));
    }

    /** "[lower, upper]" of a ratio's interval, scaled. */
    static String bounds(RatioInterval r, double scale, String suffix) { return bounds(r.lower(), r.upper(), scale, suffix); }

    /** "[lower, upper]" for one-sided 95% bounds, or "(no interval: one replicate)". */
    static String bounds(double lower, double upper, double scale, String suffix) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) return "(no interval: one replicate)";
        return "[" + Format.sig(lower * scale, 3) + suffix + ", " + Format.sig(upper * scale, 3) + suffix + "]";
    }
}
