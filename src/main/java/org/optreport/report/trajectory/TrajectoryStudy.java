package org.optreport.report.trajectory;

import static org.optreport.report.trajectory.TrajectoryRuns.ACCELERATION_DEPTHS;
import static org.optreport.report.trajectory.TrajectoryRuns.LOSSES;
import static org.optreport.report.trajectory.TrajectoryRuns.accelerationRun;
import static org.optreport.report.trajectory.TrajectoryRuns.convergenceCurves;
import static org.optreport.report.trajectory.TrajectoryRuns.convergenceRun;
import static org.optreport.report.trajectory.TrajectoryRuns.mainRun;
import static org.optreport.report.trajectory.TrajectoryRuns.multiOutputRun;
import static org.optreport.report.trajectory.TrajectoryValues.frobenius;
import static org.optreport.report.trajectory.TrajectoryValues.joinInts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.report.trajectory.TrajectoryRuns.Curve;
import org.optreport.report.trajectory.TrajectoryRuns.Settings;

/**
 * Part 3 (linear networks): the end-to-end matrix of a linear network trained by gradient descent against the
 * discrete end-to-end dynamics. Five groups of runs: balanced and unbalanced initializations at depths 2-4,
 * the largest distance against the learning rate at a fixed time horizon eta * steps (and against the imbalance),
 * a multi-output run on Linnerud, and depth as acceleration on the l2 and l4 losses.
 */
public final class TrajectoryStudy implements Study {
    @Override public String name() { return "trajectory"; }

    @Override public List<Setting<?>> settings() { return Settings.ALL; }

    /** {@link TrajectoryRuns#settings}: a static import of it would be hidden by {@link #settings()}. */
    private static Settings settings(StudyConfig config) { return TrajectoryRuns.settings(config); }

    @Override public List<RunRequest> runs(StudyConfig config) {
        Settings s = settings(config);
        LinkedHashSet<RunRequest> runs = new LinkedHashSet<>();
        for (int depth : s.depths()) {
            runs.add(mainRun(s, depth, true));
            runs.add(mainRun(s, depth, false));
        }
        for (Curve c : convergenceCurves(s))
            for (double eta : s.convergenceRates()) runs.add(convergenceRun(s, c.depth(), c.init(), c.scale(), eta));
        for (double eta : s.imbalanceRates()) {
            runs.add(convergenceRun(s, 2, "balanced", s.initScale(), eta));
            for (double scale : s.imbalanceScales()) runs.add(convergenceRun(s, 2, "xavier", scale, eta));
        }
        for (int depth : s.multiDepths()) runs.add(multiOutputRun(s, depth));
        for (String loss : LOSSES)
            for (int depth : ACCELERATION_DEPTHS)
                for (double eta : s.accelerationRates()) runs.add(accelerationRun(s, loss, depth, eta));
        return List.copyOf(runs);
    }

    /** The acceleration grid searches for each depth's largest stable rate: its largest rates are meant to diverge. */
    @Override public boolean divergenceExpected(StudyConfig config, RunRequest request) {
        Settings s = settings(config);
        for (String loss : LOSSES)
            for (int depth : ACCELERATION_DEPTHS)
                for (double eta : s.accelerationRates()) if (accelerationRun(s, loss, depth, eta).equals(request)) return true;
        return false;
    }

    @Override public StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results) {
        Settings s = settings(config);
        Map<String, Figure> figures = new HashMap<>();
        Map<String, Table> tables = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        List<String> warnings = new ArrayList<>();

        TrajectoryRun first = TrajectoryRun.of(results.get(mainRun(s, s.depths().get(0), true)));
        values.put("samples", Integer.toString(first.json().get("dataset").get("x").size()));
        values.put("inputs", Integer.toString(first.json().get("dataset").get("x").get(0).size()));
        values.put("width", Integer.toString(s.width()));
        values.put("optimalLoss", Format.sig(first.optimalLoss(), 4));
        values.put("optimalNorm", Format.sig(frobenius(first.json().get("optimalEndToEnd")), 3));
        values.put("initialLoss", Format.sig(first.networkLoss().first(), 3));
        values.put("learningRate", Format.sig(s.learningRate(), 2));
        values.put("horizon", Format.sig(s.horizon(), 3));
        values.put("steps", Integer.toString(s.steps(s.learningRate())));
        values.put("initScale", Format.sig(s.initScale(), 2));
        values.put("xavierScale", Format.sig(s.xavierScale(), 2));
        values.put("depths", joinInts(s.depths()));
        values.put("seed", Long.toString(s.seed()));

        TrajectoryCharts.mainFigures(s, results, figures, values, warnings);
        TrajectoryConvergence.convergenceFigure(s, results, figures, values, warnings);
        TrajectoryCharts.multiOutputFigure(s, results, figures, values, warnings);
        TrajectoryAcceleration.acceleration(s, results, figures, tables, values);
        return new StudyOutput(figures, tables, values, warnings);
    }
}
