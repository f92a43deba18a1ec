package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;
import static org.optreport.report.ultrawide.UltrawideMetrics.column;
import static org.optreport.report.ultrawide.UltrawideMetrics.fall;
import static org.optreport.report.ultrawide.UltrawideMetrics.fractionPeakingLate;
import static org.optreport.report.ultrawide.UltrawideMetrics.initial;
import static org.optreport.report.ultrawide.UltrawideMetrics.last;
import static org.optreport.report.ultrawide.UltrawideMetrics.minOver;
import static org.optreport.report.ultrawide.UltrawideMetrics.norm;

import java.util.ArrayList;
import java.util.List;
import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Table;
import org.optreport.report.ultrawide.UltrawideScaling.Fit;
import org.optreport.report.ultrawide.UltrawideScaling.Fits;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult;
import org.optreport.results.UltrawideResult.NetworkRun;

/** The ultrawide page's table by width and the numbers its prose quotes (all but the spectral split). */
final class UltrawideSummary {
    private UltrawideSummary() {}

    static QuotedValues values(UltrawideResult first, List<WidthRuns> widths, Fits fits, int seeds, int fitMinWidth,
                                      double cpuTotal, int runCount) {
        double eta = first.learningRate();
        double lambdaMin = first.lambdaMin(), lambdaMax = first.lambdaMax();
        int steps = first.steps();
        WidthRuns widest = widths.get(widths.size() - 1);
        Fit distanceFit = fits.distance(), deviationFit = fits.deviation(), movementFit = fits.movement(), flipFit = fits.flip();
        QuotedValues values = new QuotedValues();
        values.put("samples", Integer.toString(first.dataset().samples()), "samples n the networks are trained on");
        values.put("inputDimension", Integer.toString(first.dataset().x()[0].length), "input dimension d (columns of the inputs)");
        values.put("learningRate", Format.sig(eta, 3), "learning rate η of every network and of the kernel dynamics");
        values.put("learningRateFraction", trimZeros(Format.sig(eta * lambdaMax, 3)), "η λ_max(H*): the learning rate as a fraction of the kernel's largest eigenvalue");
        values.put("lambdaMin", Format.sig(lambdaMin, 3), "smallest eigenvalue λ_min of the infinite-width kernel H*");
        values.put("lambdaMax", Format.sig(lambdaMax, 3), "largest eigenvalue λ_max of the infinite-width kernel H*");
        values.put("stabilityLimit", Format.sig(2 / lambdaMax, 3), "stability limit 2 / λ_max(H*) of the kernel dynamics' step size");
        values.put("conditionNumber", Format.sig(lambdaMax / lambdaMin, 3), "condition number λ_max / λ_min of H*");
        values.put("steps", Format.integer(steps), "gradient steps of every run");
        values.put("seeds", Integer.toString(seeds), "seeds (initializations) per width");
        values.put("widthCount", Integer.toString(widths.size()), "number of hidden widths trained");
        values.put("smallestWidth", Format.integer(widths.get(0).width()), "smallest hidden width m");
        values.put("widestWidth", Format.integer(widest.width()), "largest hidden width m");
        values.put("widthList", String.join(", ", widths.stream().map(w -> Format.integer(w.width())).toList()), "the hidden widths trained, in increasing order");
        values.put("boundFactor", Format.sig(Math.pow(1 - eta * lambdaMin, 2.0 * steps), 3), "the bound's factor (1 − η λ_min)^(2T) on the loss after T steps");
        values.put("boundFall", Format.sig(Math.pow(1 - eta * lambdaMin, -2.0 * steps), 3), "the fall of the loss the bound guarantees, (1 − η λ_min)^(−2T)");
        values.put("etaLambdaMin", Format.sig(eta * lambdaMin, 3), "η λ_min: the slowest direction's contraction per step");

        double kernelFall = median(widest.runs(), run -> fall(run.series().kernelLoss()));
        values.put("kernelLossFall", Format.sig(kernelFall, 3), "factor by which the kernel dynamics' loss falls over the run (median over the widest width's seeds)");
        values.put("kernelLossFallMin", Format.sig(minOver(widths, run -> fall(run.series().kernelLoss())), 3), "smallest fall factor of the kernel dynamics' loss over all runs");
        values.put("networkLossFallWidest", Format.sig(median(widest.runs(), run -> fall(run.series().networkLoss())), 3), "factor by which the widest network's loss falls (median over seeds)");
        values.put("networkLossFallSmallest", Format.sig(median(widths.get(0).runs(), run -> fall(run.series().networkLoss())), 3), "factor by which the narrowest network's loss falls (median over seeds)");
        values.put("initialLossWidest", Format.sig(median(widest.runs(), run -> initial(run.series().networkLoss())), 3), "initial loss of the widest network (median over seeds)");
        values.put("finalKernelLossWidest", Format.sig(median(widest.runs(), run -> last(run.series().kernelLoss())), 3), "final loss of the kernel dynamics beside the widest network (median over seeds)");
        values.put("finalNetworkLossWidest", Format.sig(median(widest.runs(), run -> last(run.series().networkLoss())), 3), "final loss of the widest network (median over seeds)");
        values.put("finalNetworkLossSmallest", Format.sig(median(widths.get(0).runs(), run -> last(run.series().networkLoss())), 3), "final loss of the narrowest network (median over seeds)");
        values.put("finalLossRatioSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::finalLossRatio), 2), "final network loss over final kernel loss, narrowest width (median over seeds)");
        values.put("finalLossRatioWidest", Format.sig(median(widest.runs(), UltrawideMetrics::finalLossRatio), 2), "final network loss over final kernel loss, widest width (median over seeds)");
        double yNorm = norm(column(first.dataset().y()));
        values.put("targetNorm", Format.sig(yNorm, 3), "Euclidean norm of the target vector y");

        values.put("distanceSlope", Format.sig(distanceFit.slope(), 3), "fitted slope of the largest network-kernel distance against width (log-log)");
        values.put("distanceFitMinWidth", Format.integer(distanceFit.minWidth()), "smallest width in the distance fit");
        values.put("distanceFitMaxWidth", Format.integer(distanceFit.maxWidth()), "largest width in the distance fit");
        values.put("distanceFitWidths", Integer.toString(distanceFit.points()), "number of widths in the distance fit");
        values.put("fitMinWidthSetting", Format.integer(fitMinWidth), "the fitMinWidth setting in effect: slopes are fitted over widths from here");
        values.put("distanceSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::largestDistance), 3), "largest network-kernel distance over the run, narrowest width (median over seeds)");
        values.put("distanceWidest", Format.sig(median(widest.runs(), UltrawideMetrics::largestDistance), 3), "largest network-kernel distance over the run, widest width (median over seeds)");
        values.put("distanceWidestRelative", Format.sig(median(widest.runs(), UltrawideMetrics::largestDistance) / yNorm, 2), "the widest width's largest distance relative to the target norm");
        values.put("distanceAtEndFraction", Integer.toString((int) Math.round(100.0 * fractionPeakingLate(widths, steps))), "percentage of runs whose distance peaks late in the run");
        // Steps of the seeds' own peaks (exact events), not a median that could fall between two steps.
        values.put("distancePeakStepWidestMin", Format.integer(widest.runs().stream().mapToInt(UltrawideMetrics::largestDistanceStep).min().orElseThrow()), "earliest step at which a widest-width run's distance peaks");
        values.put("distancePeakStepWidestMax", Format.integer(widest.runs().stream().mapToInt(UltrawideMetrics::largestDistanceStep).max().orElseThrow()), "latest step at which a widest-width run's distance peaks");
        values.put("finalDistancePercentMin", Format.sig(100 * minOver(widths, UltrawideMetrics::finalDistanceShare), 3), "smallest final distance as a percentage of the run's largest distance");
        values.put("traceBuckets", Integer.toString(first.runs().get(0).trace().buckets()), "log-spaced buckets of the every-step traces");
        values.put("deviationSlope", Format.sig(deviationFit.slope(), 3), "fitted slope of the kernel's deviation from H* against width (log-log)");
        values.put("deviationSmallest", Format.sig(median(widths.get(0).runs(), NetworkRun::kernelDeviationSpectral), 3), "spectral norm of the kernel's deviation from H*, narrowest width (median over seeds)");
        values.put("deviationWidest", Format.sig(median(widest.runs(), NetworkRun::kernelDeviationSpectral), 3), "spectral norm of the kernel's deviation from H*, widest width (median over seeds)");
        values.put("kernelChangeWidest", Format.sig(median(widest.runs(), NetworkRun::kernelChangeSpectral), 3), "spectral norm of the kernel's change during training, widest width (median over seeds)");
        values.put("movementSlope", Format.sig(movementFit.slope(), 3), "fitted slope of the largest weight movement against width (log-log)");
        values.put("flipSlope", Format.sig(flipFit.slope(), 3), "fitted slope of the fraction of flipped ReLU activations against width (log-log)");
        values.put("movementSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::finalMovement), 3), "largest movement of a neuron's weights by the end, narrowest width (median over seeds)");
        values.put("movementWidest", Format.sig(median(widest.runs(), UltrawideMetrics::finalMovement), 3), "largest movement of a neuron's weights by the end, widest width (median over seeds)");
        values.put("flipPercentSmallest", Format.sig(100 * median(widths.get(0).runs(), UltrawideMetrics::finalFlips), 3), "percentage of ReLU activations flipped by the end, narrowest width (median over seeds)");
        values.put("flipPercentWidest", Format.sig(100 * median(widest.runs(), UltrawideMetrics::finalFlips), 3), "percentage of ReLU activations flipped by the end, widest width (median over seeds)");

        values.put("cpuSecondsWidest", Format.sig(median(widest.runs(), UltrawideMetrics::cpuSeconds), 3), "CPU seconds of one widest-width run (median over seeds)");
        values.put("cpuSecondsSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::cpuSeconds), 3), "CPU seconds of one narrowest-width run (median over seeds)");
        values.put("cpuSecondsTotal", Format.sig(cpuTotal, 3), "CPU seconds of all the study's runs");
        values.put("runCount", Integer.toString(runCount), "number of runs (widths x seeds)");
        double widestTotal = widest.runs().stream().mapToDouble(UltrawideMetrics::cpuSeconds).sum();
        values.put("cpuPercentWidest", Format.sig(100 * widestTotal / cpuTotal, 2), "percentage of the study's CPU seconds spent on the widest width's runs");
        values.put("cpuMinutesTotal", Format.sig(cpuTotal / 60, 2), "CPU minutes of all the study's runs");
        // A width three times the widest costs about three times as much per step (the step is O(m n d)).
        values.put("cpuMinutesTripleWidest", Format.sig(3 * median(widest.runs(), UltrawideMetrics::cpuSeconds) * widest.runs().size() / 60, 2), "estimated CPU minutes of the seeds of a width three times the widest");
        values.put("tripleWidest", Format.integer(3L * widest.width()), "three times the widest width");
        return values;
    }

    /**
     * lambda_min(H(0)) / lambda_0 for the table: H(0) is positive semidefinite, so a value within rounding of zero
     * (a singular kernel, e.g. -2e-13) is printed as 0 rather than as a meaningless signed tiny number.
     */
    static String eigenvalueRatio(double ratio) {
        return Math.abs(ratio) < 1e-9 ? "0" : Format.sig(ratio, 3);
    }

    static Table widthTable(List<WidthRuns> widths, double lambdaMin) {
        List<List<String>> rows = new ArrayList<>();
        double previousM = Double.NaN, previousD = Double.NaN;
        for (WidthRuns w : widths) {
            double d = median(w.runs(), UltrawideMetrics::largestDistance);
            String local = Double.isNaN(previousM) ? "–" : Format.sig(Math.log(d / previousD) / Math.log(w.width() / previousM), 2);
            rows.add(List.of(
                    Format.integer(w.width()),
                    Integer.toString(w.runs().size()),
                    Format.sig(median(w.runs(), run -> last(run.series().networkLoss())), 3),
                    Format.sig(median(w.runs(), run -> last(run.series().kernelLoss())), 3),
                    Format.sig(d, 3),
                    local,
                    Format.sig(median(w.runs(), run -> run.kernelDeviationSpectral() / lambdaMin), 3),
                    Format.sig(median(w.runs(), run -> run.kernelChangeSpectral() / lambdaMin), 3),
                    eigenvalueRatio(median(w.runs(), run -> run.initialKernelLambdaMin() / lambdaMin)),
                    Format.sig(median(w.runs(), UltrawideMetrics::finalMedianMovement), 3),
                    Format.sig(median(w.runs(), UltrawideMetrics::finalMovement), 3),
                    Format.sig(100 * median(w.runs(), UltrawideMetrics::finalFlips), 3)));
            previousM = w.width();
            previousD = d;
        }
        return new Table(List.of("width m", "seeds", "final network loss", "final kernel loss", "largest distance",
                "local slope", "‖H(0) − H*‖₂ / λ₀", "‖H(T) − H(0)‖₂ / λ₀", "λmin(H(0)) / λ₀", "median movement", "max movement", "flipped %"), rows);
    }

    /** What the runs cost, per width: CPU seconds of one run (median and range over seeds) and of all of them. */
    static Table costTable(List<WidthRuns> widths) {
        List<List<String>> rows = new ArrayList<>();
        for (WidthRuns w : widths) {
            double[] cpu = w.runs().stream().mapToDouble(UltrawideMetrics::cpuSeconds).sorted().toArray();
            rows.add(List.of(Format.integer(w.width()), Integer.toString(cpu.length), Format.sig(median(w.runs(), UltrawideMetrics::cpuSeconds), 2),
                    Format.sig(cpu[0], 2) + " to " + Format.sig(cpu[cpu.length - 1], 2), Format.sig(java.util.Arrays.stream(cpu).sum(), 2)));
        }
        return new Table(List.of("width m", "runs", "CPU s per run (median)", "range over seeds", "CPU s, all runs"), rows);
    }

    /** "1.00" reads as a measurement; the fraction is a chosen setting, so "1". */
    private static String trimZeros(String number) {
        return number.contains(".") && !number.contains("×") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
