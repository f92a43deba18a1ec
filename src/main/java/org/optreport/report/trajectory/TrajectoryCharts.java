package org.optreport.report.trajectory;

import static org.optreport.report.trajectory.TrajectoryValues.frobenius;
import static org.optreport.report.trajectory.TrajectoryValues.joinInts;
import static org.optreport.report.trajectory.TrajectoryValues.joinSig;
import static org.optreport.report.trajectory.TrajectoryValues.singularValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.optreport.report.output.QuotedValues;
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
                            QuotedValues values, Map<String, Double> numbers, List<String> warnings) {
        Settings s = plan.settings();
        for (boolean balanced : new boolean[] {true, false}) {
            String kind = balanced ? "balanced" : "unbalanced";
            List<Series> loss = new ArrayList<>(), distance = new ArrayList<>(), imbalance = new ArrayList<>();
            for (int depth : s.depths()) {
                TrajectoryRun r = TrajectoryRun.of(results.get(plan.main(depth, balanced)));
                if (r.diverged()) warnings.add("trajectory: the " + kind + " run at depth " + depth + " diverged: " + r.result().divergence());
                // each depth its site-wide colour in every panel: the network solid, the dynamics dashed in the same colour
                loss.add(logLog(Series.Style.LINE, "net N=" + depth, r.networkExcess()).inDepthColour(depth));
                loss.add(logLog(Series.Style.DASHED, "e2e N=" + depth, r.dynamicsExcess()).inDepthColour(depth));
                distance.add(logLog(Series.Style.LINE, "N=" + depth, r.distance()).inDepthColour(depth));
                imbalance.add(logLog(Series.Style.LINE, "N=" + depth, r.imbalance()).inDepthColour(depth));
                String key = kind + "N" + depth;
                values.put(key + "MaxDistance", Format.sig(r.maxDistance(), 2), "largest distance between the network's and the dynamics' end-to-end matrices, run " + key);
                values.put(key + "MaxDistanceStep", Format.integer(r.maxDistanceStep()), "step of the largest network-dynamics distance, run " + key);
                values.put(key + "FinalDistance", Format.sig(r.distance().last(), 2), "network-dynamics distance at the last step, run " + key);
                values.put(key + "InitialImbalance", Format.sig(r.imbalance().first(), 2), "layer imbalance at the start, run " + key);
                values.put(key + "FinalImbalance", Format.sig(r.imbalance().last(), 2), "layer imbalance at the last step, run " + key);
                values.put(key + "InitialNorm", Format.sig(frobenius(r.result().series().networkEndToEnd().get(0)), 2), "Frobenius norm of the initial end-to-end matrix, run " + key);
                values.put(key + "FinalNetworkExcess", Format.sig(r.networkExcess().last(), 2), "the network's final excess loss, run " + key);
                values.put(key + "FinalDynamicsExcess", Format.sig(r.dynamicsExcess().last(), 2), "the dynamics' final excess loss, run " + key);
                values.put(key + "EscapeStep", step(r.networkHalfwayStep()), "step at which the network's excess loss has halved, run " + key);
                values.put(key + "DynamicsEscapeStep", step(r.dynamicsHalfwayStep()), "step at which the dynamics' excess loss has halved, run " + key);
                String member = ".depth" + depth;
                numbers.put(kind + "EscapeStep" + member, stepNumber(r.networkHalfwayStep()));
                numbers.put(kind + "DynamicsEscapeStep" + member, stepNumber(r.dynamicsHalfwayStep()));
                numbers.put(kind + "EscapeStart" + member, stepNumber(r.escapeStartRecord()));
                numbers.put(kind + "EscapeEnd" + member, stepNumber(r.escapeEndRecord()));
                numbers.put(kind + "MaxDistance" + member, r.maxDistance());
                numbers.put(kind + "MaxDistanceStep" + member, (double) r.maxDistanceStep());
                double pathDistance = r.largestDistanceToDynamicsPath();
                numbers.put(kind + "PathDistance" + member, pathDistance);
                values.put(key + "PathDistance", Format.sig(pathDistance, 2), "largest distance from the network to the nearest point of the dynamics' path, run " + key);
                numbers.put(kind + "FinalDistance" + member, r.distance().last());
                numbers.put(kind + "InitialImbalance" + member, r.imbalance().first());
                numbers.put(kind + "FinalImbalance" + member, r.imbalance().last());
                numbers.put(kind + "ImbalanceDrift" + member, r.imbalanceDrift());
                numbers.put(kind + "LossGap" + member, r.recordedLossGap());
                numbers.put(kind + "FinalNetworkExcess" + member, r.networkExcess().last());
                numbers.put(kind + "FinalDynamicsExcess" + member, r.dynamicsExcess().last());
                if (balanced) numbers.put("plateauShare." + key, r.plateauShare());
                if (!balanced && depth == 2) {
                    initialPreconditioners(r.result(), values, numbers);
                    lateRise(r, values, numbers);
                }
                if (balanced && depth == 2) firstStepImbalance(r, values, numbers);
                values.put(key + "LossGapPercent", Format.sig(100 * r.recordedLossGap(), 2), "largest relative gap between network and dynamics loss at the recorded steps, in percent, run " + key);
            }
            Axis step = Axis.log("step");
            figures.put(kind, new Figure(List.of(
                    new Panel("loss", "excess loss L − L*", step, Axis.log("L − L*"), loss),
                    new Panel("distance", "distance between the end-to-end matrices", step, Axis.log("‖W_net − W_dyn‖_F"), distance),
                    // the balanced imbalance grows over decades; the Xavier one is constant, which a log axis shows with two labels
                    new Panel("imbalance", "imbalance of the network", step,
                            balanced ? Axis.log("max over j ‖W(j+1)ᵀW(j+1) − W(j)W(j)ᵀ‖") : new Axis("max over j ‖W(j+1)ᵀW(j+1) − W(j)W(j)ᵀ‖", false, 0.0, null),
                            imbalance))));
        }
    }

    /**
     * At depth 2 with one output, at step 0: the extreme eigenvalues of the network's preconditioner
     * ||W_2||^2 I + W_1^T W_1 and of the end-to-end dynamics' ||W|| (I + v v^T), which are ||W|| and 2 ||W||.
     */
    static void initialPreconditioners(TrajectoryResult r, QuotedValues values, Map<String, Double> numbers) {
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
            values.put("unbalancedN2InitialPreconditioner" + name, Format.sig(v, 2), "initial preconditioner scale, " + name + ", unbalanced depth-2 run");
        });
    }

    /**
     * Why the distance of the unbalanced depth-2 run dips and rises again late: after its peak the difference
     * W_net - W_dyn turns into the slowest direction of the input covariance, where neither run has converged and the
     * two move at different speeds. Reads the records: the dip is the record of the smallest distance after the peak,
     * and the difference's component along the slowest eigenvector is compared at the peak's record and at the end.
     */
    static void lateRise(TrajectoryRun r, QuotedValues values, Map<String, Double> numbers) {
        InputCovariance c = InputCovariance.of(r.result().dataset().x());
        int[] steps = r.recordedSteps();
        int peak = r.recordIndexFrom(r.maxDistanceStep()), dip = peak, last = steps.length - 1;
        double[] distance = r.result().series().distance();
        for (int i = peak; i <= last; i++) if (distance[i] < distance[dip]) dip = i;
        double atEnd = c.slowComponent(difference(r, last));
        // the first record from which the slow component keeps its final sign, and its extreme of the other sign before
        int crossing = last;
        while (crossing > 0 && Math.signum(c.slowComponent(difference(r, crossing - 1))) == Math.signum(atEnd)) crossing--;
        double opposite = 0;
        for (int i = peak; i < crossing; i++) {
            double v = c.slowComponent(difference(r, i));
            if (Math.signum(v) != Math.signum(atEnd) && Math.abs(v) > Math.abs(opposite)) opposite = v;
        }
        numbers.put("unbalancedN2DipStep", (double) steps[dip]);
        numbers.put("unbalancedN2DipDistance", distance[dip]);
        numbers.put("unbalancedN2SlowCrossingStep", (double) steps[crossing]);
        numbers.put("unbalancedN2SlowComponentOpposite", opposite);
        numbers.put("unbalancedN2SlowComponentAtEnd", atEnd);
        // the dynamics' own error along the slowest direction at the end: the network is ahead where the difference has the other sign
        double[] dynamicsEnd = r.result().series().dynamicsEndToEnd().get(last)[0], optimumRow = r.result().optimalEndToEnd()[0];
        double[] error = new double[dynamicsEnd.length];
        for (int i = 0; i < error.length; i++) error[i] = dynamicsEnd[i] - optimumRow[i];
        numbers.put("unbalancedN2DynamicsSlowErrorAtEnd", c.slowComponent(error));
        values.put("unbalancedN2DynamicsSlowErrorAtEnd", Format.sig(c.slowComponent(error), 2), "the dynamics' final error along the slowest covariance direction, unbalanced depth-2 run");
        values.put("unbalancedN2SlowCrossingStep", Format.integer(steps[crossing]), "step from which the slow component of the network-dynamics difference keeps its final sign");
        values.put("unbalancedN2SlowComponentOpposite", Format.sig(opposite, 2), "extreme slow component of the other sign before that step");
        values.put("unbalancedN2SlowComponentAtEnd", Format.sig(atEnd, 2), "slow component of the network-dynamics difference at the end");
        numbers.put("unbalancedN2FinalSlowShare", Math.abs(atEnd) / distance[last]);
        values.put("unbalancedN2DipStep", Format.integer(steps[dip]), "step of the distance's dip after its peak, unbalanced depth-2 run");
        values.put("unbalancedN2DipDistance", Format.sig(distance[dip], 2), "network-dynamics distance at that dip");
        values.put("unbalancedN2FinalSlowSharePercent", Format.sig(100 * Math.abs(atEnd) / distance[last], 2), "share of the final distance along the slowest direction, in percent");
        values.put("covarianceSmallestEigenvalue", Format.sig(c.smallest(), 2), "smallest eigenvalue of the input covariance");
        numbers.put("covarianceSmallestEigenvalue", c.smallest());
        double[] optimum = r.result().optimalEndToEnd()[0];
        double slow = c.slowComponent(optimum);
        double optimumSlowShare = slow * slow / Math.pow(frobenius(r.result().optimalEndToEnd()), 2);
        numbers.put("optimumSlowShare", optimumSlowShare);
        values.put("optimumSlowSharePercent", Format.sig(100 * optimumSlowShare, 2), "share of ‖W*‖² along the slowest covariance direction, in percent");
    }

    /**
     * The imbalance after the first step of the balanced depth-2 run, against its prediction: one step changes
     * W_2^T W_2 - W_1 W_1^T by eta^2 (grad_2^T grad_2 - grad_1 grad_1^T), the first-order terms cancelling, so from an
     * exactly balanced start the first recorded value is that term at W_0 (l2 loss, gradient from the data).
     */
    static void firstStepImbalance(TrajectoryRun r, QuotedValues values, Map<String, Double> numbers) {
        TrajectoryResult result = r.result();
        if (result.series().step().length < 2 || result.series().step()[1] != 1 || !result.loss().equals("l2")) return;
        DMatrixRMaj w1 = new DMatrixRMaj(result.initialWeights().get(0)), w2 = new DMatrixRMaj(result.initialWeights().get(1));
        DMatrixRMaj w = new DMatrixRMaj(w2.numRows, w1.numCols);
        CommonOps_DDRM.mult(w2, w1, w);
        DMatrixRMaj g = squaredLossGradient(w, result.dataset().x(), result.dataset().y());
        DMatrixRMaj grad1 = new DMatrixRMaj(w1.numRows, w1.numCols), grad2 = new DMatrixRMaj(w2.numRows, w2.numCols);
        CommonOps_DDRM.multTransA(w2, g, grad1); // W_2^T G
        CommonOps_DDRM.multTransB(g, w1, grad2); // G W_1^T
        DMatrixRMaj a = new DMatrixRMaj(grad2.numCols, grad2.numCols), b = new DMatrixRMaj(grad1.numRows, grad1.numRows);
        CommonOps_DDRM.multTransA(grad2, grad2, a);
        CommonOps_DDRM.multTransB(grad1, grad1, b);
        CommonOps_DDRM.subtractEquals(a, b);
        double eta = result.learningRate(), predicted = eta * eta * NormOps_DDRM.normF(a);
        double measured = result.series().imbalance()[1];
        numbers.put("balancedN2StepOneImbalance", measured);
        numbers.put("balancedN2StepOneImbalancePredicted", predicted);
        values.put("balancedN2StepOneImbalance", Format.sig(measured, 2), "layer imbalance after the first step, balanced depth-2 run");
        values.put("balancedN2StepOneImbalancePredicted", Format.sig(predicted, 2), "predicted layer imbalance after the first step");
    }

    /** The gradient (1/n) (W X^T - Y^T) X of the l2 loss (1/2n) sum ||W x_i - y_i||^2, with the samples as rows of x and y. */
    static DMatrixRMaj squaredLossGradient(DMatrixRMaj w, double[][] x, double[][] y) {
        DMatrixRMaj xs = new DMatrixRMaj(x), ys = new DMatrixRMaj(y);
        DMatrixRMaj residual = new DMatrixRMaj(xs.numRows, w.numRows); // X W^T - Y, one row per sample
        CommonOps_DDRM.multTransB(xs, w, residual);
        CommonOps_DDRM.subtractEquals(residual, ys);
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, w.numCols);
        CommonOps_DDRM.multTransA(residual, xs, g);
        CommonOps_DDRM.scale(1.0 / x.length, g);
        return g;
    }

    /** W_net - W_dyn at a record, as a row (one output). */
    private static double[] difference(TrajectoryRun r, int record) {
        double[] net = r.result().series().networkEndToEnd().get(record)[0], dyn = r.result().series().dynamicsEndToEnd().get(record)[0];
        double[] d = new double[net.length];
        for (int i = 0; i < d.length; i++) d[i] = net[i] - dyn[i];
        return d;
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
                                  QuotedValues values, Map<String, Double> numbers, List<String> warnings) {
        Settings s = plan.settings();
        List<Series> loss = new ArrayList<>(), distance = new ArrayList<>();
        List<Panel> singularPanels = new ArrayList<>();
        for (int depth : s.multiDepths()) {
            TrajectoryRun r = TrajectoryRun.of(results.get(plan.multiOutput().get(depth)));
            if (r.diverged()) warnings.add("trajectory: the Linnerud run at depth " + depth + " diverged");
            // each depth its site-wide colour: in the loss panel the network solid and the dynamics dashed, in the
            // distance panel the distance solid and the imbalance dotted (dashed means dynamics)
            loss.add(logLog(Series.Style.LINE, "net N=" + depth, r.networkExcess()).inDepthColour(depth));
            loss.add(logLog(Series.Style.DASHED, "e2e N=" + depth, r.dynamicsExcess()).inDepthColour(depth));
            distance.add(logLog(Series.Style.LINE, "distance N=" + depth, r.distance()).inDepthColour(depth));
            distance.add(logLog(Series.Style.DOTTED, "imbalance N=" + depth, r.imbalance()).inDepthColour(depth));
            String key = "multiN" + depth;
            values.put(key + "MaxDistance", Format.sig(r.maxDistance(), 2), "largest distance between the network's and the dynamics' end-to-end matrices, run " + key);
            values.put(key + "MaxDistanceStep", Format.integer(r.maxDistanceStep()), "step of the largest network-dynamics distance, run " + key);
            values.put(key + "FinalDistance", Format.sig(r.distance().last(), 2), "network-dynamics distance at the last step, run " + key);
            values.put(key + "FinalNetworkExcess", Format.sig(r.networkExcess().last(), 2), "the network's final excess loss, run " + key);
            values.put(key + "FinalDynamicsExcess", Format.sig(r.dynamicsExcess().last(), 2), "the dynamics' final excess loss, run " + key);
            // the network's end-to-end matrix, as the excess losses quoted beside its singular values
            List<double[][]> matrices = r.result().series().networkEndToEnd();
            double[] sv = singularValues(new DMatrixRMaj(matrices.get(matrices.size() - 1)));
            values.put(key + "SingularValues", joinSig(sv), "singular values of the final end-to-end matrix, run " + key);
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
            singularPanels.add(singularValuePanel(r, depth));
            values.put(key + "InitialSingularValues", joinSig(singularValues(new DMatrixRMaj(matrices.get(0)))), "singular values of the initial end-to-end matrix, run " + key);
            // network against dynamics, per singular value, at the last record
            List<double[][]> dynamics = r.result().series().dynamicsEndToEnd();
            double[] dynamicsSv = singularValues(new DMatrixRMaj(dynamics.get(dynamics.size() - 1)));
            for (int k = 0; k < sv.length; k++) {
                numbers.put(key + "SingularRatio.s" + (k + 1), sv[k] / dynamicsSv[k]);
                values.put(key + "SingularRatioS" + (k + 1), Format.sig(sv[k] / dynamicsSv[k], 2), "network over dynamics, singular value " + (k + 1) + " of the final end-to-end matrix, run " + key);
            }
            values.put(key + "DynamicsSingularValues", joinSig(dynamicsSv), "singular values of the dynamics' final end-to-end matrix, run " + key);
            // the layers' size in the smallest direction, sigma^(2/N), against which an imbalance is small or not
            numbers.put(key + "SmallestLayerSize", Math.pow(sv[sv.length - 1], 2.0 / depth));
            values.put(key + "SmallestLayerSize", Format.sig(Math.pow(sv[sv.length - 1], 2.0 / depth), 2), "layer size σ_min^(2/N) in the smallest direction, run " + key);
            values.put(key + "FinalImbalance", Format.sig(r.imbalance().last(), 2), "layer imbalance at the last step, run " + key);
            numbers.put(key + "FinalImbalance", r.imbalance().last());
            numbers.put("multiMaxDistance.depth" + depth, r.maxDistance());
            numbers.put("multiLossGap.depth" + depth, r.recordedLossGap());
            // the gap at the last record, and where its final rising stretch starts
            double[] gaps = r.recordedLossGaps();
            numbers.put("multiFinalLossGap.depth" + depth, gaps[gaps.length - 1]);
            numbers.put("multiLossGapRisingFrom.depth" + depth, (double) r.lossGapRisingFromStep());
            values.put(key + "FinalLossGapPercent", Format.sig(100 * gaps[gaps.length - 1], 2), "network-dynamics loss gap at the last record, in percent, run " + key);
            values.put(key + "LossGapRisingFrom", Format.integer(r.lossGapRisingFromStep()), "step from which that gap rises to the end, run " + key);
            numbers.put("multiFinalNetworkExcess.depth" + depth, r.networkExcess().last());
            numbers.put("plateauShare." + key, r.plateauShare());
            if (depth == s.multiDepths().get(0)) {
                TrajectoryResult.Dataset d = r.result().dataset();
                values.put("multiSamples", Integer.toString(d.samples()), "samples of the multi-output (Linnerud) data");
                values.put("multiOptimalLoss", Format.sig(r.optimalLoss(), 4), "least-squares optimum of the multi-output data");
                values.put("multiInitialLoss", Format.sig(r.networkLoss().first(), 3), "initial loss of the multi-output runs");
                values.put("multiInputs", String.join(", ", d.inputColumns()), "input columns of the multi-output data");
                values.put("multiTargets", String.join(", ", d.targetColumns()), "target columns of the multi-output data");
                values.put("multiOptimalSingularValues", joinSig(singularValues(new DMatrixRMaj(r.result().optimalEndToEnd()))), "singular values of the multi-output optimum W*");
                values.put("multiOptimalNorm", Format.sig(frobenius(r.result().optimalEndToEnd()), 3), "Frobenius norm of the multi-output optimum W*");
                numbers.put("multiOptimalNorm", frobenius(r.result().optimalEndToEnd()));
                // near W = 0 the gradient is -S_yx = -(1/n) Y^T X: its singular values set the order of the escapes
                DMatrixRMaj g = squaredLossGradient(new DMatrixRMaj(d.y()[0].length, d.x()[0].length), d.x(), d.y());
                double[] gradient = singularValues(g);
                values.put("multiGradientSingularValues", joinSig(gradient), "singular values of the gradient at W = 0, which order the escapes");
                for (int k = 0; k < gradient.length; k++) numbers.put("multiGradientSingularValue.s" + (k + 1), gradient[k]);
                double[] optimal = singularValues(new DMatrixRMaj(r.result().optimalEndToEnd()));
                for (int k = 0; k < optimal.length; k++) numbers.put("multiOptimalSingularValue.s" + (k + 1), optimal[k]);
            }
        }
        values.put("multiSteps", Format.integer(s.multiSteps()), "steps of the multi-output runs");
        values.put("multiHorizon", Format.sig(s.multiSteps() * s.learningRate(), 3), "time horizon η × steps of the multi-output runs");
        values.put("multiDepths", joinInts(s.multiDepths()), "depths of the multi-output runs");
        List<Panel> panels = new ArrayList<>(List.of(
                new Panel("loss", "Linnerud (3 outputs): excess loss", Axis.log("step"), Axis.log("L − L*"), loss),
                new Panel("distance", "Linnerud: distance and imbalance", Axis.log("step"), Axis.log("Frobenius norm"), distance)));
        panels.addAll(singularPanels);
        figures.put("multioutput", new Figure(panels));
    }

    /** The singular values sigma_i(W(t)) of the network's and the dynamics' end-to-end matrices at the recorded steps. */
    static Panel singularValuePanel(TrajectoryRun r, int depth) {
        List<double[][]> net = r.result().series().networkEndToEnd(), dyn = r.result().series().dynamicsEndToEnd();
        int count = Math.min(net.get(0).length, net.get(0)[0].length);
        double[] steps = new double[net.size()];
        double[][] netValues = new double[count][net.size()], dynValues = new double[count][net.size()];
        for (int i = 0; i < net.size(); i++) {
            steps[i] = r.recordedSteps()[i];
            double[] a = singularValues(new DMatrixRMaj(net.get(i))), b = singularValues(new DMatrixRMaj(dyn.get(i)));
            for (int k = 0; k < count; k++) {
                netValues[k][i] = a[k];
                dynValues[k][i] = b[k];
            }
        }
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < count; k++)
            // an ordered family (σ₁ ≥ σ₂ ≥ …): the sequential map, not the depth colours
            series.add(logLog(Series.Style.LINE, "net σ" + (k + 1), new TrajectoryRun.Curve(steps, netValues[k]))
                    .withSequentialColour(count == 1 ? 0 : 0.85 * k / (count - 1)));
        // the dynamics as markers at every tenth record: drawn as lines they would cover the network's, which they match
        for (int k = 0; k < count; k++)
            series.add(logLog(Series.Style.MARKERS, "e2e σ" + (k + 1), new TrajectoryRun.Curve(everyTenth(steps), everyTenth(dynValues[k])))
                    .inColourOf(k));
        return new Panel("singular-n" + depth, "Linnerud, N = " + depth + ": singular values of the end-to-end matrix",
                Axis.log("step"), Axis.log("σᵢ(W)"), series);
    }

    private static double[] everyTenth(double[] v) {
        double[] out = new double[(v.length + 9) / 10];
        for (int i = 0; i < out.length; i++) out[i] = v[10 * i];
        return out;
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
