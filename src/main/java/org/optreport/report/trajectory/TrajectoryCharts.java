package org.optreport.report.trajectory;

import static org.optreport.report.trajectory.TrajectoryValues.frobenius;
import static org.optreport.report.trajectory.TrajectoryValues.joinInts;
import static org.optreport.report.trajectory.TrajectoryValues.joinSig;
import static org.optreport.report.trajectory.TrajectoryValues.singularValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.study.RunResults;
import org.optreport.report.trajectory.TrajectoryRuns.Settings;
import org.optreport.results.TrajectoryResult;

/**
 * The trajectory figures over steps (balanced/unbalanced runs per depth and the multi-output runs) with the values
 * quoted about them, and the logarithmic-axis series every trajectory figure is drawn from. Losses and distances are
 * drawn from the every-step traces, the imbalance from the records; steps and extremes come from the run's events.
 */
final class TrajectoryCharts {
    private TrajectoryCharts() {}

    static void mainFigures(TrajectoryPlan plan, RunResults results, Map<String, Figure> figures,
                            Map<String, String> values, Map<String, Double> numbers, List<String> warnings) {
        Settings s = plan.settings();
        for (boolean balanced : new boolean[] {true, false}) {
            String kind = balanced ? "balanced" : "unbalanced";
            List<Series> loss = new ArrayList<>(), distance = new ArrayList<>(), imbalance = new ArrayList<>();
            for (int depth : s.depths()) {
                TrajectoryRun r = TrajectoryRun.of(results.get(plan.main(depth, balanced)));
                if (r.diverged()) warnings.add("trajectory: the " + kind + " run at depth " + depth + " diverged: " + r.result().divergence());
                loss.add(logLog(Series.Style.LINE, "net N=" + depth, r.networkExcess()));
                loss.add(logLog(Series.Style.DASHED, "e2e N=" + depth, r.dynamicsExcess()));
                distance.add(logLog(Series.Style.LINE, "N=" + depth, r.distance()));
                imbalance.add(logLog(Series.Style.LINE, "N=" + depth, r.imbalance()));
                String key = kind + "N" + depth;
                values.put(key + "MaxDistance", Format.sig(r.maxDistance(), 2));
                values.put(key + "MaxDistanceStep", Format.integer(r.maxDistanceStep()));
                values.put(key + "FinalDistance", Format.sig(r.distance().last(), 2));
                values.put(key + "InitialImbalance", Format.sig(r.imbalance().first(), 2));
                values.put(key + "FinalImbalance", Format.sig(r.imbalance().last(), 2));
                values.put(key + "InitialNorm", Format.sig(frobenius(r.result().series().networkEndToEnd().get(0)), 2));
                values.put(key + "FinalNetworkExcess", Format.sig(r.networkExcess().last(), 2));
                values.put(key + "FinalDynamicsExcess", Format.sig(r.dynamicsExcess().last(), 2));
                values.put(key + "EscapeStep", step(r.networkHalfwayStep()));
                values.put(key + "DynamicsEscapeStep", step(r.dynamicsHalfwayStep()));
                String member = ".depth" + depth;
                numbers.put(kind + "EscapeStep" + member, stepNumber(r.networkHalfwayStep()));
                numbers.put(kind + "DynamicsEscapeStep" + member, stepNumber(r.dynamicsHalfwayStep()));
                numbers.put(kind + "EscapeStart" + member, stepNumber(r.escapeStartRecord()));
                numbers.put(kind + "EscapeEnd" + member, stepNumber(r.escapeEndRecord()));
                numbers.put(kind + "MaxDistance" + member, r.maxDistance());
                numbers.put(kind + "MaxDistanceStep" + member, (double) r.maxDistanceStep());
                numbers.put(kind + "FinalDistance" + member, r.distance().last());
                numbers.put(kind + "InitialImbalance" + member, r.imbalance().first());
                numbers.put(kind + "FinalImbalance" + member, r.imbalance().last());
                numbers.put(kind + "ImbalanceDrift" + member, r.imbalanceDrift());
                numbers.put(kind + "LossGap" + member, r.recordedLossGap());
                numbers.put(kind + "FinalNetworkExcess" + member, r.networkExcess().last());
                numbers.put(kind + "FinalDynamicsExcess" + member, r.dynamicsExcess().last());
                if (balanced) numbers.put("plateauShare." + key, r.plateauShare());
                if (!balanced && depth == 2) initialPreconditioners(r.result(), values, numbers);
                values.put(key + "LossGapPercent", Format.sig(100 * r.recordedLossGap(), 2));
            }
            Axis step = Axis.log("step");
            figures.put(kind, new Figure(List.of(
                    new Panel("loss", "excess loss L − L*", step, Axis.log("L − L*"), loss),
                    new Panel("distance", "distance between the end-to-end matrices", step, Axis.log("‖W_net − W_dyn‖_F"), distance),
                    new Panel("imbalance", "imbalance of the network", step, Axis.log("max_j ‖W_{j+1}ᵀW_{j+1} − W_jW_jᵀ‖_F"), imbalance))));
        }
    }

