package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;

import java.util.List;
import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.ultrawide.UltrawideScaling.Fit;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult;
import org.optreport.results.UltrawideResult.KernelBlock;
import org.optreport.results.UltrawideResult.NetworkRun;

/**
 * How far the runs are from the regime of the convergence theorem of Du, Zhai, Poczos and Singh (2019): its proof
 * keeps ||H(0) - H*|| and ||H(k) - H(0)|| below lambda_0 / 4 so that lambda_min(H(k)) >= lambda_0 / 2, and asks for a
 * width m of order n^6 / lambda_0^4 (up to constants and the failure probability). Here the kernel errors are measured
 * against lambda_0, the width at which the initialization error would reach lambda_0 / 4 is extrapolated from its
 * measured decay, and the smallest eigenvalues of H(0) and H(T) are compared with lambda_0 / 2 directly.
 */
final class UltrawideTheorem {
    private UltrawideTheorem() {}

    static void put(Map<String, Double> n, QuotedValues v, UltrawideResult first, List<WidthRuns> widths, Fit deviationFit, int fitMinWidth) {
        double lambda0 = first.lambdaMin(), quarter = lambda0 / 4;
        int samples = first.dataset().x().length;
        WidthRuns smallest = widths.get(0), widest = widths.get(widths.size() - 1);
        double deviation = median(widest.runs(), NetworkRun::kernelDeviationSpectral);
        double change = median(widest.runs(), NetworkRun::kernelChangeSpectral);
        n.put("deviationOverLambdaWidest", deviation / lambda0);
        n.put("kernelChangeOverLambdaWidest", change / lambda0);
        v.put("deviationOverLambdaWidest", Format.sig(deviation / lambda0, 2), "the widest width's ‖H(0) − H*‖ over λ₀ = λ_min(H*) (median over seeds)");
        v.put("kernelChangeOverLambdaWidest", Format.sig(change / lambda0, 2), "the widest width's ‖H(T) − H(0)‖ over λ₀ (median over seeds)");
        // Every width's kernel errors against lambda_0 / 4: the condition holds at none of them, or at some.
        n.put("deviationOverQuarterMin", widths.stream().flatMap(w -> w.runs().stream())
                .mapToDouble(r -> r.kernelDeviationSpectral() / quarter).min().orElseThrow());
        n.put("kernelChangeOverQuarterMin", widths.stream().flatMap(w -> w.runs().stream())
                .mapToDouble(r -> r.kernelChangeSpectral() / quarter).min().orElseThrow());

        v.put("deviationOverQuarterMinText", Format.sig(n.get("deviationOverQuarterMin"), 2), "smallest ‖H(0) − H*‖ / (λ₀/4) over every run: below 1 where the theorem's condition holds");
        v.put("kernelChangeOverQuarterMinText", Format.sig(n.get("kernelChangeOverQuarterMin"), 2), "smallest ‖H(T) − H(0)‖ / (λ₀/4) over every run");
        v.put("bootstrapResamples", Format.integer(UltrawideBootstrap.RESAMPLES), "bootstrap resamples of the seeds behind each slope interval");
        // The width at which ||H(0) - H*|| would reach lambda_0 / 4: along the fitted power law, and along m^{-1/2}
        // from the widest median (the Monte Carlo rate).
        double fitted = Math.exp((Math.log(quarter) - deviationFit.line().intercept()) / deviationFit.slope());
        double halfPower = widest.width() * Math.pow(deviation / quarter, 2);
        n.put("quarterWidthFit", fitted);
        n.put("quarterWidthHalfPower", halfPower);
        v.put("quarterWidthFit", Format.sig(fitted, 2), "width at which ‖H(0) − H*‖ would reach λ₀/4, along the fitted power law");
        v.put("quarterWidthHalfPower", Format.sig(halfPower, 2), "width at which ‖H(0) − H*‖ would reach λ₀/4, along m^(−1/2) from the widest median");
        v.put("quarterWidthHalfPowerOverWidest", twoDigits(halfPower / widest.width()), "that width over the widest width trained");
        double du = Math.pow(samples, 6) / Math.pow(lambda0, 4);
        n.put("duWidth", du);
        v.put("duWidth", Format.sig(du, 2), "the width n⁶ / λ₀⁴ that the theorem's proof asks for (up to constants)");
        v.put("duWidthOverWidest", Format.sig(du / widest.width(), 2), "that width over the widest width trained");
        // The theorem's step is of order lambda_0 / n^2; ours is 1 / lambda_max.
        double theoremStep = lambda0 / ((double) samples * samples);
        n.put("etaOverTheoremStep", first.learningRate() / theoremStep);
        v.put("theoremStep", Format.sig(theoremStep, 2), "the theorem's step size, of order λ₀ / n²");
        v.put("etaOverTheoremStep", Format.sig(first.learningRate() / theoremStep, 2), "our learning rate over the theorem's step size");

        // The kernel drift: its decay over the widest decade, with the interval over seeds.
        UltrawideBootstrap.Interval changeInterval = UltrawideIntervals.of(widths, fitMinWidth, widest.width(), NetworkRun::kernelChangeSpectral);
        n.put("kernelChangeSlope", changeInterval.slope());
        v.put("kernelChangeSlope", Format.sig(changeInterval.slope(), 3), "log-log slope against width of ‖H(T) − H(0)‖, over the fitted widths");
        UltrawideIntervals.put("kernelChangeSlope", changeInterval, n, v);

        // What the proof needs the errors for: the smallest eigenvalue of the kernel the network trains with.
        for (String end : List.of("Initial", "Final")) {
            boolean initial = end.equals("Initial");
            for (WidthRuns w : List.of(smallest, widest)) {
                String at = w == smallest ? "Smallest" : "Widest";
                double ratio = median(w.runs(), r -> (initial ? r.initialKernelLambdaMin() : r.finalKernelLambdaMin()) / lambda0);
                double low = w.runs().stream().mapToDouble(r -> (initial ? r.initialKernelLambdaMin() : r.finalKernelLambdaMin()) / lambda0).min().orElseThrow();
                n.put("lambdaMin" + end + "OverLambda" + at, ratio);
                n.put("lambdaMin" + end + "OverLambda" + at + "Min", low);
                v.put("lambdaMin" + end + "OverLambda" + at, Format.sig(ratio, 2), "λ_min of the network's kernel at the " + (initial ? "start" : "end") + " over λ₀, " + (w == smallest ? "narrowest" : "widest") + " width (median over seeds)");
                v.put("lambdaMin" + end + "OverLambda" + at + "Min", Format.sig(low, 2), "the same ratio's smallest value over the seeds, " + (initial ? "start" : "end") + ", " + (w == smallest ? "narrowest" : "widest") + " width");
            }
        }
        // The smallest width from which, at every wider width too, lambda_min(H(0)) and lambda_min(H(T)) are at least
        // lambda_0/2 in every seed (checked at the two ends only, where the kernel is computed).
        int halfFrom = -1;
        for (int i = widths.size() - 1; i >= 0; i--) {
            boolean holds = widths.get(i).runs().stream().allMatch(r -> r.initialKernelLambdaMin() >= lambda0 / 2 && r.finalKernelLambdaMin() >= lambda0 / 2);
            if (!holds) break;
            halfFrom = widths.get(i).width();
        }
        n.put("lambdaMinHalfFromWidth", halfFrom > 0 ? (double) halfFrom : Double.POSITIVE_INFINITY);
        v.put("lambdaMinHalfFromWidth", halfFrom > 0 ? Format.integer(halfFrom) : "none", "smallest width from which every wider run keeps λ_min(H) ≥ λ₀/2 at both ends (none: no such width)");
        // lambda_max(H(0)) against the step: the H(0) dynamics are stable only while eta lambda_max(H(0)) < 2.
        n.put("etaLambdaMaxInitialMax", widths.stream().flatMap(w -> w.runs().stream())
                .mapToDouble(r -> first.learningRate() * r.initialKernelLambdaMax()).max().orElseThrow());
        v.put("etaLambdaMaxInitialMax", Format.sig(n.get("etaLambdaMaxInitialMax"), 3), "largest η λ_max(H(0)) over every run: the H(0) dynamics are stable below 2");
    }

