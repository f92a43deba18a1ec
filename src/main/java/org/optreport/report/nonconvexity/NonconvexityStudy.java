package org.optreport.report.nonconvexity;

import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.Json;
import org.optreport.experiment.DatasetParameters;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Panel;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.report.study.StudyDataset;
import org.optreport.results.NonconvexityResult;

/** Part 1: the loss of a scalar depth-2 linear network is not convex. */
public final class NonconvexityStudy implements Study<Run<NonconvexityResult>> {
    /** As the experiment declares them: of diabetes, the body-mass index is the one input. */
    private static final DatasetParameters DATA = DatasetParameters.STANDARD.withDefaultInputs(List.of("bmi"));
    private static final Setting<Integer> GRID = Setting.of("grid", integer(11, 1001), 161, "heat-map grid points per axis").withQuickDefault(61);
    private static final Setting<Double> RANGE = Setting.of("range", real(openClosed(0, 100)), 2.0, "the grid covers [-range, range]^2");

    /**
     * Decades of the excess loss the colours span: down to 1e-3 of the largest value on the default grid, enough to
     * show the valleys as bands and to tell the ridge (excess 0.17 on the axes) from the corners (excess 10).
     */
    private static final int COLOUR_DECADES = 4;

    /**
     * Spacing of the points of a dashed curve, as a fraction of the half-width of the grid: a little more than one
     * dash and one gap (11 CSS pixels) in the page's figure, while the chord of a hyperbola this long stays within
     * a thousandth of the grid's width of the curve.
     */
    private static final double DASHED_CURVE_STEP = 0.08;

    @Override public String name() { return "nonconvexity"; }

    @Override public List<Setting<?>> settings() { return List.of(DATA.dataset(), DATA.inputs(), DATA.targets(), GRID, RANGE); }

    @Override public Run<NonconvexityResult> plan(StudyConfig config, RunPlan runs) {
        Map<String, String> p = new HashMap<>();
        StudyDataset data = StudyDataset.read(config, DATA);
        if (data.data().inputDimension() != 1 || data.data().outputDimension() != 1)
            throw config.unusable(data.data().inputDimension() != 1 ? DATA.inputs().key() : DATA.targets().key(),
                    "the network is scalar: it needs one input and one target column of " + data.dataset() + " (it gives inputs "
                            + String.join(", ", data.data().inputColumns()) + "; targets " + String.join(", ", data.data().targetColumns()) + ")");
        data.addTo(p);
        p.put("grid", Integer.toString(config.get(GRID)));
        p.put("range", Double.toString(config.get(RANGE)));
        return runs.add(NonconvexityResult.class, "nonconvexity", p);
    }

