package org.optreport.report.trajectory;

import static org.optreport.report.trajectory.TrajectoryRuns.convergenceCurves;
import static org.optreport.report.trajectory.TrajectoryRuns.convergenceRun;
import static org.optreport.report.trajectory.TrajectoryValues.joinReals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.RunRequest;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.stats.LogLogFit;
import org.optreport.report.trajectory.TrajectoryRuns.Curve;
import org.optreport.report.trajectory.TrajectoryRuns.Settings;

/**
 * The convergence figure: the largest distance between network and end-to-end dynamics against the learning rate
 * at a fixed time horizon (with its log-log slope) and against the initial imbalance, with the values quoted about it.
 */
final class TrajectoryConvergence {
    private TrajectoryConvergence() {}

    static void convergenceFigure(Settings s, Map<RunRequest, JsonNode> results, Map<String, Figure> figures,
                                  Map<String, String> values, List<String> warnings) {
        List<Series> byRate = new ArrayList<>();
        String[] keys = {"balancedN2", "balancedN3", "unbalancedN2"};
        List<Curve> curves = convergenceCurves(s);
        double[] rates = s.convergenceRates().stream().mapToDouble(Double::doubleValue).toArray();
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            double[] max = new double[rates.length];
            for (int k = 0; k < rates.length; k++) {
                TrajectoryRun r = TrajectoryRun.of(results.get(convergenceRun(s, curve.depth(), curve.init(), curve.scale(), rates[k])));
                if (r.diverged()) warnings.add("trajectory: convergence run " + curve.label() + ", η = " + rates[k] + " diverged");
                max[k] = r.maxDistance();
                values.put(keys[c] + "MaxDistanceAtRate" + k, Format.sig(max[k], 2));
            }
            double slope = LogLogFit.of(rates, max).slope();
            values.put(keys[c] + "Slope", Format.sig(slope, 3));
            values.put(keys[c] + "MaxDistanceSmallestRate", Format.sig(max[0], 2));
            values.put(keys[c] + "MaxDistanceLargestRate", Format.sig(max[max.length - 1], 2));
            byRate.add(new Series(curve.label() + ": slope " + Format.sig(slope, 2), rates, max, null, null,
                    Series.Style.LINE_MARKERS));
        }
        values.put("rateCount", Integer.toString(rates.length));
        values.put("smallestRate", Format.sig(rates[0], 2));
        values.put("largestRate", Format.sig(rates[rates.length - 1], 2));
        values.put("smallestRateSteps", Format.integer(s.steps(rates[0])));
        values.put("largestRateSteps", Format.integer(s.steps(rates[rates.length - 1])));
        values.put("rates", joinReals(s.convergenceRates()));

        List<Series> byImbalance = new ArrayList<>();
        double[] scales = s.imbalanceScales().stream().mapToDouble(Double::doubleValue).toArray();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        List<Double> imbalanceRates = s.imbalanceRates();
        double[][] imbalances = new double[imbalanceRates.size()][scales.length];
        double[][] distances = new double[imbalanceRates.size()][scales.length];
        for (int e = 0; e < imbalanceRates.size(); e++) {
            for (int k = 0; k < scales.length; k++) {
                TrajectoryRun r = TrajectoryRun.of(results.get(convergenceRun(s, 2, "xavier", scales[k], imbalanceRates.get(e))));
                imbalances[e][k] = r.imbalance().first();
                distances[e][k] = r.maxDistance();
                lo = Math.min(lo, imbalances[e][k]);
                hi = Math.max(hi, imbalances[e][k]);
                values.put("imbalanceRate" + e + "Scale" + k + "MaxDistance", Format.sig(distances[e][k], 2));
                values.put("imbalanceScale" + k + "Imbalance", Format.sig(imbalances[e][k], 2));
            }
            values.put("imbalanceRate" + e + "FirstScaleMaxDistance", Format.sig(distances[e][0], 2));
            values.put("imbalanceRate" + e + "LastScaleMaxDistance", Format.sig(distances[e][scales.length - 1], 2));
        }
        for (int e = 0; e < imbalanceRates.size(); e++) {
            String eta = Format.sig(imbalanceRates.get(e), 2);
            byImbalance.add(new Series("Xavier η=" + eta, imbalances[e], distances[e], null, null, Series.Style.LINE_MARKERS));
            TrajectoryRun balanced = TrajectoryRun.of(results.get(convergenceRun(s, 2, "balanced", s.initScale(), imbalanceRates.get(e))));
            double b = balanced.maxDistance();
            values.put("imbalanceRate" + e, eta);
            values.put("imbalanceRate" + e + "BalancedMaxDistance", Format.sig(b, 2));
            byImbalance.add(Series.dashed("bal. η=" + eta, new double[] {lo, hi}, new double[] {b, b}));
        }
        values.put("imbalanceScales", joinReals(s.imbalanceScales()));
        values.put("imbalanceSmallestScale", Format.sig(scales[0], 2));
        values.put("imbalanceLargestScale", Format.sig(scales[scales.length - 1], 2));
        values.put("imbalanceSmallest", Format.sig(lo, 2));
        values.put("imbalanceLargest", Format.sig(hi, 2));
        figures.put("convergence", new Figure(List.of(
                new Panel("rate", "largest distance against the learning rate (η·steps = " + Format.sig(s.horizon(), 3) + ")",
                        Axis.log("learning rate η"), Axis.log("max over the run of ‖W_net − W_dyn‖_F"), byRate),
                new Panel("imbalance", "largest distance against the initial imbalance (N = 2)",
                        Axis.log("initial imbalance ‖W₂ᵀW₂ − W₁W₁ᵀ‖_F"), Axis.log("max over the run of ‖W_net − W_dyn‖_F"), byImbalance))));
    }
}
