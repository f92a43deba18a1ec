package org.optreport.report.trajectory;

import static org.optreport.report.trajectory.TrajectoryValues.frobenius;
import static org.optreport.report.trajectory.TrajectoryValues.joinReals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.study.RunResults;
import org.optreport.report.stats.LogLogFit;
import org.optreport.report.trajectory.TrajectoryRuns.Curve;
import org.optreport.report.trajectory.TrajectoryRuns.Settings;

/**
 * The convergence figure: the largest distance between network and end-to-end dynamics against the learning rate
 * at a fixed time horizon (with its log-log slope) and against the initial imbalance, with the values quoted about it.
 */
final class TrajectoryConvergence {
    private TrajectoryConvergence() {}

    static void convergenceFigure(TrajectoryPlan plan, RunResults results, Map<String, Figure> figures,
                                  QuotedValues values, Map<String, Double> numbers, List<String> warnings) {
        Settings s = plan.settings();
        List<Series> byRate = new ArrayList<>();
        String[] keys = {"balancedN2", "balancedN3", "unbalancedN2"};
        List<TrajectoryPlan.RateSweep> sweeps = plan.convergence();
        double[] rates = s.convergenceRates().stream().mapToDouble(Double::doubleValue).toArray();
        for (int c = 0; c < sweeps.size(); c++) {
            Curve curve = sweeps.get(c).curve();
            double[] max = new double[rates.length], finalImbalance = new double[rates.length];
            for (int k = 0; k < rates.length; k++) {
                TrajectoryRun r = TrajectoryRun.of(results.get(sweeps.get(c).byRate().get(k)));
                if (r.diverged()) warnings.add("trajectory: convergence run " + curve.label() + ", η = " + rates[k] + " diverged");
                max[k] = r.maxDistance();
                finalImbalance[k] = r.imbalance().last();
                values.put(keys[c] + "MaxDistanceAtRate" + k, Format.sig(max[k], 2), "largest network-dynamics distance at learning rate " + rates[k] + ", " + curve.label());
                numbers.put(keys[c] + "MaxDistanceByRate.rate" + k, max[k]);
            }
            double slope = LogLogFit.of(rates, max).slope();
            values.put(keys[c] + "Slope", Format.sig(slope, 3), "log-log slope of the largest distance against the learning rate, " + curve.label());
            values.put(keys[c] + "MaxDistanceSmallestRate", Format.sig(max[0], 2), "largest distance at the smallest learning rate, " + curve.label());
            values.put(keys[c] + "MaxDistanceLargestRate", Format.sig(max[max.length - 1], 2), "largest distance at the largest learning rate, " + curve.label());
            numbers.put(keys[c] + "Slope", slope);
            numbers.put(keys[c] + "MaxDistanceSmallestRate", max[0]);
            numbers.put(keys[c] + "MaxDistanceLargestRate", max[max.length - 1]);
            // the imbalance a balanced start accumulates over the fixed horizon, against the rate: first order in eta
            double imbalanceSlope = LogLogFit.of(rates, finalImbalance).slope();
            values.put(keys[c] + "ImbalanceSlope", Format.sig(imbalanceSlope, 3), "log-log slope of the final imbalance against the learning rate, " + curve.label());
            numbers.put(keys[c] + "ImbalanceSlope", imbalanceSlope);
            // depth keeps its colour; the Xavier start of the same depth is told apart by a dashed line
            byRate.add(new Series(curve.label() + ": slope " + Format.sig(slope, 2), rates, max, null, null,
                    curve.init().equals("balanced") ? Series.Style.LINE_MARKERS : Series.Style.DASHED).inDepthColour(curve.depth()));
        }
        values.put("rateCount", Integer.toString(rates.length), "number of learning rates of the distance-against-rate runs");
        values.put("smallestRate", Format.sig(rates[0], 2), "smallest learning rate of the distance-against-rate runs");
        values.put("largestRate", Format.sig(rates[rates.length - 1], 2), "largest learning rate of the distance-against-rate runs");
        values.put("smallestRateSteps", Format.integer(s.steps(rates[0])), "steps of a run at the smallest learning rate");
        values.put("largestRateSteps", Format.integer(s.steps(rates[rates.length - 1])), "steps of a run at the largest learning rate");
        values.put("rates", joinReals(s.convergenceRates()), "learning rates of the distance-against-rate runs");

        List<Series> byImbalance = new ArrayList<>();
        double[] scales = s.imbalanceScales().stream().mapToDouble(Double::doubleValue).toArray();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        List<TrajectoryPlan.ImbalanceSweep> imbalanceSweeps = plan.imbalance();
        int rateCount = imbalanceSweeps.size();
        double[][] imbalances = new double[rateCount][scales.length];
        double[][] distances = new double[rateCount][scales.length];
        double[][] pathDistances = new double[rateCount][scales.length]; // timing-free: to the nearest point of the dynamics' path
        double[][] sizes = new double[rateCount][scales.length]; // ||W_0||^(2/N): the network's own size
        double[] relativeToOptimum = new double[scales.length]; // the imbalance against the size the layers grow to, ||W*||^(2/N)
        // scale indices from the smallest scale up
        Integer[] order = new Integer[scales.length];
        for (int k = 0; k < scales.length; k++) order[k] = k;
        Arrays.sort(order, Comparator.comparingDouble(k -> scales[k]));
        int smallest = order[0], next = order[Math.min(1, scales.length - 1)], largest = order[scales.length - 1];
        for (int e = 0; e < rateCount; e++) {
            for (int k = 0; k < scales.length; k++) {
                TrajectoryRun r = TrajectoryRun.of(results.get(imbalanceSweeps.get(e).xavierByScale().get(k)));
                int depth = r.result().depth();
                imbalances[e][k] = r.imbalance().first();
                distances[e][k] = r.maxDistance();
                pathDistances[e][k] = r.largestDistanceToDynamicsPath();
                sizes[e][k] = Math.pow(frobenius(r.result().series().networkEndToEnd().get(0)), 2.0 / depth);
                if (e == 0) relativeToOptimum[k] = imbalances[e][k] / Math.pow(frobenius(r.result().optimalEndToEnd()), 2.0 / depth);
                lo = Math.min(lo, imbalances[e][k]);
                hi = Math.max(hi, imbalances[e][k]);
                values.put("imbalanceRate" + e + "Scale" + k + "MaxDistance", Format.sig(distances[e][k], 2), "largest network-dynamics distance, Xavier factor " + scales[k] + ", learning rate " + imbalanceSweeps.get(e).rate());
                values.put("imbalanceRate" + e + "Scale" + k + "PathDistance", Format.sig(pathDistances[e][k], 2), "largest distance to the dynamics' path, Xavier factor " + scales[k] + ", learning rate " + imbalanceSweeps.get(e).rate());
                values.put("imbalanceScale" + k + "Imbalance", Format.sig(imbalances[e][k], 2), "initial imbalance at Xavier factor " + scales[k]);
            }
            values.put("imbalanceRate" + e + "SmallestScaleMaxDistance", Format.sig(distances[e][smallest], 2), "largest distance at the smallest Xavier factor, learning rate " + imbalanceSweeps.get(e).rate());
            values.put("imbalanceRate" + e + "NextScaleMaxDistance", Format.sig(distances[e][next], 2), "largest distance at the second smallest Xavier factor, learning rate " + imbalanceSweeps.get(e).rate());
            values.put("imbalanceRate" + e + "LargestScaleMaxDistance", Format.sig(distances[e][largest], 2), "largest distance at the largest Xavier factor, learning rate " + imbalanceSweeps.get(e).rate());
            values.put("imbalanceRate" + e + "SmallestScalePathDistance", Format.sig(pathDistances[e][smallest], 2), "largest distance to the path at the smallest Xavier factor, learning rate " + imbalanceSweeps.get(e).rate());
            values.put("imbalanceRate" + e + "LargestScalePathDistance", Format.sig(pathDistances[e][largest], 2), "largest distance to the path at the largest Xavier factor, learning rate " + imbalanceSweeps.get(e).rate());
            numbers.put("imbalanceSmallestScaleMaxDistance.rate" + e, distances[e][smallest]);
            numbers.put("imbalanceNextScaleMaxDistance.rate" + e, distances[e][next]);
            numbers.put("imbalanceLargestScaleMaxDistance.rate" + e, distances[e][largest]);
            numbers.put("imbalanceSmallestScalePathDistance.rate" + e, pathDistances[e][smallest]);
            numbers.put("imbalanceNextScalePathDistance.rate" + e, pathDistances[e][next]);
            numbers.put("imbalanceLargestScalePathDistance.rate" + e, pathDistances[e][largest]);
            // how the path distance falls with the imbalance, over the scales below the largest (the largest is no
            // longer a small start: its path distance is a third of ||W*||)
            double[] x = new double[scales.length - 1], y = new double[scales.length - 1];
            for (int i = 0; i + 1 < scales.length; i++) {
                x[i] = imbalances[e][order[i]];
                y[i] = pathDistances[e][order[i]];
            }
            double pathSlope = scales.length > 2 ? LogLogFit.of(x, y).slope() : Double.NaN;
            numbers.put("imbalancePathSlope.rate" + e, pathSlope);
            values.put("imbalanceRate" + e + "PathSlope", Format.sig(pathSlope, 2), "log-log slope of the path distance against the imbalance (all but the largest factor), learning rate " + imbalanceSweeps.get(e).rate());
        }
        // the imbalance against the network's own size, and how both scale with the Xavier factor (first rate's runs:
        // the initialization does not depend on the rate)
        for (int k = 0; k < scales.length; k++) numbers.put("relativeImbalance.scale" + k, imbalances[0][k] / sizes[0][k]);
        values.put("relativeImbalance", Format.sig(imbalances[0][smallest] / sizes[0][smallest], 3), "initial imbalance over the network's own size ‖W₀‖^(2/N), smallest Xavier factor");
        values.put("imbalanceSmallestRelativeToOptimum", Format.sig(relativeToOptimum[smallest], 2), "initial imbalance over ‖W*‖^(2/N), smallest Xavier factor");
        values.put("imbalanceLargestRelativeToOptimum", Format.sig(relativeToOptimum[largest], 2), "initial imbalance over ‖W*‖^(2/N), largest Xavier factor");
        double imbalanceExponent = LogLogFit.of(scales, imbalances[0]).slope(), sizeExponent = LogLogFit.of(scales, sizes[0]).slope();
        numbers.put("imbalanceScaleExponent", imbalanceExponent);
        numbers.put("sizeScaleExponent", sizeExponent);
        values.put("imbalanceScaleExponent", Format.sig(imbalanceExponent, 3), "log-log slope of the initial imbalance against the Xavier factor");
        values.put("sizeScaleExponent", Format.sig(sizeExponent, 3), "log-log slope of the network's size against the Xavier factor");
        for (int e = 0; e < rateCount; e++) {
            String eta = Format.sig(imbalanceSweeps.get(e).rate(), 2);
            byImbalance.add(new Series("same step η=" + eta, relativeToOptimum, distances[e], null, null, Series.Style.LINE_MARKERS));
        }
        for (int e = 0; e < rateCount; e++) {
            String eta = Format.sig(imbalanceSweeps.get(e).rate(), 2);
            // the two rates' path distances nearly coincide: the later ones as dots on the first one's line, so none hides another
            byImbalance.add(new Series("to path η=" + eta, relativeToOptimum, pathDistances[e], null, null,
                    e == 0 ? Series.Style.LINE_MARKERS : Series.Style.MARKERS));
        }
        for (int e = 0; e < rateCount; e++) {
            String eta = Format.sig(imbalanceSweeps.get(e).rate(), 2);
            TrajectoryRun balanced = TrajectoryRun.of(results.get(imbalanceSweeps.get(e).balanced()));
            double b = balanced.maxDistance(), bPath = balanced.largestDistanceToDynamicsPath();
            values.put("imbalanceRate" + e, eta, "learning rate number " + (e + 1) + " of the distance-against-imbalance runs");
            values.put("imbalanceRate" + e + "BalancedMaxDistance", Format.sig(b, 2), "largest distance of the balanced reference run, learning rate " + eta);
            values.put("imbalanceRate" + e + "BalancedPathDistance", Format.sig(bPath, 2), "largest distance to the path of the balanced reference run, learning rate " + eta);
            numbers.put("imbalanceBalancedMaxDistance.rate" + e, b);
            numbers.put("imbalanceBalancedPathDistance.rate" + e, bPath);
            double[] ends = {relativeToOptimum[smallest], relativeToOptimum[largest]};
            // the balanced references, in the colour of the unbalanced curves they compare with: at equal step and to the path
            byImbalance.add(Series.dashed("balanced, same step η=" + eta, ends, new double[] {b, b}).inColourOf(e));
            byImbalance.add(Series.dashed("balanced, to path η=" + eta, ends, new double[] {bPath, bPath}).inColourOf(rateCount + e));
        }
        values.put("imbalanceScales", joinReals(s.imbalanceScales()), "Xavier factors of the distance-against-imbalance runs");
        values.put("imbalanceSmallestScale", Format.sig(scales[smallest], 2), "smallest Xavier factor");
        values.put("imbalanceNextScale", Format.sig(scales[next], 2), "second smallest Xavier factor");
        values.put("imbalanceLargestScale", Format.sig(scales[largest], 2), "largest Xavier factor");
        values.put("imbalanceSmallest", Format.sig(lo, 2), "smallest initial imbalance over those runs");
        values.put("imbalanceLargest", Format.sig(hi, 2), "largest initial imbalance over those runs");
        numbers.put("imbalanceSmallest", lo);
        numbers.put("imbalanceLargest", hi);
        figures.put("convergence", new Figure(List.of(
                new Panel("rate", "largest distance against the learning rate (η·steps = " + Format.sig(s.horizon(), 3) + ")",
                        Axis.log("learning rate η"), Axis.log("max over the run of ‖W_net − W_dyn‖_F"), byRate),
                new Panel("imbalance", "largest distance, N = 2",
                        Axis.log("initial imbalance / ‖W*‖ to the power 2/N"), Axis.log("largest distance"), byImbalance))));
    }
}