    /**
     * At depth 2 with one output, at step 0: the extreme eigenvalues of the network's preconditioner
     * ||W_2||^2 I + W_1^T W_1 and of the end-to-end dynamics' ||W|| (I + v v^T), which are ||W|| and 2 ||W||.
     */
    static void initialPreconditioners(TrajectoryResult r, Map<String, String> values, Map<String, Double> numbers) {
        double[][] w1 = r.initialWeights().get(0), w2 = r.initialWeights().get(1);
        if (w2.length != 1) return; // the scalar form holds for one output only
        double w2Squared = Math.pow(frobenius(w2), 2);
        double[] sv = singularValues(new DMatrixRMaj(w1)); // descending
        double largest = sv[0] * sv[0];
        double smallest = w1[0].length > sv.length ? 0 : sv[sv.length - 1] * sv[sv.length - 1];
        double norm = frobenius(r.series().networkEndToEnd().get(0));
        Map<String, Double> scales = Map.of("NetworkMax", w2Squared + largest, "NetworkMin", w2Squared + smallest,
                "DynamicsMax", 2 * norm, "DynamicsMin", norm);
        scales.forEach((name, v) -> {
            numbers.put("unbalancedN2InitialPreconditioner" + name, v);
            values.put("unbalancedN2InitialPreconditioner" + name, Format.sig(v, 2));
        });
    }

    /** An event's step as quoted: -1 is an event that did not happen. */
    static String step(long step) {
        return step < 0 ? "never" : Format.integer(step);
    }

    /** An event's step for claims: NaN (undecided) for an event that did not happen. */
    static double stepNumber(long step) {
        return step < 0 ? Double.NaN : step;
    }

