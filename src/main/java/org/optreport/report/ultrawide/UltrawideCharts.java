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
            Band initial0 = band(w.traces(Traces::initialKernelLoss));
            // The bound is exponential in k, a straight line on the log axis: its two ends draw it exactly (a dashed line
            // through hundreds of one-step segments would look solid).
            double initial = net.median()[0], last = net.step()[net.step().length - 1];
            double[] boundStep = {0, last}, bound = {initial, Math.pow(1 - eta * lambdaMin, 2 * last) * initial};
            panels.add(new Panel("loss-m" + w.width(), "width m = " + Format.integer(w.width()), Axis.linear("step k"), Axis.log("loss ½‖u − y‖²"),
                    // network solid, kernel dynamics dashed; the bound refers to the H* dynamics: its colour, dotted
                    List.of(Series.band("network", net.step(), net.median(), net.min(), net.max()),
                            Series.band("kernel dynamics, H*", ker.step(), ker.median(), ker.min(), ker.max()).styled(Series.Style.DASHED),
                            Series.band("kernel dynamics, H(0)", initial0.step(), initial0.median(), initial0.min(), initial0.max())
                                    .styled(Series.Style.DASHED),
                            Series.dashed("bound on the H* dynamics", boundStep, bound).styled(Series.Style.DOTTED).inColourOf(1))));
        }
        return new Figure(panels);
    }

    static Figure distanceFigure(List<WidthRuns> widths) {
        List<Series> lines = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            WidthRuns w = widths.get(i);
            Band d = band(w.traces(Traces::distance));
            // Step 0 has distance exactly 0 (same starting outputs): it has no place on a log axis.
            int from = d.step().length > 1 && d.step()[0] == 0 ? 1 : 0;
            // Widths are ordered: one colour map from the narrowest (dark) to the widest (light).
            lines.add(Series.band("m = " + Format.integer(w.width()), tail(d.step(), from), tail(d.median(), from), tail(d.min(), from), tail(d.max(), from))
                    .withSequentialColour(widths.size() == 1 ? 0 : (double) i / (widths.size() - 1)));
        }
        return Figure.of(new Panel("distance", "‖u_net(k) − u_H*(k)‖ through training", Axis.log("step k"), Axis.log("distance"), lines));
    }

    static Figure scalingFigure(List<WidthRuns> widths, Fits fits, double lambdaMin) {
        Fit distanceFit = fits.distance();
        List<Series> errors = new ArrayList<>();
        errors.add(byWidth("‖H(0) − H*‖₂ / λ₀", widths, run -> run.kernelDeviationSpectral() / lambdaMin));
        errors.add(byWidth("‖H(T) − H(0)‖₂ / λ₀", widths, run -> run.kernelChangeSpectral() / lambdaMin));
        double[] ends = {widths.get(0).width(), widths.get(widths.size() - 1).width()};
        errors.add(Series.dashed("¼: the proof's bound", ends, new double[] {0.25, 0.25}).asTheory(false));
        errors.add(halfSlope(errors.get(0)));
        return Figure.of(
                scalingPanel("largest-distance", "largest distance max_k ‖u_net(k) − u_H*(k)‖", "max distance", widths,
                        UltrawideMetrics::largestDistance, distanceFit),
                new Panel("kernel-errors", "kernel errors relative to λ₀", Axis.log("width m"), Axis.log("error / λ₀"), errors));
    }

    /** The two sources of the gap against width, the drift and flips measured directly. */
    static Figure sourcesFigure(List<WidthRuns> widths) {
        List<Series> maxima = new ArrayList<>();
        maxima.add(byWidth("total ‖u_net − u_H*‖", widths, UltrawideMetrics::largestDistance));
        maxima.add(byWidth("initialization ‖u_H(0) − u_H*‖", widths, UltrawideMetrics::largestInitializationGap));
        maxima.add(byWidth("drift and flips ‖u_net − u_H(0)‖", widths, UltrawideMetrics::largestDriftGap));
        maxima.add(halfSlope(maxima.get(0)));
        Panel byWidth = new Panel("by-width", "largest over training, against width", Axis.log("width m"), Axis.log("distance"), maxima);

        WidthRuns widest = widths.get(widths.size() - 1);
        List<Series> through = new ArrayList<>();
        through.add(traced("total ‖u_net − u_H*‖", widest.traces(Traces::distance)));
        through.add(traced("initialization ‖u_H(0) − u_H*‖", widest.traces(Traces::initializationGap)));
        through.add(traced("drift and flips ‖u_net − u_H(0)‖", widest.traces(Traces::driftGap)));
        Panel inTraining = new Panel("through-training", "through training, m = " + Format.integer(widest.width()), Axis.log("step k"),
                Axis.log("distance"), through);

        List<Series> flips = new ArrayList<>();
        flips.add(byWidth("‖I₂‖ / ‖ηH(0)(u(0) − y)‖ in step 0", widths, UltrawideMetrics::firstStepFlipShare));
        flips.add(byWidth("pairs flipping in step 0", widths, UltrawideMetrics::firstStepFlipFraction));
        flips.add(halfSlope(flips.get(0)));
        Panel withinStep = new Panel("within-step", "activations flipping within one step", Axis.log("width m"), Axis.log("ratio of norms / fraction of pairs"), flips);
        return Figure.of(byWidth, inTraining, withinStep);
    }

    static Figure lazyFigure(List<WidthRuns> widths, Fits fits) {
        List<Series> movement = new ArrayList<>();
        movement.add(byWidth("largest", widths, UltrawideMetrics::finalMovement));
        movement.add(byWidth("root mean square", widths, UltrawideMetrics::finalRmsMovement));
        movement.add(byWidth("median", widths, UltrawideMetrics::finalMedianMovement));
        movement.add(halfSlope(movement.get(2)));
        return Figure.of(
                new Panel("movement", "neuron movement ‖w_r(T) − w_r(0)‖ over the m neurons", Axis.log("width m"), Axis.log("movement"), movement),
                scalingPanel("flips", "activation patterns flipped by step T", "fraction flipped", widths,
                        UltrawideMetrics::finalFlips, fits.flip()));
    }

    /** The median over seeds of one metric per width, with the band from the smallest to the largest seed. */
    private static Series byWidth(String name, List<WidthRuns> widths, Metric metric) {
        double[] m = new double[widths.size()], med = new double[m.length], lo = new double[m.length], hi = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            List<NetworkRun> runs = widths.get(i).runs();
            m[i] = widths.get(i).width();
            med[i] = median(runs, metric);
            lo[i] = runs.stream().mapToDouble(metric::of).min().orElseThrow();
            hi[i] = runs.stream().mapToDouble(metric::of).max().orElseThrow();
        }
        return new Series(name, m, med, lo, hi, Series.Style.LINE_MARKERS);
    }

    /**
     * A reference line of slope -1/2 through the last point of {@code through}, across its widths: the theory's rate,
     * grey (it is anchored at a series but predicts none), dashed.
     */
    private static Series halfSlope(Series through) {
        int last = through.x().length - 1;
        double anchorM = through.x()[last], anchorY = through.y()[last];
        return Series.dashed("slope −1/2", new double[] {through.x()[0], anchorM}, new double[] {anchorY * Math.sqrt(anchorM / through.x()[0]), anchorY})
                .asTheory(true);
    }

    /** The median over seeds of a traced quantity with its band, from step 1 (step 0 can be exactly 0). */
    private static Series traced(String name, List<org.optreport.results.Trace> traces) {
        Band d = band(traces);
        int from = d.step().length > 1 && d.step()[0] == 0 ? 1 : 0;
        return Series.band(name, tail(d.step(), from), tail(d.median(), from), tail(d.min(), from), tail(d.max(), from));
    }

    private static Panel scalingPanel(String id, String title, String yLabel, List<WidthRuns> widths, Metric metric, Fit fit) {
        Series medians = byWidth("median, band over seeds", widths, metric);
        List<Series> series = new ArrayList<>();
        series.add(medians);
        if (fit.points() >= 2) {
            double[] fx = {fit.minWidth(), fit.maxWidth()};
            double[] fy = {fit.at(fit.minWidth()), fit.at(fit.maxWidth())};
            series.add(Series.dashed("fit: slope " + Format.sig(fit.slope(), 3), fx, fy).inColourOf(0));
        }
        series.add(halfSlope(medians)); // through the widest median, so slopes can be compared by eye
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
                        Series.dashed("ηλ = " + edges[0], fast, fastY).asTheory(false),
                        Series.dashed("ηλ = " + edges[1], fast, slowY).asTheory(true)));

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
        double floor = top * 1e-6;
        Axis lossAxis = new Axis("½‖P (u − y)‖²", true, floor / 3, top * 2);
        String who = "m = " + Format.integer(run.width()) + ", seed " + run.seed();
        String[] bandNames = UltrawideSpectrum.bandNames(bands);
        List<Series> kernelLines = new ArrayList<>(), networkLines = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            // kernel dynamics dashed, network solid, each group of directions in the same colour in both panels
            kernelLines.add(Series.dashed(bandNames[b], tail(step, from), clampBelow(tail(kernelBands[b], from), floor)));
            networkLines.add(Series.line(bandNames[b], tail(step, from), clampBelow(tail(networkBands[b], from), floor)));
        }
        // Values below the floor are drawn on it: the floor is a labelled line, below which the axis goes on a little.
        double[] span = {step[from], step[step.length - 1]}, floorLine = {floor, floor};
        kernelLines.add(Series.dashed("floor: smaller values drawn on it", span, floorLine).asTheory(true).styled(Series.Style.DOTTED));
        networkLines.add(Series.dashed("floor: smaller values drawn on it", span, floorLine).asTheory(true).styled(Series.Style.DOTTED));
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
