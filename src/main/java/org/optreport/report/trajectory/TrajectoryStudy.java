package org.optreport.report.trajectory;

import static org.optreport.report.trajectory.TrajectoryValues.frobenius;
import static org.optreport.report.trajectory.TrajectoryValues.joinInts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.report.trajectory.TrajectoryRuns.Settings;
import org.optreport.results.TrajectoryResult;

/**
 * Part 3 (linear networks): the end-to-end matrix of a linear network trained by gradient descent against the
 * discrete end-to-end dynamics. Four groups of runs: balanced and unbalanced initializations at depths 2-4,
 * the largest distance against the learning rate at a fixed time horizon eta * steps (and against the imbalance),
 * and a multi-output run on Linnerud (depth as acceleration is the acceleration study's).
 */
public final class TrajectoryStudy implements Study<TrajectoryPlan> {
    @Override public String name() { return "trajectory"; }

    @Override public List<Setting<?>> settings() { return Settings.ALL; }

    /** {@link TrajectoryRuns#settings}: a static import of it would be hidden by {@link #settings()}. */
    private static Settings settings(StudyConfig config) { return TrajectoryRuns.settings(config); }

    @Override public TrajectoryPlan plan(StudyConfig config, RunPlan runs) {
        return TrajectoryRuns.plan(settings(config), runs);
    }

    @Override public StudyOutput analyze(TrajectoryPlan plan, RunResults results) {
        Settings s = plan.settings();
        Map<String, Figure> figures = new HashMap<>();
        Map<String, Table> tables = new HashMap<>();
        QuotedValues values = new QuotedValues();
        Map<String, Double> numbers = new HashMap<>(); // exact, for the page's claims
        List<String> warnings = new ArrayList<>();

        TrajectoryRun first = TrajectoryRun.of(results.get(plan.main(s.depths().get(0), true)));
        TrajectoryResult.Dataset data = first.result().dataset();
        values.put("samples", Integer.toString(data.samples()), "samples of the dataset (main runs)");
        values.put("inputs", Integer.toString(data.inputColumns().size()), "input columns d₀ of the dataset");
        values.put("width", Integer.toString(s.width()), "hidden width");
        values.put("optimalLoss", Format.sig(first.optimalLoss(), 4), "least-squares optimum L* of the main runs' data");
        values.put("optimalNorm", Format.sig(frobenius(first.result().optimalEndToEnd()), 3), "Frobenius norm of the optimal end-to-end matrix W*");
        numbers.put("optimalNorm", frobenius(first.result().optimalEndToEnd()));
        values.put("initialLoss", Format.sig(first.networkLoss().first(), 3), "loss at the start of the first main run");
        values.put("learningRate", Format.sig(s.learningRate(), 2), "learning rate of the main and multi-output runs");
        values.put("horizon", Format.sig(s.horizon(), 3), "time horizon η × steps of every run");
        values.put("steps", Integer.toString(s.steps(s.learningRate())), "steps of a main run (horizon / learning rate)");
        values.put("initScale", Format.sig(s.initScale(), 2), "end-to-end norm of the balanced initializations");
        values.put("xavierScale", Format.sig(s.xavierScale(), 2), "factor on the Xavier std of the unbalanced initialization");
        values.put("depths", joinInts(s.depths()), "depths of the main runs");
        values.put("seed", Long.toString(s.seed()), "seed of every random initialization");

        TrajectoryCharts.mainFigures(plan, results, figures, values, numbers, warnings);
        TrajectoryConvergence.convergenceFigure(plan, results, figures, values, numbers, warnings);
        TrajectoryCharts.multiOutputFigure(plan, results, figures, values, numbers, warnings);
        TrajectoryLatePhase.latePhase(plan, results, figures, values, numbers, warnings);
        return new StudyOutput(figures, tables, values, numbers, warnings);
    }
}
