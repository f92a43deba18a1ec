package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;
import static org.optreport.report.ultrawide.UltrawideMetrics.last;

import java.util.List;
import java.util.Map;
import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult.NetworkRun;

/**
 * Where the widest network's lag behind the H* dynamics sits and how much of it the initialization error explains:
 * the H(0) dynamics' excess loss over the H* dynamics against the network's, in total and in the slow group; and
 * when the middle group collapses for the network and for the kernel dynamics, bracketed by the recorded steps.
 */
final class UltrawideLag {
    /** The step at which the middle group's network and kernel losses are compared (the recorded step nearest it). */
    static final int COMPARISON_STEP = 300;

    private UltrawideLag() {}

    static void put(Map<String, Double> n, QuotedValues v, List<WidthRuns> widths, NetworkRun spectralRun) {
        WidthRuns widest = widths.get(widths.size() - 1), smallest = widths.get(0);
        for (WidthRuns w : List.of(smallest, widest)) {
            String at = w == smallest ? "Smallest" : "Widest";
            double explained = median(w.runs(), UltrawideLag::initializationShareOfFinalLag);
            n.put("lagFromInitialization" + at, explained);
            v.put("lagFromInitializationPercent" + at, Format.sig(100 * explained, 2), "percentage of the final network-kernel loss gap explained by the initial output, " + (w == smallest ? "narrowest" : "widest") + " width (median over seeds)");
            v.put("lagFromInitializationAbsPercent" + at, Format.upperBound(100 * Math.abs(explained), 2), "the same percentage in absolute value, as an upper bound, " + (w == smallest ? "narrowest" : "widest") + " width");
        }
        double slowExplained = median(widest.runs(), UltrawideLag::initializationShareOfSlowLag);
        n.put("slowLagFromInitializationWidest", slowExplained);
        v.put("slowLagFromInitializationPercentWidest", Format.sig(100 * slowExplained, 2), "percentage of the slow group's final gap explained by the initial output, widest width (median over seeds)");
        v.put("slowLagFromInitializationAbsPercentWidest", Format.upperBound(100 * Math.abs(slowExplained), 2), "the same percentage in absolute value, as an upper bound");
        double ratioOfMedians = median(widest.runs(), r -> last(r.series().networkLoss())) / median(widest.runs(), r -> last(r.series().kernelLoss()));
        double ratioOfMediansSmallest = median(smallest.runs(), r -> last(r.series().networkLoss())) / median(smallest.runs(), r -> last(r.series().kernelLoss()));
        n.put("finalLossRatioOfMediansWidest", ratioOfMedians);
        n.put("finalLossRatioOfMediansSmallest", ratioOfMediansSmallest);
        v.put("finalLossRatioOfMediansWidest", Format.sig(ratioOfMedians, 2), "median final network loss over median final kernel loss, widest width");
        v.put("finalLossRatioOfMediansSmallest", Format.sig(ratioOfMediansSmallest, 2), "median final network loss over median final kernel loss, narrowest width");

        // The middle group in the spectral run: first recorded step at which each loss is at most 1e-3 of its start,
        // and the recorded step before it (the event lies between them).
        int[] step = spectralRun.series().step();
        for (String who : List.of("network", "kernel")) {
            double[][] bands = who.equals("network") ? spectralRun.series().networkBandLoss() : spectralRun.series().kernelBandLoss();
            int r = 0;
            while (r < step.length && bands[r][1] > UltrawideNumbers.COLLAPSE_FRACTION * bands[0][1]) r++;
            String name = "middleCollapse" + (who.equals("network") ? "Network" : "Kernel");
            n.put(name, r < step.length ? (double) step[r] : Double.POSITIVE_INFINITY);
            n.put(name + "After", r > 0 && r <= step.length ? (double) step[r - 1] : Double.NaN);
            v.put(name, r < step.length ? Format.integer(step[r]) : "never", "first recorded step at which the " + who + "'s middle-group loss is at most 1e-3 of its start, spectral run");
            v.put(name + "After", r > 0 ? Format.integer(step[r - 1]) : "–", "the recorded step before that, for the " + who + " (the event lies between the two)");
        }
        putMiddleRatio(n, v, spectralRun);
        int nearest = 0;
        for (int r = 0; r < step.length; r++) if (Math.abs(step[r] - COMPARISON_STEP) < Math.abs(step[nearest] - COMPARISON_STEP)) nearest = r;
        double middleRatio = spectralRun.series().networkBandLoss()[nearest][1] / spectralRun.series().kernelBandLoss()[nearest][1];
        n.put("middleRatioAtComparison", middleRatio);
        v.put("middleRatioAtComparison", Format.sig(middleRatio, 2), "network/kernel ratio of the middle-group loss near the comparison step, spectral run");
        v.put("middleComparisonStep", Format.integer(step[nearest]), "the recorded step nearest to the comparison step");
    }

