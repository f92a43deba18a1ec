package org.optreport.report.performance;

import static org.optreport.report.performance.Nearest.nearest;
import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Speedups.Speedup;

/** Each performance target of the issue: its measured figure, quoted, and whether it is met, as a table row. */
final class PerformanceTargets {
    /** The report's default training sizes (trajectory: width 10, depths 2..4 on diabetes), where the gradient target applies. */
    static final Set<String> DEFAULT_GRADIENT_SHAPES = Set.of("10x10x1", "10x10x10x1", "10x10x10x10x1");
    static final double HESSIAN_TARGET_PARAMETERS = 300, HESSIAN_TARGET_SPEEDUP = 10;
    static final double LANCZOS_TARGET_PARAMETERS = 1e5, LANCZOS_TARGET_SECONDS = 1;
    static final double GRADIENT_TARGET_RATIO = 3;
    static final double RELU_TARGET_WIDTH = 1e5, RELU_TARGET_SECONDS = 0.1;

    private final QuotedValues values;
    private final List<List<String>> rows = new ArrayList<>();

    private PerformanceTargets(QuotedValues values) { this.values = values; }

    /** The targets table; the figures behind it go into {@code values}. */
    static Table evaluate(BenchmarkResult result, List<Speedup> hessianSpeedups, QuotedValues values) {
        PerformanceTargets t = new PerformanceTargets(values);
        t.gradient(result.of("gradient"), result.matmulRate());
        t.allocation(result.of("gradient"), result.of("hvp"));
        t.hessian(Speedups.bySize(hessianSpeedups));
        t.lanczos(result.of("lanczosExtremes"));
        t.relu(result.of("reluStep"));
        return new Table(List.of("target", "measured", "met"), t.rows);
    }

    private void gradient(List<Measurement> gradient, double matmulRate) {
        Measurement worst = null;
        double worstRatio = Double.NaN, bestRatio = Double.NaN;
        for (Measurement m : gradient) {
            double ratio = m.seconds() / (m.point().flops() / matmulRate);
            if (!(ratio >= bestRatio)) bestRatio = ratio;
            if (DEFAULT_GRADIENT_SHAPES.contains(m.point().label()) && !(ratio <= worstRatio)) {
                worstRatio = ratio;
                worst = m;
            }
        }
        values.put("gradientRatio", Double.isNaN(worstRatio) ? NOT_MEASURED : Format.sig(worstRatio, 3), "worst gradient time over its matrix-product time at the default shapes");
        values.put("gradientRatioShape", worst == null ? NOT_MEASURED : worst.point().label(), "the shape of that worst ratio");
        values.put("gradientRatioBest", Double.isNaN(bestRatio) ? NOT_MEASURED : Format.sig(bestRatio, 3), "best gradient time over its matrix-product time over all shapes");
        String met = verdict(Double.isNaN(worstRatio) ? null : worstRatio <= GRADIENT_TARGET_RATIO);
        values.put("gradientTarget", met, "whether the gradient target is met");
        values.put("gradientTargetRatio", Format.sig(GRADIENT_TARGET_RATIO, 2), "the gradient target: at most this many matrix-product times");
        rows.add(List.of("gradient at the default sizes within " + Format.sig(GRADIENT_TARGET_RATIO, 2) + "× of flops / matmul rate",
                Double.isNaN(worstRatio) ? NOT_MEASURED : "worst " + Format.sig(worstRatio, 3) + "× (" + worst.point().label() + ")", met));
    }

    /** About 0 B/op: less than one byte per parameter, so no parameter-sized array is allocated per operation. */
    private void allocation(List<Measurement> gradient, List<Measurement> hvp) {
        double worstGradient = maxAlloc(gradient), worstHvp = maxAlloc(hvp);
        Boolean ok = null;
        List<Measurement> both = new ArrayList<>(gradient);
        both.addAll(hvp);
        for (Measurement m : both) {
            if (Double.isNaN(m.bytesPerOp())) continue;
            boolean fine = m.bytesPerOp() < m.point().parameters();
            ok = ok == null ? fine : ok && fine;
        }
        String met = verdict(ok);
        values.put("allocGradient", Double.isNaN(worstGradient) ? NOT_MEASURED : Format.sig(worstGradient, 3), "largest allocation per gradient, in bytes");
        values.put("allocHvp", Double.isNaN(worstHvp) ? NOT_MEASURED : Format.sig(worstHvp, 3), "largest allocation per Hessian-vector product, in bytes");
        values.put("allocTarget", met, "whether the allocation target is met");
        rows.add(List.of("about 0 B/op in the gradient and Hessian-vector product (below 1 B per parameter)",
                "at most " + values.get("allocGradient") + " B/op (gradient), " + values.get("allocHvp") + " B/op (HVP)", met));
    }