    @Override public StudyOutput analyze(Run<NonconvexityResult> run, RunResults results) {
        NonconvexityResult r = results.get(run);
        double[] w1 = r.grid().w1(), w2 = r.grid().w2();
        double p = r.optimalProduct();
        double range = w1[w1.length - 1];

        double optimal = r.optimalLoss();
        double[] from = r.segment().from(), to = r.segment().to();
        // phi itself spans 0.33..11 on the grid, so its valley (0.33..0.5) would take one colour; the excess over the
        // minimum, on a log scale, falls to zero on the minima and makes the ridge between the two valleys visible.
        List<Series> lines = new ArrayList<>();
        double[][] minima = levelSet(p, range);
        lines.add(Series.line("minima: φ = φ*", minima[0], minima[1]));
        double[][] ridge = barrierLevel(p, range);
        lines.add(Series.dashed("level φ = φ(0)", ridge[0], ridge[1]).asTheory(false));
        lines.add(new Series("segment θ₊ to θ₋", new double[] {from[0], to[0]}, new double[] {from[1], to[1]},
                null, null, Series.Style.LINE_MARKERS));
        // black: visible on the white segment and on the colours around it
        lines.add(Series.markers("saddle", new double[] {0}, new double[] {0}).asTheory(false));
        Panel heat = new Panel("landscape", "excess loss φ(w₁, w₂) − φ*", Axis.linear("w₁"), Axis.linear("w₂"), lines,
                new HeatMap(w1, w2, excess(r.grid().loss(), optimal), "φ − φ*", true, COLOUR_DECADES));

        double[] t = r.segment().t(), segLoss = r.segment().loss();
        Panel segment = new Panel("segment", "loss along the segment", Axis.linear("t (t = 0: θ₊, t = 1: θ₋, t = ½: the origin)"), Axis.linear("loss φ"),
                List.of(Series.line("φ((1−t)·θ₊ + t·θ₋)", t, segLoss),
                        Series.dashed("global minimum value", new double[] {0, 1}, new double[] {optimal, optimal}).asTheory(false)));

        QuotedValues values = new QuotedValues();
        values.put("samples", Integer.toString(r.dataset().samples()), "samples (rows) of the dataset the loss is evaluated on");
        values.put("input", r.parameters().get("inputs"), "the input column of the scalar network");
        values.put("sxy", Format.sig(r.sxy(), 3), "input-target covariance s_xy of the standardized data");
        values.put("optimalProduct", Format.sig(p, 3), "optimal product p* = w1 w2 = s_xy / s_xx");
        values.put("optimalLoss", Format.sig(optimal, 3), "loss at the global minima, φ*");
        values.put("lossAtOrigin", Format.sig(r.lossAtOrigin(), 3), "loss at the saddle at the origin, φ(0)");
        values.put("midpointLoss", Format.sig(segLoss[segLoss.length / 2], 3), "loss halfway along the segment between the two minima (the origin)");
        values.put("minimumA", Format.sig(from[0], 3), "w1 coordinate of the balanced minimum θ₊");
        values.put("minimumB", Format.sig(from[1], 3), "w2 coordinate of the balanced minimum θ₊");
        values.put("barrier", Format.sig(r.lossAtOrigin() - optimal, 3), "height of the barrier between the two valleys, φ(0) − φ*");
        values.put("balancedSharpness", Format.sig(balancedSharpness(r), 3), "largest Hessian eigenvalue at the balanced minimum");
        values.put("balancedStepLimit", Format.sig(2 / balancedSharpness(r), 3), "step size above which gradient descent cannot stay at the balanced minimum, 2 / sharpness");
        NonconvexityResult.StableLine line = r.stableLine();
        values.put("stableStarts", String.join(", ", java.util.Arrays.stream(line.a())
                .mapToObj(v -> new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString()).toList()), "starts a of the runs on the saddle's stable line, (a, −a)");
        values.put("criticalSteps", joined(line.criticalStep(), 3), "bisected critical step of each start on the stable line");
        values.put("criticalStepGap", Format.sig(criticalStepGap(r), 2), "largest relative gap between bisected and predicted critical steps");
        values.put("criticalStepBracket", Format.sig(java.util.Arrays.stream(line.bracket()).max().orElse(Double.NaN), 2), "widest bisection bracket of the critical steps");
        return new StudyOutput(Map.of("landscape", Figure.of(heat), "segment", Figure.of(segment)), Map.of(), values, numbers(r), List.of());
    }

    /**
     * The exact numbers the page's claims check: the moments (the correlation's sign picks the saddle's stable
     * direction), the loss at the minima, at the origin and the barrier between them, the curvature of the balanced
     * minimum, the loss at both ends of the segment and its largest value along it.
     */
    static Map<String, Double> numbers(NonconvexityResult r) {
        double[] loss = r.segment().loss();
        Map<String, Double> numbers = new HashMap<>();
        numbers.put("sxx", r.sxx());
        numbers.put("sxy", r.sxy());
        numbers.put("syy", r.syy());
        numbers.put("optimalProduct", r.optimalProduct());
        numbers.put("barrier", r.lossAtOrigin() - r.optimalLoss());
        numbers.put("balancedSharpness", balancedSharpness(r));
        NonconvexityResult.StableLine line = r.stableLine();
        for (int k = 0; k < line.a().length; k++) {
            numbers.put("criticalStep.start" + (k + 1), line.criticalStep()[k]);
            numbers.put("predictedCriticalStep.start" + (k + 1), predictedCriticalStep(r, line.a()[k]));
        }
        numbers.put("criticalStepGap", criticalStepGap(r));
        numbers.put("optimalLoss", r.optimalLoss());
        numbers.put("lossAtOrigin", r.lossAtOrigin());
        numbers.put("segmentStartLoss", loss[0]);
        numbers.put("segmentEndLoss", loss[loss.length - 1]);
        numbers.put("segmentMaxLoss", java.util.Arrays.stream(loss).max().orElse(Double.NaN));
        numbers.put("midpointLoss", loss[loss.length / 2]);
        return numbers;
    }