    /**
     * The middle group's network/kernel loss ratio in the spectral run: the first recorded step at which each loss is
     * at or below the figure's floor (1e-6 of the largest group loss at step 0), the ratio at the kernel's floor step,
     * the earliest recorded step from which the ratio rises at every recorded step up to it (with the ratio there), and
     * the earliest recorded step from which the network's middle loss exceeds the kernel's at every later recorded step.
     */
    static void putMiddleRatio(Map<String, Double> n, QuotedValues v, NetworkRun spectralRun) {
        int[] step = spectralRun.series().step();
        double[][] net = spectralRun.series().networkBandLoss(), ker = spectralRun.series().kernelBandLoss();
        double top = 0;
        for (int b = 0; b < 3; b++) top = Math.max(top, Math.max(net[0][b], ker[0][b]));
        double floor = top * 1e-6;
        n.put("spectrumFloor", floor);
        v.put("spectrumFloor", Format.sig(floor, 3), "the spectral figure's floor: 1e-6 of the largest group loss at step 0");
        v.put("spectrumTop", Format.sig(top, 3), "the largest group loss at step 0 in the spectral run");
        int kernelFloor = firstAtOrBelow(ker, floor), networkFloor = firstAtOrBelow(net, floor);
        n.put("middleFloorStepKernel", kernelFloor < step.length ? (double) step[kernelFloor] : Double.POSITIVE_INFINITY);
        n.put("middleFloorStepNetwork", networkFloor < step.length ? (double) step[networkFloor] : Double.POSITIVE_INFINITY);
        v.put("middleFloorStepKernel", kernelFloor < step.length ? Format.integer(step[kernelFloor]) : "never", "first recorded step at which the kernel's middle-group loss reaches the floor");
        v.put("middleFloorStepNetwork", networkFloor < step.length ? Format.integer(step[networkFloor]) : "never", "first recorded step at which the network's middle-group loss reaches the floor");
        int end = Math.min(kernelFloor, step.length - 1);
        double[] ratio = new double[step.length];
        for (int r = 0; r < step.length; r++) ratio[r] = net[r][1] / ker[r][1];
        int from = end;
        while (from > 1 && ratio[from - 1] < ratio[from]) from--;
        n.put("middleRatioRiseFromStep", (double) step[from]);
        n.put("middleRatioRiseFrom", ratio[from]);
        n.put("middleRatioAtKernelFloor", ratio[end]);
        v.put("middleRatioRiseFromStep", Format.integer(step[from]), "recorded step from which the middle-group network/kernel ratio rises up to the kernel's floor");
        v.put("middleRatioRiseFrom", Format.sig(ratio[from], 3), "the middle-group network/kernel ratio at that step");
        v.put("middleRatioAtKernelFloor", Format.sig(ratio[end], 2), "the middle-group network/kernel ratio at the kernel's floor step");
        v.put("middleRatioAtKernelFloorStep", Format.integer(step[end]), "the kernel's floor step (or the last recorded step)");
        int above = step.length;
        while (above > 1 && net[above - 1][1] > ker[above - 1][1]) above--;
        n.put("middleNetworkAboveFromStep", above < step.length ? (double) step[above] : Double.POSITIVE_INFINITY);
        v.put("middleNetworkAboveFromStep", above < step.length ? Format.integer(step[above]) : "never", "recorded step from which the network's middle-group loss stays above the kernel's");
    }

    private static int firstAtOrBelow(double[][] bands, double floor) {
        int r = 0;
        while (r < bands.length && bands[r][1] > floor) r++;
        return r;
    }

    /** (L_H(0)(T) - L_H*(T)) / (L_net(T) - L_H*(T)): the share of the final excess loss that H(0) alone reproduces. */
    static double initializationShareOfFinalLag(NetworkRun run) {
        double net = run.trace().networkLoss().value()[run.trace().networkLoss().value().length - 1];
        double limit = run.trace().kernelLoss().value()[run.trace().kernelLoss().value().length - 1];
        double initial = run.trace().initialKernelLoss().value()[run.trace().initialKernelLoss().value().length - 1];
        return (initial - limit) / (net - limit);
    }

    /** The same share within the slow group, at the last recorded step. */
    static double initializationShareOfSlowLag(NetworkRun run) {
        int end = run.series().step().length - 1;
        double net = run.series().networkBandLoss()[end][2], limit = run.series().kernelBandLoss()[end][2];
        double initial = run.series().initialKernelBandLoss()[end][2];
        return (initial - limit) / (net - limit);
    }
}