    /** A ratio rounded to two significant digits, written as such: "3,600", not "3583". */
    static String twoDigits(double v) {
        if (!(v >= 100) || v >= 1e5) return Format.sig(v, 2);
        double unit = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Format.integer(Math.round(v / unit) * (long) unit);
    }

    /**
     * Why lambda_max grows with n, from the statistics of H*'s leading blocks that the experiment records
     * ({@link KernelBlock}): over the first n/2 samples (names ending in FirstHalf) and over all n.
     */
    static void putLambdaMaxGrowth(Map<String, Double> n, QuotedValues v, List<KernelBlock> blocks) {
        KernelBlock all = blocks.get(blocks.size() - 1);
        for (KernelBlock block : blocks) {
            boolean whole = block == all;
            String suffix = whole ? "" : "FirstHalf", of = whole ? "" : ", first n/2 samples";
            n.put("maxRowSum" + suffix, block.maxRowSum());
            v.put("maxRowSum" + suffix, Format.sig(block.maxRowSum(), 3), "largest absolute row sum of H*, an upper bound on λ_max" + of);
            n.put("negativeOffDiagonalShare" + suffix, block.negativeOffDiagonalShare());
            v.put("negativeOffDiagonalPercent" + suffix, Format.sig(100 * block.negativeOffDiagonalShare(), 3), "percentage of negative off-diagonal entries of H*" + of);
            n.put("onesRayleigh" + suffix, block.onesRayleigh());
            n.put("meanOffDiagonal" + suffix, block.meanOffDiagonal());
            v.put("onesRayleigh" + suffix, Format.sig(block.onesRayleigh(), 3), "Rayleigh quotient 1ᵀH*1 / n, a lower bound on λ_max" + of);
            v.put("meanOffDiagonal" + suffix, Format.sig(block.meanOffDiagonal(), 3), "mean off-diagonal entry of H*" + of);
        }
    }
}