    static void multiOutputFigure(TrajectoryPlan plan, RunResults results, Map<String, Figure> figures,
                                  Map<String, String> values, Map<String, Double> numbers, List<String> warnings) {
        Settings s = plan.settings();
        List<Series> loss = new ArrayList<>(), distance = new ArrayList<>();
        for (int depth : s.multiDepths()) {
            TrajectoryRun r = TrajectoryRun.of(results.get(plan.multiOutput().get(depth)));
            if (r.diverged()) warnings.add("trajectory: the Linnerud run at depth " + depth + " diverged");
            loss.add(logLog(Series.Style.LINE, "net N=" + depth, r.networkExcess()));
            loss.add(logLog(Series.Style.DASHED, "e2e N=" + depth, r.dynamicsExcess()));
            distance.add(logLog(Series.Style.LINE, "distance N=" + depth, r.distance()));
            distance.add(logLog(Series.Style.DASHED, "imbalance N=" + depth, r.imbalance()));
            String key = "multiN" + depth;
            values.put(key + "MaxDistance", Format.sig(r.maxDistance(), 2));
            values.put(key + "MaxDistanceStep", Format.integer(r.maxDistanceStep()));
            values.put(key + "FinalDistance", Format.sig(r.distance().last(), 2));
            values.put(key + "FinalNetworkExcess", Format.sig(r.networkExcess().last(), 2));
            values.put(key + "FinalDynamicsExcess", Format.sig(r.dynamicsExcess().last(), 2));
            // the network's end-to-end matrix, as the excess losses quoted beside its singular values
            List<double[][]> matrices = r.result().series().networkEndToEnd();
            double[] sv = singularValues(new DMatrixRMaj(matrices.get(matrices.size() - 1)));
            values.put(key + "SingularValues", joinSig(sv));
            double[] target = singularValues(new DMatrixRMaj(r.result().optimalEndToEnd()));
            int[] steps = r.recordedSteps();
            for (int k = 0; k < sv.length; k++) {
                String member = ".s" + (k + 1);
                numbers.put(key + "SingularShare" + member, sv[k] / target[k]);
                // the first record at which the k-th singular value has reached half of W*'s (NaN if never)
                double halfStep = Double.NaN;
                for (int i = 0; i < steps.length && Double.isNaN(halfStep); i++)
                    if (singularValues(new DMatrixRMaj(matrices.get(i)))[k] >= target[k] / 2) halfStep = steps[i];
                numbers.put(key + "SingularHalfStep" + member, halfStep);
            }
            numbers.put("multiMaxDistance.depth" + depth, r.maxDistance());
            numbers.put("multiLossGap.depth" + depth, r.recordedLossGap());
            // the gap at the last record, and where its final rising stretch starts
            double[] gaps = r.recordedLossGaps();
            numbers.put("multiFinalLossGap.depth" + depth, gaps[gaps.length - 1]);
            numbers.put("multiLossGapRisingFrom.depth" + depth, (double) r.lossGapRisingFromStep());
            values.put(key + "FinalLossGapPercent", Format.sig(100 * gaps[gaps.length - 1], 2));
            values.put(key + "LossGapRisingFrom", Format.integer(r.lossGapRisingFromStep()));
            numbers.put("multiFinalNetworkExcess.depth" + depth, r.networkExcess().last());
            numbers.put("plateauShare." + key, r.plateauShare());
            if (depth == s.multiDepths().get(0)) {
                TrajectoryResult.Dataset d = r.result().dataset();
                values.put("multiSamples", Integer.toString(d.samples()));
                values.put("multiOptimalLoss", Format.sig(r.optimalLoss(), 4));
                values.put("multiInitialLoss", Format.sig(r.networkLoss().first(), 3));
                values.put("multiInputs", String.join(", ", d.inputColumns()));
                values.put("multiTargets", String.join(", ", d.targetColumns()));
                values.put("multiOptimalSingularValues", joinSig(singularValues(new DMatrixRMaj(r.result().optimalEndToEnd()))));
                values.put("multiOptimalNorm", Format.sig(frobenius(r.result().optimalEndToEnd()), 3));
                numbers.put("multiOptimalNorm", frobenius(r.result().optimalEndToEnd()));
            }
        }
        values.put("multiSteps", Format.integer(s.multiSteps()));
        values.put("multiHorizon", Format.sig(s.multiSteps() * s.learningRate(), 3));
        values.put("multiDepths", joinInts(s.multiDepths()));
        figures.put("multioutput", new Figure(List.of(
                new Panel("loss", "Linnerud (3 outputs): excess loss", Axis.log("step"), Axis.log("L − L*"), loss),
                new Panel("distance", "Linnerud: distance and imbalance", Axis.log("step"), Axis.log("Frobenius norm"), distance))));
    }

    /** A log-log series: step 0 and non-positive values cannot be drawn on logarithmic axes and are left out. */
    static Series logLog(Series.Style style, String name, TrajectoryRun.Curve curve) {
        double[] x = curve.step(), y = curve.value();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (x[i] > 0 && y[i] > 0 && Double.isFinite(y[i])) points.add(new double[] {x[i], y[i]});
        return series(style, name, points);
    }

    static Series logY(Series.Style style, String name, TrajectoryRun.Curve curve) {
        double[] x = curve.step(), y = curve.value();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (y[i] > 0 && Double.isFinite(y[i])) points.add(new double[] {x[i], y[i]});
        return series(style, name, points);
    }

    static Series series(Series.Style style, String name, List<double[]> points) {
        double[] x = new double[points.size()], y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Series(name, x, y, null, null, style);
    }
}
