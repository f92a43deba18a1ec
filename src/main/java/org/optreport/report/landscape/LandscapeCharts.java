package org.optreport.report.landscape;

import static org.optreport.report.stats.Median.median;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.results.LandscapeResult;
import org.optreport.results.Trace;
import org.optreport.report.stats.PiecewiseLinear;

/**
 * The landscape page's chart panels: per depth the run with the median escape step as a line and the min..max range
 * over seeds as a band,
 * on a logarithmic step axis (step + 1, so that step 0, the initialization, is drawn), with theory as dashed lines.
 */
final class LandscapeCharts {
    /** Values drawn on a log axis are clipped here; only exact zeros (never reached in practice) hit it. */
    static final double LOG_FLOOR = 1e-30;
    private static final Axis STEP = Axis.log("step + 1");
    /*
     * Colours: each depth its site-wide colour; a per-depth reference (predicted sharpness, initial gradient) that of
     * its depth's band, which it refers to (the bands come first, in depth order); targets and limits that refer to no
     * run (L*, the excess thresholds, the saddle's -sigma, 2/eta, the 1 % gap) black, a second one grey.
     */

    private final double optimalLoss;
    private final double learningRate;
    private final double saddleCurvature;

    LandscapeCharts(double optimalLoss, double learningRate, double saddleCurvature) {
        this.optimalLoss = optimalLoss;
        this.learningRate = learningRate;
        this.saddleCurvature = saddleCurvature;
    }

    Figure lossFigure(Map<Integer, List<LandscapeResult>> runs) {
        List<Series> loss = bands(runs, Quantity.LOSS, v -> v);
        loss.add(horizontal("L*", runs, optimalLoss).asTheory(false));
        Panel lossPanel = new Panel("loss", "training loss L", STEP, Axis.linear("L"), loss);
        return Figure.of(lossPanel, excessPanel(runs, "excess"));
    }

    Panel excessPanel(Map<Integer, List<LandscapeResult>> runs, String id) {
        List<Series> excess = bands(runs, Quantity.EXCESS_LOSS, v -> Math.max(LOG_FLOOR, v / optimalLoss));
        excess.add(horizontal("10⁻³", runs, 1e-3).asTheory(false));
        excess.add(horizontal("10⁻⁶", runs, 1e-6).asTheory(true));
        return new Panel(id, "relative excess loss (L − L*)/L*", STEP, Axis.log("(L − L*)/L*"), excess);
    }

    Panel gradientPanel(Map<Integer, List<LandscapeResult>> runs, String id) {
        List<Series> gradient = bands(runs, Quantity.GRADIENT_NORM, v -> Math.max(LOG_FLOOR, v));
        // the initial level of the drawn run (the median-escape seed), where a stopping rule eps >= it stops at step 0
        int band = 0;
        for (Map.Entry<Integer, List<LandscapeResult>> e : runs.entrySet())
            gradient.add(horizontal("step 0, N = " + e.getKey(), runs, typicalRun(e.getValue()).series().gradientNorm()[0])
                    .inColourOf(band++));
        return new Panel(id, "gradient norm", STEP, Axis.log("‖∇φ‖"), gradient);
    }

    Figure lambdaMinFigure(Map<Integer, List<LandscapeResult>> runs) {
        return Figure.of(lambdaMinPanel(runs, "lambda-min"), lambdaMinMagnitudePanel(runs, "lambda-min-abs"));
    }

    Panel lambdaMinPanel(Map<Integer, List<LandscapeResult>> runs, String id) {
        List<Series> min = bands(runs, Quantity.HESSIAN_MIN_EIGENVALUE, v -> v);
        min.add(horizontal("−σmax(∇ℓ(0))", runs, -saddleCurvature).asTheory(false));
        return new Panel(id, "smallest Hessian eigenvalue", STEP, Axis.linear("λmin"), min);
    }

