package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.median;
import static org.optreport.report.ultrawide.UltrawideTraceBands.band;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.ultrawide.UltrawideMetrics.Metric;
import org.optreport.report.ultrawide.UltrawideScaling.Fit;
import org.optreport.report.ultrawide.UltrawideScaling.Fits;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.report.ultrawide.UltrawideTraceBands.Band;
import org.optreport.results.UltrawideResult.NetworkRun;
import org.optreport.results.UltrawideResult.SpectralBands;
import org.optreport.results.UltrawideResult.Traces;

/**
 * The ultrawide page's figures: losses and distances through training (from the every-step traces), scaling against
 * width, and the spectral split (from the losses per group of eigen-directions at the recorded steps).
 */
final class UltrawideCharts {
    private UltrawideCharts() {}

    static Figure lossFigure(List<WidthRuns> widths, double eta, double lambdaMin) {
        List<WidthRuns> shown = new ArrayList<>();
        shown.add(widths.get(0));
        if (widths.size() > 2) shown.add(widths.get(widths.size() / 2));
        if (widths.size() > 1) shown.add(widths.get(widths.size() - 1));
        List<Panel> panels = new ArrayList<>();
        for (WidthRuns w : shown) {
            Band net = band(w.traces(Traces::networkLoss)), ker = band(w.traces(Traces::kernelLoss));
            // The bound is exponential in k, a straight line on the log axis: its two ends draw it exactly (a dashed line
            // through hundreds of one-step segments would look solid).
            double initial = net.median()[0], last = net.step()[net.step().length - 1];
            double[] boundStep = {0, last}, bound = {initial, Math.pow(1 - eta * lambdaMin, 2 * last) * initial};
            panels.add(new Panel("loss-m" + w.width(), "width m = " + Format.integer(w.width()), Axis.linear("step k"), Axis.log("loss ½‖u − y‖²"),
                    List.of(Series.band("network", net.step(), net.median(), net.min(), net.max()),
                            Series.band("kernel dynamics", ker.step(), ker.median(), ker.min(), ker.max()),
                            Series.dashed("bound (1 − ηλ₀)²ᵏ L(0)", boundStep, bound))));
        }
        return new Figure(panels);
    }

    static Figure distanceFigure(List<WidthRuns> widths) {
        List<Series> lines = new ArrayList<>();
        for (WidthRuns w : widths) {
            Band d = band(w.traces(Traces::distance));
            // Step 0 has distance exactly 0 (same starting outputs): it has no place on a log axis.
            int from = d.step().length > 1 && d.step()[0] == 0 ? 1 : 0;
            lines.add(Series.band("m = " + Format.integer(w.width()), tail(d.step(), from), tail(d.median(), from), tail(d.min(), from), tail(d.max(), from)));
        }
        return Figure.of(new Panel("distance", "‖u_net(k) − u_ker(k)‖ through training", Axis.log("step k"), Axis.log("distance"), lines));
    }

    static Figure scalingFigure(List<WidthRuns> widths, Fits fits) {
        Fit distanceFit = fits.distance(), deviationFit = fits.deviation();
        return Figure.of(
                scalingPanel("largest-distance", "largest distance max_k ‖u_net(k) − u_ker(k)‖", "max distance", widths,
                        UltrawideMetrics::largestDistance, distanceFit),
                scalingPanel("kernel-deviation", "kernel at initialization ‖H(0) − H*‖₂", "‖H(0) − H*‖₂", widths,
                        NetworkRun::kernelDeviationSpectral, deviationFit));
    }

    static Figure lazyFigure(List<WidthRuns> widths, Fits fits) {
        Fit movementFit = fits.movement(), flipFit = fits.flip();
        return Figure.of(
                scalingPanel("movement", "largest neuron movement max_r ‖w_r(T) − w_r(0)‖", "max movement", widths,
                        UltrawideMetrics::finalMovement, movementFit),
                scalingPanel("flips", "activation patterns flipped by step T", "fraction flipped", widths,
                        UltrawideMetrics::finalFlips, flipFit));
    }

