package org.optreport.report.trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.study.RunResults;

/**
 * The late phase of the l2 runs: the measured linear rate (decades of excess loss per 1,000 steps over the second
 * half of each run) beside the rate predicted by linearising the end-to-end dynamics at the optimum
 * ({@link LatePhaseRate}), per depth.
 */
final class TrajectoryLatePhase {
    private TrajectoryLatePhase() {}

    /**
     * Decades of excess loss per 1,000 steps: minus the least-squares slope of log10(L - L*) against the step over the
     * second half of the run, from the every-step trace (its l2 excess is computed free of cancellation, so the slope
     * holds down to excess losses far below the rounding of L itself).
     */
    static double measuredRate(TrajectoryRun r) {
        double[] step = r.networkExcess().step(), excess = r.networkExcess().value();
        double half = r.result().steps() / 2.0, n = 0, mx = 0, my = 0;
        for (int i = 0; i < step.length; i++)
            if (step[i] >= half) {
                n++;
                mx += step[i];
                my += Math.log10(excess[i]);
            }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < step.length; i++)
            if (step[i] >= half) {
                sxy += (step[i] - mx) * (Math.log10(excess[i]) - my);
                sxx += (step[i] - mx) * (step[i] - mx);
            }
        return -1000 * sxy / sxx;
    }

    /** The traced excess loss at the first traced step at or after {@code step}. */
    static double excessAtOrAfter(TrajectoryRun r, double step) {
        double[] steps = r.networkExcess().step(), excess = r.networkExcess().value();
        for (int i = 0; i < steps.length; i++) if (steps[i] >= step) return excess[i];
        return excess[excess.length - 1];
    }

    static void latePhase(TrajectoryPlan plan, RunResults results, Map<String, Figure> figures, QuotedValues values,
                          Map<String, Double> numbers, List<String> warnings) {
        double eta = plan.settings().latePhaseRate();
        List<Series> curves = new ArrayList<>();
        for (int depth : TrajectoryRuns.LATE_PHASE_DEPTHS) {
            TrajectoryRun r = TrajectoryRun.of(results.get(plan.latePhase().get(depth)));
            if (r.diverged()) warnings.add("trajectory: the late-phase run at depth " + depth + " diverged");
            InputCovariance c = InputCovariance.of(r.result().dataset().x());
            double lambda = LatePhaseRate.smallestEigenvalue(c, r.result().optimalEndToEnd()[0], depth);
            double predicted = LatePhaseRate.decadesPerThousandSteps(eta, lambda), measured = r.lateDecadesPerThousandSteps();
            String member = ".depth" + depth;
            numbers.put("lateSlowestEigenvalue" + member, lambda);
            numbers.put("lateEtaLambda" + member, eta * lambda);
            numbers.put("latePredictedRate" + member, predicted);
            numbers.put("lateMeasuredRate" + member, measured);
            numbers.put("lateFinalExcess" + member, r.networkExcess().last());
            numbers.put("lateHalfwayExcess" + member, excessAtOrAfter(r, r.result().steps() / 2.0));
            values.put("lateN" + depth + "EtaLambda", Format.sig(eta * lambda, 3), "η λ of the slowest direction at the optimum, late-phase run of depth " + depth);
            values.put("lateN" + depth + "Eigenvalue", Format.sig(lambda, 3), "smallest eigenvalue λ of the preconditioned covariance at the optimum, depth " + depth);
            values.put("lateN" + depth + "PredictedRate", Format.sig(predicted, 3), "predicted decades of excess loss per 1000 steps in the late phase, depth " + depth);
            values.put("lateN" + depth + "MeasuredRate", Format.sig(measured, 3), "measured decades of excess loss per 1000 steps over the second half, depth " + depth);
            values.put("lateN" + depth + "FinalExcess", Format.sig(r.networkExcess().last(), 2), "final excess loss of the late-phase run, depth " + depth);
            curves.add(TrajectoryCharts.logY(Series.Style.LINE, "net N=" + depth, r.networkExcess()).inDepthColour(depth));
        }
        values.put("lateRate", Format.sig(eta, 2), "learning rate of the late-phase runs");
        values.put("lateSteps", Format.integer(plan.settings().latePhaseSteps()), "steps of the late-phase runs");
        // the predicted slopes, drawn through each run's excess at the last step
        for (int depth : TrajectoryRuns.LATE_PHASE_DEPTHS) {
            TrajectoryRun r = TrajectoryRun.of(results.get(plan.latePhase().get(depth)));
            double end = r.result().steps(), start = end / 2, last = r.networkExcess().last();
            double slope = numbers.get("latePredictedRate.depth" + depth) / 1000;
            // a prediction in the colour of the run it predicts
            curves.add(Series.dashed("predicted N=" + depth, new double[] {start, end},
                    new double[] {last * Math.pow(10, slope * (end - start)), last}).inDepthColour(depth));
        }
        figures.put("latephase", new Figure(List.of(new Panel("loss", "ℓ2, η = " + Format.sig(eta, 2) + ": excess loss",
                Axis.linear("step"), Axis.log("L − L*"), curves))));
    }
}