    /**
     * The wide runs' smallest eigenvalue, with the Lanczos records that do not resolve it (from a relative excess of
     * 1e-6 on, |lambda_min| / ||grad|| below {@code cut}: upper bounds only) marked as hollow points.
     */
    Panel largeLambdaMinPanel(Map<Integer, List<LandscapeResult>> runs, String id, double cut) {
        Panel panel = lambdaMinPanel(runs, id);
        List<Series> series = new ArrayList<>(panel.series());
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (List<LandscapeResult> seeds : runs.values())
            for (LandscapeResult r : seeds) {
                double from = LandscapeSummary.steps(r, "1e-6");
                int[] steps = r.series().step();
                double[] smallest = r.series().hessianMinEigenvalue(), gradient = r.series().gradientNorm();
                for (int i = 0; i < steps.length; i++)
                    if (Double.isFinite(from) && steps[i] >= from && Math.abs(smallest[i] / gradient[i]) < cut) {
                        xs.add(steps[i] + 1.0);
                        ys.add(smallest[i]);
                    }
            }
        if (!xs.isEmpty())
            series.add(Series.markers("unresolved: upper bound only", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray()).asTheory(false));
        return new Panel(panel.id(), panel.title(), panel.x(), panel.y(), series);
    }

    Panel lambdaMinMagnitudePanel(Map<Integer, List<LandscapeResult>> runs, String id) {
        return new Panel(id, "its magnitude", STEP, Axis.log("|λmin|"),
                bands(runs, Quantity.HESSIAN_MIN_EIGENVALUE, v -> Math.max(LOG_FLOOR, Math.abs(v))));
    }

    Panel lambdaMaxPanel(Map<Integer, List<LandscapeResult>> runs, String id) {
        List<Series> max = bands(runs, Quantity.HESSIAN_MAX_EIGENVALUE, v -> Math.max(LOG_FLOOR, v));
        int band = 0;
        for (Map.Entry<Integer, List<LandscapeResult>> e : runs.entrySet()) {
            double predicted = median(e.getValue(), r -> LandscapeSummary.orNaN(r.predictedSharpness()));
            // the prediction in the colour of its depth's band (the bands come first, in depth order)
            if (Double.isFinite(predicted)) max.add(horizontal("predicted, N = " + e.getKey(), runs, predicted).inColourOf(band));
            band++;
        }
        max.add(horizontal("2/η", runs, 2 / learningRate).asTheory(false));
        return new Panel(id, "largest Hessian eigenvalue (sharpness)", STEP, Axis.log("λmax"), max);
    }

    /**
     * |lambda_max / predicted - 1| per depth, against the median over the depth's runs of the sharpness predicted at
     * their final end-to-end matrices (which all equal W* to many digits): on the sharpness panel's log axis a gap of a
     * fraction of a percent is invisible.
     */
    Panel sharpnessGapPanel(Map<Integer, List<LandscapeResult>> runs, String id) {
        List<Series> gaps = new ArrayList<>();
        for (Map.Entry<Integer, List<LandscapeResult>> e : runs.entrySet()) {
            double predicted = median(e.getValue(), r -> LandscapeSummary.orNaN(r.predictedSharpness()));
            gaps.addAll(bands(Map.of(e.getKey(), e.getValue()), Quantity.HESSIAN_MAX_EIGENVALUE,
                    v -> Math.max(LOG_FLOOR, Math.abs(v / predicted - 1))));
        }
        gaps.add(horizontal("1 %", runs, 0.01).asTheory(false));
        return new Panel(id, "relative gap to the prediction", STEP, Axis.log("|λmax / predicted − 1|"), gaps);
    }

    Figure lambdaMaxFigure(Map<Integer, List<LandscapeResult>> runs) {
        return Figure.of(lambdaMaxPanel(runs, "lambda-max"), sharpnessGapPanel(runs, "lambda-max-gap"));
    }

    Figure largeFigure(Map<Integer, List<LandscapeResult>> runs, double unresolvedCut) {
        return Figure.of(excessPanel(runs, "large-excess"), gradientPanel(runs, "large-gradient"),
                largeLambdaMinPanel(runs, "large-lambda-min", unresolvedCut), lambdaMaxPanel(runs, "large-lambda-max"));
    }