    /**
     * The largest Hessian eigenvalue at the balanced minimum theta+ = (a, b): at a minimum the Hessian of phi is
     * sxx (w2, w1)(w2, w1)^T, whose nonzero eigenvalue is sxx (a^2 + b^2) (= 2 sxx |p*| when |a| = |b|).
     */
    static double balancedSharpness(NonconvexityResult r) {
        double[] m = r.segment().from();
        return r.sxx() * (m[0] * m[0] + m[1] * m[1]);
    }

    /**
     * The step above which gradient descent from (a, -a) on the stable line diverges: there v = w1 - w2 obeys
     * v' = (1 - eta (|sxy| + sxx v^2 / 4)) v with v = 2a, which shrinks to 0 while the factor stays above -1.
     */
    static double predictedCriticalStep(NonconvexityResult r, double a) {
        return 2 / (Math.abs(r.sxy()) + r.sxx() * a * a);
    }

    /** The largest relative gap |measured / predicted - 1| between the bisected and the predicted critical steps. */
    static double criticalStepGap(NonconvexityResult r) {
        double gap = 0;
        for (int k = 0; k < r.stableLine().a().length; k++)
            gap = Math.max(gap, Math.abs(r.stableLine().criticalStep()[k] / predictedCriticalStep(r, r.stableLine().a()[k]) - 1));
        return gap;
    }

    private static String joined(double[] values, int digits) {
        return String.join(", ", java.util.Arrays.stream(values).mapToObj(v -> Format.sig(v, digits)).toList());
    }

    /** The grid's loss minus the minimum value: zero on the hyperbola of minima, phi(0) - phi* on both axes. */
    static double[][] excess(double[][] loss, double optimal) {
        double[][] excess = new double[loss.length][];
        for (int row = 0; row < loss.length; row++) {
            excess[row] = new double[loss[row].length];
            for (int col = 0; col < loss[row].length; col++) excess[row][col] = loss[row][col] - optimal;
        }
        return excess;
    }

    /**
     * The level set phi = phi(0), the barrier between the two valleys: phi depends on p = w1 w2 alone and
     * phi(p) = phi(0) at p = 0 (both axes) and at p = 2 p* (a second hyperbola). Any path between the two branches of
     * minima changes the sign of w1 or of w2, so it crosses an axis. The curves are joined by NaN gaps into one series.
     */
    static double[][] barrierLevel(double p, double range) {
        double[][] outer = levelSet(2 * p, range, DASHED_CURVE_STEP * range);
        int n = outer[0].length;
        double[] x = new double[n + 6], y = new double[n + 6];
        double[] axesX = {-range, range, Double.NaN, 0, 0, Double.NaN}, axesY = {0, 0, Double.NaN, -range, range, Double.NaN};
        System.arraycopy(axesX, 0, x, 0, 6);
        System.arraycopy(axesY, 0, y, 0, 6);
        System.arraycopy(outer[0], 0, x, 6, n);
        System.arraycopy(outer[1], 0, y, 6, n);
        return new double[][] {x, y};
    }

    /** Both branches of the hyperbola w1 w2 = p inside the square [-range, range]^2, separated by a NaN gap. */
    static double[][] levelSet(double p, double range) {
        return levelSet(p, range, 0);
    }

    /**
     * Both branches of w1 w2 = p inside [-range, range]^2, separated by a NaN gap: 200 points per branch, or with
     * {@code step > 0} points that far apart along the curve. A dashed curve needs the second: the chart draws it
     * segment by segment, restarting the dash pattern, so a curve of 200 short segments would come out solid.
     */
    static double[][] levelSet(double p, double range, double step) {
        double lo = Math.abs(p) / range;
        List<Double> branch = new ArrayList<>();
        if (step > 0) {
            for (double x = lo; x < range; x += step / Math.sqrt(1 + p * p / (x * x * x * x))) branch.add(x);
        } else {
            int n = 200;
            for (int k = 0; k < n - 1; k++) branch.add(lo * Math.pow(range / lo, (double) k / (n - 1)));
        }
        branch.add(range);
        int n = branch.size();
        double[] x = new double[2 * n + 1], y = new double[2 * n + 1];
        x[n] = y[n] = Double.NaN;
        for (int k = 0; k < n; k++) {
            x[k] = branch.get(k);
            y[k] = p / x[k];
            x[n + 1 + k] = -x[k];
            y[n + 1 + k] = -y[k];
        }
        return new double[][] {x, y};
    }
}