    /**
     * The speed-up at the size nearest 300 parameters, and whether it grows to the largest size; also the ratio of
     * the two methods' flops there, the speed-up they would have at equal efficiency.
     */
    private void hessian(List<Speedup> bySize) {
        Speedup near = nearest(bySize, Speedup::size, HESSIAN_TARGET_PARAMETERS);
        Boolean grows = null;
        if (bySize.size() >= 2) grows = bySize.get(bySize.size() - 1).ratio() > bySize.get(0).ratio();
        values.put("hessianSpeedup", near == null ? NOT_MEASURED : Format.sig(near.ratio(), 3), "speed-up of the closed-form Hessian over finite differences near the target size");
        values.put("hessianSpeedupParams", near == null ? NOT_MEASURED : Format.integer((long) near.size()), "parameters of the network at that size");
        Speedup largest = bySize.isEmpty() ? null : bySize.get(bySize.size() - 1);
        values.put("hessianSpeedupLargest", largest == null ? NOT_MEASURED : Format.sig(largest.ratio(), 3), "speed-up of the closed-form Hessian at the largest size measured");
        values.put("hessianSpeedupLargestParams", largest == null ? NOT_MEASURED : Format.integer((long) largest.size()), "parameters of the network at the largest size measured");
        values.put("hessianGapGrows", grows == null ? NOT_MEASURED : grows ? "yes" : "no", "whether the speed-up grows with the size");
        double flopRatio = near == null ? Double.NaN : near.baseline().point().flops() / near.fast().point().flops();
        values.put("hessianFlopRatio", Double.isNaN(flopRatio) ? NOT_MEASURED : Format.sig(flopRatio, 3), "finite differences' flops over the closed form's at that size");
        String met = verdict(near == null ? null : near.ratio() >= HESSIAN_TARGET_SPEEDUP && !Boolean.FALSE.equals(grows));
        values.put("hessianTarget", met, "whether the Hessian target is met");
        rows.add(List.of("analytic Hessian ≥ " + Format.sig(HESSIAN_TARGET_SPEEDUP, 2) + "× faster than finite differences at ~300 parameters, gap growing",
                near == null ? NOT_MEASURED : Format.sig(near.ratio(), 3) + "× at " + Format.integer((long) near.size()) + " parameters, "
                        + Format.sig(largest.ratio(), 3) + "× at " + Format.integer((long) largest.size()), met));
    }

    private void lanczos(List<Measurement> lanczos) {
        Measurement near = nearest(lanczos, m -> m.point().size(), LANCZOS_TARGET_PARAMETERS);
        boolean atScale = near != null && near.point().size() >= 0.9 * LANCZOS_TARGET_PARAMETERS;
        values.put("lanczosSeconds", atScale ? Format.sig(near.seconds(), 3) : NOT_MEASURED, "seconds of a Lanczos extreme-eigenvalue solve at the target size");
        values.put("lanczosParams", atScale ? Format.integer((long) near.point().size()) : NOT_MEASURED, "parameters at that size");
        values.put("lanczosShape", atScale ? near.point().label() : NOT_MEASURED, "network shape at that size");
        String met = verdict(atScale ? near.seconds() < LANCZOS_TARGET_SECONDS : null);
        values.put("lanczosTarget", met, "whether the Lanczos target is met");
        rows.add(List.of("both extreme eigenvalues of a 10^5-parameter Hessian in under " + Format.sig(LANCZOS_TARGET_SECONDS, 2) + " s",
                atScale ? Format.sig(near.seconds(), 3) + " s at " + Format.integer((long) near.point().size()) + " parameters" : NOT_MEASURED, met));
    }

    private void relu(List<Measurement> steps) {
        Measurement near = nearest(steps, m -> m.point().size(), RELU_TARGET_WIDTH);
        boolean atScale = near != null && near.point().size() >= 0.9 * RELU_TARGET_WIDTH;
        values.put("reluStepMillis", atScale ? Format.sig(near.seconds() * 1e3, 3) : NOT_MEASURED, "milliseconds of one ReLU-network step at the target width");
        values.put("reluWidth", atScale ? Format.integer((long) near.point().size()) : NOT_MEASURED, "the width measured nearest to the target");
        String met = verdict(atScale ? near.seconds() < RELU_TARGET_SECONDS : null);
        values.put("reluTarget", met, "whether the ReLU step target is met");
        rows.add(List.of("one GD step of a width-10^5 ReLU network on 256 × 10 in under " + Format.sig(RELU_TARGET_SECONDS * 1e3, 3) + " ms",
                atScale ? Format.sig(near.seconds() * 1e3, 3) + " ms at width " + Format.integer((long) near.point().size()) : NOT_MEASURED, met));
    }

    private static double maxAlloc(List<Measurement> ms) {
        double worst = Double.NaN;
        for (Measurement m : ms) if (!Double.isNaN(m.bytesPerOp()) && !(m.bytesPerOp() <= worst)) worst = m.bytesPerOp();
        return worst;
    }

    private static String verdict(Boolean met) {
        return met == null ? NOT_MEASURED : met ? "met" : "missed";
    }
}
