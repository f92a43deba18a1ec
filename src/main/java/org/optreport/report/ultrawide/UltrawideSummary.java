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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;
import org.optreport.report.ultrawide.UltrawideScaling.Fit;
import org.optreport.report.ultrawide.UltrawideScaling.Fits;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult;
import org.optreport.results.UltrawideResult.NetworkRun;

/** The ultrawide page's table by width and the numbers its prose quotes (all but the spectral split). */
final class UltrawideSummary {
    private UltrawideSummary() {}

    static Map<String, String> values(UltrawideResult first, List<WidthRuns> widths, Fits fits, int seeds, int fitMinWidth,
                                      double cpuTotal, int runCount) {
        double eta = first.learningRate();
        double lambdaMin = first.lambdaMin(), lambdaMax = first.lambdaMax();
        int steps = first.steps();
        WidthRuns widest = widths.get(widths.size() - 1);
        Fit distanceFit = fits.distance(), deviationFit = fits.deviation(), movementFit = fits.movement(), flipFit = fits.flip();
        Map<String, String> values = new HashMap<>();
        values.put("samples", Integer.toString(first.dataset().samples()));
        values.put("inputDimension", Integer.toString(first.dataset().x()[0].length));
        values.put("learningRate", Format.sig(eta, 3));
        values.put("learningRateFraction", trimZeros(Format.sig(eta * lambdaMax, 3)));
        values.put("lambdaMin", Format.sig(lambdaMin, 3));
        values.put("lambdaMax", Format.sig(lambdaMax, 3));
        values.put("stabilityLimit", Format.sig(2 / lambdaMax, 3));
        values.put("conditionNumber", Format.sig(lambdaMax / lambdaMin, 3));
        values.put("steps", Format.integer(steps));
        values.put("seeds", Integer.toString(seeds));
        values.put("widthCount", Integer.toString(widths.size()));
        values.put("smallestWidth", Format.integer(widths.get(0).width()));
        values.put("widestWidth", Format.integer(widest.width()));
        values.put("widthList", String.join(", ", widths.stream().map(w -> Format.integer(w.width())).toList()));
        values.put("boundFactor", Format.sig(Math.pow(1 - eta * lambdaMin, 2.0 * steps), 3));
        values.put("boundFall", Format.sig(Math.pow(1 - eta * lambdaMin, -2.0 * steps), 3));
        values.put("etaLambdaMin", Format.sig(eta * lambdaMin, 3));

        double kernelFall = median(widest.runs(), run -> fall(run.series().kernelLoss()));
        values.put("kernelLossFall", Format.sig(kernelFall, 3));
        values.put("kernelLossFallMin", Format.sig(minOver(widths, run -> fall(run.series().kernelLoss())), 3));
        values.put("networkLossFallWidest", Format.sig(median(widest.runs(), run -> fall(run.series().networkLoss())), 3));
        values.put("networkLossFallSmallest", Format.sig(median(widths.get(0).runs(), run -> fall(run.series().networkLoss())), 3));
        values.put("initialLossWidest", Format.sig(median(widest.runs(), run -> initial(run.series().networkLoss())), 3));
        values.put("finalKernelLossWidest", Format.sig(median(widest.runs(), run -> last(run.series().kernelLoss())), 3));
        values.put("finalNetworkLossWidest", Format.sig(median(widest.runs(), run -> last(run.series().networkLoss())), 3));
        values.put("finalNetworkLossSmallest", Format.sig(median(widths.get(0).runs(), run -> last(run.series().networkLoss())), 3));
        values.put("finalLossRatioSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::finalLossRatio), 2));
        values.put("finalLossRatioWidest", Format.sig(median(widest.runs(), UltrawideMetrics::finalLossRatio), 2));
        double yNorm = norm(column(first.dataset().y()));
        values.put("targetNorm", Format.sig(yNorm, 3));

        values.put("distanceSlope", Format.sig(distanceFit.slope(), 3));
        values.put("distanceFitMinWidth", Format.integer(distanceFit.minWidth()));
        values.put("distanceFitMaxWidth", Format.integer(distanceFit.maxWidth()));
        values.put("distanceFitWidths", Integer.toString(distanceFit.points()));
        values.put("fitMinWidthSetting", Format.integer(fitMinWidth));
        values.put("distanceSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::largestDistance), 3));
        values.put("distanceWidest", Format.sig(median(widest.runs(), UltrawideMetrics::largestDistance), 3));
        values.put("distanceWidestRelative", Format.sig(median(widest.runs(), UltrawideMetrics::largestDistance) / yNorm, 2));
        values.put("distanceAtEndFraction", Integer.toString((int) Math.round(100.0 * fractionPeakingLate(widths, steps))));
        // Steps of the seeds' own peaks (exact events), not a median that could fall between two steps.
        values.put("distancePeakStepWidestMin", Format.integer(widest.runs().stream().mapToInt(UltrawideMetrics::largestDistanceStep).min().orElseThrow()));
        values.put("distancePeakStepWidestMax", Format.integer(widest.runs().stream().mapToInt(UltrawideMetrics::largestDistanceStep).max().orElseThrow()));
        values.put("finalDistancePercentMin", Format.sig(100 * minOver(widths, UltrawideMetrics::finalDistanceShare), 3));
        values.put("traceBuckets", Integer.toString(first.runs().get(0).trace().buckets()));
        values.put("deviationSlope", Format.sig(deviationFit.slope(), 3));
        values.put("deviationSmallest", Format.sig(median(widths.get(0).runs(), NetworkRun::kernelDeviationSpectral), 3));
        values.put("deviationWidest", Format.sig(median(widest.runs(), NetworkRun::kernelDeviationSpectral), 3));
        values.put("kernelChangeWidest", Format.sig(median(widest.runs(), NetworkRun::kernelChangeSpectral), 3));
        values.put("movementSlope", Format.sig(movementFit.slope(), 3));
        values.put("flipSlope", Format.sig(flipFit.slope(), 3));
        values.put("movementSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::finalMovement), 3));
        values.put("movementWidest", Format.sig(median(widest.runs(), UltrawideMetrics::finalMovement), 3));
        values.put("flipPercentSmallest", Format.sig(100 * median(widths.get(0).runs(), UltrawideMetrics::finalFlips), 3));
        values.put("flipPercentWidest", Format.sig(100 * median(widest.runs(), UltrawideMetrics::finalFlips), 3));

        values.put("cpuSecondsWidest", Format.sig(median(widest.runs(), UltrawideMetrics::cpuSeconds), 3));
        values.put("cpuSecondsSmallest", Format.sig(median(widths.get(0).runs(), UltrawideMetrics::cpuSeconds), 3));
        values.put("cpuSecondsTotal", Format.sig(cpuTotal, 3));
        values.put("runCount", Integer.toString(runCount));
        values.put("cpuMinutesTotal", Format.sig(cpuTotal / 60, 2));
        // A width three times the widest costs about three times as much per step (the step is O(m n d)).
        values.put("cpuMinutesTripleWidest", Format.sig(3 * median(widest.runs(), UltrawideMetrics::cpuSeconds) * widest.runs().size() / 60, 2));
        values.put("tripleWidest", Format.integer(3L * widest.width()));
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