    /**
     * One series per depth: the run with the median escape step as the line, and the min..max range over seeds as a
     * band. A pointwise median would mix seeds that escape at different steps into a curve no run follows (with two
     * seeds, their mean: two half-height drops, two half-depth dips). Each seed's curve holds its exact values at its
     * spectral records (dense where the loss or the gradient moves) and, for traced quantities, at the points its
     * every-step trace kept (each bucket's first, last and extremes); the band compares seeds on the union of their
     * steps, each by linear interpolation between its own points.
     */
    static List<Series> bands(Map<Integer, List<LandscapeResult>> runs, Quantity quantity, DoubleUnaryOperator transform) {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Integer, List<LandscapeResult>> e : runs.entrySet()) {
            List<double[][]> curves = e.getValue().stream().map(r -> curve(r, quantity)).toList();
            double[][] typical = curve(typicalRun(e.getValue()), quantity);
            double[] grid = curves.stream().flatMapToDouble(c -> Arrays.stream(c[0])).distinct().sorted().toArray();
            int n = grid.length;
            double[] x = new double[n], line = new double[n], lower = new double[n], upper = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = grid[i] + 1;
                List<Double> at = new ArrayList<>();
                for (double[][] c : curves) {
                    double v = valueAt(c, grid[i]);
                    if (Double.isFinite(v)) at.add(transform.applyAsDouble(v)); // a diverged run simply ends early
                }
                double[] sorted = at.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double v = valueAt(typical, grid[i]);
                line[i] = Double.isFinite(v) ? transform.applyAsDouble(v) : Double.NaN;
                lower[i] = sorted.length == 0 ? Double.NaN : sorted[0];
                upper[i] = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
            }
            out.add(Series.band("N = " + e.getKey(), x, line, lower, upper).inDepthColour(e.getKey()));
        }
        return out;
    }

    /** The run whose escape step is the median over seeds (the lower median for an even count). */
    static LandscapeResult typicalRun(List<LandscapeResult> seeds) {
        List<LandscapeResult> byEscape = new ArrayList<>(seeds);
        byEscape.sort(java.util.Comparator.comparingDouble(r -> LandscapeSummary.step(r.events().escapeStep())));
        return byEscape.get((byEscape.size() - 1) / 2);
    }

    /** {steps, values} of a run, in step order: its spectral records, merged with its trace's points if traced. */
    static double[][] curve(LandscapeResult run, Quantity quantity) {
        java.util.TreeMap<Double, Double> points = new java.util.TreeMap<>();
        int[] steps = run.series().step();
        double[] values = quantity.recorded(run);
        for (int i = 0; i < Math.min(steps.length, values.length); i++) points.put((double) steps[i], values[i]);
        Trace trace = quantity.traced(run);
        if (trace != null)
            for (int i = 0; i < trace.step().length; i++) points.putIfAbsent((double) trace.step()[i], trace.value()[i]);
        double[][] c = new double[2][points.size()];
        int i = 0;
        for (Map.Entry<Double, Double> p : points.entrySet()) {
            c[0][i] = p.getKey();
            c[1][i++] = p.getValue();
        }
        return c;
    }

    /** The curve's value at {@code step}, linear between its points; NaN outside its range. */
    static double valueAt(double[][] curve, double step) { return PiecewiseLinear.at(curve[0], curve[1], step); }

    /** A dashed reference line over the whole step range of the panel. */
    private static Series horizontal(String name, Map<Integer, List<LandscapeResult>> runs, double y) {
        double last = 1;
        for (List<LandscapeResult> seeds : runs.values())
            for (LandscapeResult r : seeds) {
                int[] s = r.series().step();
                if (s.length > 0) last = Math.max(last, s[s.length - 1] + 1);
            }
        double[] ys = new double[2];
        Arrays.fill(ys, y);
        return Series.dashed(name, new double[] {1, last}, ys);
    }
}