    private static Panel scalingPanel(String id, String title, String yLabel, List<WidthRuns> widths, Metric metric, Fit fit) {
        double[] m = new double[widths.size()], med = new double[m.length], lo = new double[m.length], hi = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            List<NetworkRun> runs = widths.get(i).runs();
            m[i] = widths.get(i).width();
            med[i] = median(runs, metric);
            lo[i] = runs.stream().mapToDouble(metric::of).min().orElseThrow();
            hi[i] = runs.stream().mapToDouble(metric::of).max().orElseThrow();
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series("median, band over seeds", m, med, lo, hi, Series.Style.LINE_MARKERS));
        if (fit.points() >= 2) {
            double[] fx = {fit.minWidth(), fit.maxWidth()};
            double[] fy = {fit.at(fit.minWidth()), fit.at(fit.maxWidth())};
            series.add(Series.dashed("fit: slope " + Format.sig(fit.slope(), 3), fx, fy));
        }
        // The m^{-1/2} reference runs through the widest median, so slopes can be compared by eye.
        double anchorM = m[m.length - 1], anchorY = med[m.length - 1];
        double[] rx = {m[0], anchorM}, ry = {anchorY * Math.sqrt(anchorM / m[0]), anchorY};
        series.add(Series.dashed("slope −1/2", rx, ry));
        return new Panel(id, title, Axis.log("width m"), Axis.log(yLabel), series);
    }

    static Figure spectrumFigure(NetworkRun run, double[] eigenvalues, SpectralBands bands, double eta) {
        int n = eigenvalues.length;
        double[] index = new double[n];
        for (int i = 0; i < n; i++) index[i] = i + 1;
        double[] edges = bands.edges();
        double[] fast = new double[] {1, n}, fastY = {edges[0] / eta, edges[0] / eta};
        double[] slowY = {edges[1] / eta, edges[1] / eta};
        Panel spectrum = new Panel("eigenvalues", "eigenvalues of H*", Axis.log("index i"), Axis.log("λᵢ"),
                List.of(Series.markers("λᵢ (decreasing)", index, eigenvalues),
                        Series.dashed("ηλ = " + edges[0], fast, fastY), Series.dashed("ηλ = " + edges[1], fast, slowY)));

        double[] step = UltrawideMetrics.steps(run.series().step());
        int from = step.length > 1 && step[0] == 0 ? 1 : 0;
        double[][] kernelBands = new double[3][step.length], networkBands = new double[3][step.length];
        for (int k = 0; k < step.length; k++)
            for (int b = 0; b < 3; b++) {
                kernelBands[b][k] = run.series().kernelBandLoss()[k][b];
                networkBands[b][k] = run.series().networkBandLoss()[k][b];
            }
        // The fast group of the kernel falls to rounding level; cut the axis 10^-6 below the largest start.
        double top = 0;
        for (int b = 0; b < 3; b++) top = Math.max(top, Math.max(kernelBands[b][0], networkBands[b][0]));
        Axis lossAxis = new Axis("½‖P (u − y)‖²", true, top * 1e-6, top * 2);
        String who = "m = " + Format.integer(run.width()) + ", seed " + run.seed();
        String[] bandNames = UltrawideSpectrum.bandNames(bands);
        List<Series> kernelLines = new ArrayList<>(), networkLines = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            kernelLines.add(Series.line(bandNames[b], tail(step, from), clampBelow(tail(kernelBands[b], from), top * 1e-6)));
            networkLines.add(Series.line(bandNames[b], tail(step, from), clampBelow(tail(networkBands[b], from), top * 1e-6)));
        }
        Panel kernelSplit = new Panel("kernel-split", "kernel dynamics from u(0) of " + who, Axis.log("step k"), lossAxis, kernelLines);
        Panel networkSplit = new Panel("network-split", "network, " + who, Axis.log("step k"), lossAxis, networkLines);
        return Figure.of(spectrum, kernelSplit, networkSplit);
    }

    /** Values below the axis floor are drawn on the floor, so a line that leaves the chart stays visible. */
    private static double[] clampBelow(double[] v, double floor) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], floor);
        return out;
    }

    private static double[] tail(double[] v, int from) { return Arrays.copyOfRange(v, from, v.length); }
}
