package org.optreport.report.nonconvexity;

import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.choice;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.Json;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.NonconvexityResult;

/** Part 1: the loss of a scalar depth-2 linear network is not convex. */
public final class NonconvexityStudy implements Study<Run<NonconvexityResult>> {
    private static final Setting<String> DATASET = Setting.of("dataset", choice("diabetes"), "diabetes", "the dataset");
    private static final Setting<Integer> GRID = Setting.of("grid", integer(11, 1001), 161, "heat-map grid points per axis").withQuickDefault(61);
    private static final Setting<Double> RANGE = Setting.of("range", real(openClosed(0, 100)), 2.0, "the grid covers [-range, range]^2");

    @Override public String name() { return "nonconvexity"; }

    @Override public List<Setting<?>> settings() { return List.of(DATASET, GRID, RANGE); }

    @Override public Run<NonconvexityResult> plan(StudyConfig config, RunPlan runs) {
        Map<String, String> p = new HashMap<>();
        p.put("dataset", config.get(DATASET));
        p.put("grid", Integer.toString(config.get(GRID)));
        p.put("range", Double.toString(config.get(RANGE)));
        return runs.add(NonconvexityResult.class, "nonconvexity", p);
    }

    @Override public StudyOutput analyze(Run<NonconvexityResult> run, RunResults results) {
        NonconvexityResult r = results.get(run);
        double[] w1 = r.grid().w1(), w2 = r.grid().w2();
        double p = r.optimalProduct();
        double range = w1[w1.length - 1];

        List<Series> lines = new ArrayList<>(hyperbola(p, range));
        double[] from = r.segment().from(), to = r.segment().to();
        lines.add(Series.dashed("segment θ₊ → θ₋", new double[] {from[0], to[0]}, new double[] {from[1], to[1]}));
        lines.add(Series.markers("saddle", new double[] {0}, new double[] {0}));
        Panel heat = new Panel("landscape", "φ(w₁, w₂)", Axis.linear("w₁"), Axis.linear("w₂"), lines,
                new HeatMap(w1, w2, r.grid().loss(), "loss φ", true));

        double[] t = r.segment().t(), segLoss = r.segment().loss();
        double optimal = r.optimalLoss();
        Panel segment = new Panel("segment", "loss along the segment", Axis.linear("t (0 and 1: the two minima)"), Axis.linear("loss"),
                List.of(Series.line("φ((1−t)·θ₊ + t·θ₋)", t, segLoss),
                        Series.dashed("global minimum value", new double[] {0, 1}, new double[] {optimal, optimal})));

        Map<String, String> values = new HashMap<>();
        values.put("samples", Integer.toString(r.dataset().samples()));
        values.put("input", r.parameters().get("input"));
        values.put("sxy", Format.sig(r.sxy(), 3));
        values.put("optimalProduct", Format.sig(p, 3));
        values.put("optimalLoss", Format.sig(optimal, 3));
        values.put("lossAtOrigin", Format.sig(r.lossAtOrigin(), 3));
        values.put("midpointLoss", Format.sig(segLoss[segLoss.length / 2], 3));
        values.put("minimumA", Format.sig(from[0], 3));
        values.put("minimumB", Format.sig(from[1], 3));
        return new StudyOutput(Map.of("landscape", Figure.of(heat), "segment", Figure.of(segment)), Map.of(), values, numbers(r), List.of());
    }

    /**
     * The exact numbers the page's claims check: the correlation (its sign picks the saddle's stable direction), the
     * loss at the minima, at the origin, at both ends of the segment and its largest value along it.
     */
    static Map<String, Double> numbers(NonconvexityResult r) {
        double[] loss = r.segment().loss();
        Map<String, Double> numbers = new HashMap<>();
        numbers.put("sxy", r.sxy());
        numbers.put("optimalLoss", r.optimalLoss());
        numbers.put("lossAtOrigin", r.lossAtOrigin());
        numbers.put("segmentStartLoss", loss[0]);
        numbers.put("segmentEndLoss", loss[loss.length - 1]);
        numbers.put("segmentMaxLoss", java.util.Arrays.stream(loss).max().orElse(Double.NaN));
        numbers.put("midpointLoss", loss[loss.length / 2]);
        return numbers;
    }

    /** The two branches of w1 w2 = p inside the square [-range, range]^2. */
    private static List<Series> hyperbola(double p, double range) {
        int n = 200;
        double lo = Math.abs(p) / range;
        double[] x = new double[n], y = new double[n], xn = new double[n], yn = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = lo * Math.pow(range / lo, (double) k / (n - 1));
            y[k] = p / x[k];
            xn[k] = -x[k];
            yn[k] = -y[k];
        }
        return List.of(Series.line("minima, w₁ > 0", x, y), Series.line("minima, w₁ < 0", xn, yn));
    }
}
