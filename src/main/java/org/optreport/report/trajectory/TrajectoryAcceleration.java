package org.optreport.report.trajectory;

import static org.optreport.report.trajectory.TrajectoryCharts.logY;
import static org.optreport.report.trajectory.TrajectoryRuns.ACCELERATION_DEPTHS;
import static org.optreport.report.trajectory.TrajectoryRuns.LOSSES;
import static org.optreport.report.trajectory.TrajectoryValues.joinReals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunResults;
import org.optreport.report.trajectory.TrajectoryRuns.Settings;
import org.optreport.results.TrajectoryResult;

/**
 * Depth as acceleration: per loss and depth the best learning rate of the grid among those that did not diverge, its
 * curve, the steps it needs to reach the excess-loss target, and the tables of the chosen rates and of the whole grid.
 * A run stops when the network or its end-to-end dynamics diverges; the grid table says which.
 */
final class TrajectoryAcceleration {
    private TrajectoryAcceleration() {}

    static void acceleration(TrajectoryPlan plan, RunResults results, Map<String, Figure> figures,
                             Map<String, Table> tables, Map<String, String> values, Map<String, Double> numbers) {
        Settings s = plan.settings();
        List<Panel> panels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>(), gridRows = new ArrayList<>();
        List<String> gridHeader = new ArrayList<>(List.of("loss", "depth"));
        for (double eta : s.accelerationRates()) gridHeader.add("η = " + Format.sig(eta, 2));
        double target = s.excessTarget();
        double largestDynamicsGap = 0; // |dynamics steps - network steps| / network steps over the deep rows
        for (String loss : LOSSES) {
            String prefix = "acc" + loss.toUpperCase();
            List<Series> curves = new ArrayList<>();
            Map<Integer, Integer> stepsByDepth = new HashMap<>();
            TrajectoryRun shallowBest = null; // depth 1's chosen run, against which the deep runs' records are compared
            double shallowRate = Double.NaN; // and its rate
            double deepLargestTargetRate = Double.POSITIVE_INFINITY;
            for (int depth : ACCELERATION_DEPTHS) {
                TrajectoryRun best = null;
                double bestRate = Double.NaN;
                List<String> gridRow = new ArrayList<>(List.of(loss, Integer.toString(depth)));
                List<String> notDiverged = new ArrayList<>();
                List<Run<TrajectoryResult>> byRate = plan.acceleration(loss, depth);
                // the grid as it went: which rates diverged (and whether the network itself did), which reached the target
                double largestNotDiverged = Double.NaN, smallestDiverged = Double.NaN, largestTarget = Double.NaN;
                int diverged = 0, networkDiverged = 0, latestDivergedStep = -1;
                TrajectoryRun firstStopped = null; // the smallest rate whose run was stopped by the dynamics alone
                double firstStoppedRate = Double.NaN;
                for (int k = 0; k < byRate.size(); k++) {
                    double eta = s.accelerationRates().get(k);
                    TrajectoryRun r = TrajectoryRun.of(results.get(byRate.get(k)));
                    if (r.diverged()) {
                        diverged++;
                        if (r.networkDiverged()) networkDiverged++;
                        latestDivergedStep = Math.max(latestDivergedStep, r.result().divergedAtStep());
                        if (Double.isNaN(smallestDiverged) || eta < smallestDiverged) {
                            smallestDiverged = eta;
                            firstStopped = r.networkDiverged() ? null : r;
                            firstStoppedRate = eta;
                        }
                        gridRow.add(r.networkDiverged() ? "diverged" : "e2e diverged");
                        continue;
                    }
                    notDiverged.add(Format.sig(eta, 2));
                    if (Double.isNaN(largestNotDiverged) || eta > largestNotDiverged) largestNotDiverged = eta;
                    if (r.networkSettledStep(target) >= 0 && (Double.isNaN(largestTarget) || eta > largestTarget)) largestTarget = eta;
                    gridRow.add(Format.sig(r.networkExcess().last(), 2));
                    if (depth > 1 && eta == shallowRate) {
                        // the deep network at depth 1's chosen rate: where it ends the budget
                        numbers.put(prefix + "FinalExcessAtShallowRate.depth" + depth, r.networkExcess().last());
                        values.put(prefix + "N" + depth + "FinalExcessAtShallowRate", Format.sig(r.networkExcess().last(), 2));
                    }
                    if (best == null || better(r, best, target)) {
                        best = r;
                        bestRate = eta;
                    }
                }
                gridRows.add(gridRow);
                String key = prefix + "N" + depth, member = ".depth" + depth;
                numbers.put(prefix + "LargestNonDivergedRate" + member, largestNotDiverged);
                numbers.put(prefix + "SmallestDivergedRate" + member, smallestDiverged);
                numbers.put(prefix + "LargestTargetRate" + member, largestTarget);
                numbers.put(prefix + "DivergedRuns" + member, (double) diverged);
                numbers.put(prefix + "NetworkDivergedRuns" + member, (double) networkDiverged);
                numbers.put(prefix + "LatestDivergedStep" + member, TrajectoryCharts.stepNumber(latestDivergedStep));
                values.put(key + "SmallestDivergedRate", Double.isNaN(smallestDiverged) ? "none" : Format.sig(smallestDiverged, 2));
                values.put(key + "LatestDivergedStep", TrajectoryCharts.step(latestDivergedStep));
                values.put(key + "LargestTargetRate", Double.isNaN(largestTarget) ? "none" : Format.sig(largestTarget, 2));
                if (depth > 1) deepLargestTargetRate = Math.min(deepLargestTargetRate, largestTarget);
                if (best == null) {
                    rows.add(List.of(loss, Integer.toString(depth), "none without divergence", "—", "—", "—", "—"));
                    values.put(key + "Rate", "none");
                    values.put(key + "Steps", "never");
                    values.put(key + "DynamicsSteps", "never");
                    continue;
                }
                curves.add(logY(Series.Style.LINE,
                        depth == 1 ? "N=1 GD η=" + Format.sig(bestRate, 2)
                                : "N=" + depth + " net η=" + Format.sig(bestRate, 2), best.networkExcess()));
                if (depth > 1)
                    curves.add(logY(Series.Style.DASHED, "N=" + depth + " e2e", best.dynamicsExcess()));
                int steps = best.networkSettledStep(target);
                int dynamicsSteps = best.dynamicsSettledStep(target);
                stepsByDepth.put(depth, steps);
                if (depth > 1) largestDynamicsGap = Math.max(largestDynamicsGap, relativeGap(steps, dynamicsSteps));
                rows.add(List.of(loss, Integer.toString(depth), Format.sig(bestRate, 2), String.join(", ", notDiverged),
                        steps < 0 ? "not reached" : Format.integer(steps),
                        depth == 1 ? "(same)" : dynamicsSteps < 0 ? "not reached" : Format.integer(dynamicsSteps),
                        Format.sig(best.networkExcess().last(), 2)));
                values.put(key + "Rate", Format.sig(bestRate, 2));
                values.put(key + "Steps", steps < 0 ? "never" : Format.integer(steps));
                values.put(key + "DynamicsSteps", dynamicsSteps < 0 ? "never" : Format.integer(dynamicsSteps));
                values.put(key + "FinalExcess", Format.sig(best.networkExcess().last(), 2));
                values.put(key + "MaxDistance", Format.sig(best.maxDistance(), 2));
                values.put(key + "HalfwayStep", TrajectoryCharts.step(best.networkHalfwayStep()));
                values.put(key + "LargestNonDivergedRate", notDiverged.get(notDiverged.size() - 1));
                double lateRate = best.lateDecadesPerThousandSteps();
                values.put(key + "LateRate", Format.sig(lateRate, 2));
                numbers.put(prefix + "Rate" + member, bestRate);
                numbers.put(prefix + "Steps" + member, TrajectoryCharts.stepNumber(steps));
                numbers.put(prefix + "DynamicsSteps" + member, TrajectoryCharts.stepNumber(dynamicsSteps));
                numbers.put(prefix + "HalfwayStep" + member, TrajectoryCharts.stepNumber(best.networkHalfwayStep()));
                numbers.put(prefix + "LateRate" + member, lateRate);
                numbers.put(prefix + "MidExcess" + member, best.recordedNetworkExcess()[best.recordIndexFrom(s.accelerationSteps() / 2.0)]);
                numbers.put(prefix + "FinalExcess" + member, best.networkExcess().last());
                if (depth > 1) numbers.put("plateauShare." + key, best.plateauShare());
                if (depth == 1) {
                    shallowBest = best;
                    shallowRate = bestRate;
                    numbers.put(prefix + "FinalExcessAtShallowRate" + member, best.networkExcess().last());
                }
                else if (shallowBest != null) {
                    // where the deep network's excess loss stops being above plain gradient descent's, over the records
                    int[] until = aboveShallow(best, shallowBest);
                    numbers.put(prefix + "AboveShallowUntil" + member, TrajectoryCharts.stepNumber(until[0]));
                    numbers.put(prefix + "BelowShallowFrom" + member, TrajectoryCharts.stepNumber(until[1]));
                    values.put(key + "AboveShallowUntil", TrajectoryCharts.step(until[0]));
                }
                if (depth == 1) values.put(prefix + "OptimalLoss", Format.sig(best.optimalLoss(), 4));
                // a run stopped because only its end-to-end dynamics diverged: how far its network had come, against
                // the chosen run's network at the same recorded step (both runs record on the same schedule)
                if (firstStopped != null) {
                    int last = firstStopped.recordedSteps().length - 1, step = firstStopped.recordedSteps()[last];
                    double stopped = firstStopped.recordedNetworkExcess()[last];
                    int at = best.recordIndexFrom(step);
                    if (best.recordedSteps()[at] != step) throw new IllegalStateException("the grid's runs record different steps");
                    double chosen = best.recordedNetworkExcess()[at];
                    values.put(key + "FirstStoppedRate", Format.sig(firstStoppedRate, 2));
                    values.put(key + "FirstStoppedStep", Format.integer(firstStopped.result().divergedAtStep()));
                    values.put(key + "StoppedRecordStep", Format.integer(step));
                    values.put(key + "StoppedNetworkExcess", Format.sig(stopped, 2));
                    values.put(key + "ChosenExcessAtStoppedRecord", Format.sig(chosen, 2));
                    numbers.put(key + "StoppedNetworkExcess", stopped);
                    numbers.put(key + "ChosenExcessAtStoppedRecord", chosen);
                } else {
                    for (String name : List.of("FirstStoppedRate", "FirstStoppedStep", "StoppedRecordStep", "StoppedNetworkExcess",
                            "ChosenExcessAtStoppedRecord"))
                        values.put(key + name, "none");
                    numbers.put(key + "StoppedNetworkExcess", Double.NaN);
                    numbers.put(key + "ChosenExcessAtStoppedRecord", Double.NaN);
                }
            }
            // depth 1 steps over the fastest deeper network's: above 1 means depth helped
            int shallow = stepsByDepth.getOrDefault(1, -1);
            int deep = stepsByDepth.entrySet().stream().filter(e -> e.getKey() > 1 && e.getValue() >= 0)
                    .mapToInt(Map.Entry::getValue).min().orElse(-1);
            boolean speedup = shallow > 0 && deep > 0;
            values.put(prefix + "Speedup", speedup ? Format.sig((double) shallow / deep, 2) : "n/a");
            numbers.put(prefix + "Speedup", speedup ? (double) shallow / deep : Double.NaN);
            // how many fewer steps depth 1 needs than the fastest deeper network, in percent of the latter's
            double fewer = speedup ? 100.0 * (deep - shallow) / deep : Double.NaN;
            values.put(prefix + "ShallowFewerStepsPercent", speedup ? Format.sig(fewer, 2) : "n/a");
            numbers.put(prefix + "ShallowFewerStepsPercent", fewer);
            values.put(prefix + "DeepLargestTargetRate", Format.sig(deepLargestTargetRate, 2));
            numbers.put(prefix + "DeepLargestTargetRate", deepLargestTargetRate);
            panels.add(new Panel(loss, (loss.equals("l2") ? "ℓ2 loss" : "ℓ4 loss") + ", each depth at its best rate",
                    Axis.linear("step"), Axis.log("L − L*"), curves));
        }
        values.put("accelerationRates", joinReals(s.accelerationRates()));
        values.put("accelerationSteps", Format.integer(s.accelerationSteps()));
        numbers.put("accelerationSteps", (double) s.accelerationSteps());
        values.put("excessTarget", Format.sig(target, 2));
        values.put("accDynamicsLargestGapPercent", Format.sig(100 * largestDynamicsGap, 2));
        numbers.put("accDynamicsLargestGap", largestDynamicsGap);
        figures.put("acceleration", new Figure(panels));
        tables.put("acceleration", new Table(List.of("loss", "depth N", "chosen η", "η that did not diverge",
                "steps to L − L* ≤ " + Format.sig(target, 2) + " (network)", "same, end-to-end dynamics", "L − L* after the budget"), rows));
        tables.put("rates", new Table(gridHeader, gridRows));
    }

    /**
     * Over the records after step 0 (both runs record the same steps): the last recorded step at which the deep run's
     * network excess loss is above the shallow run's, and the first at which it is not (-1 when there is none).
     */
    static int[] aboveShallow(TrajectoryRun deep, TrajectoryRun shallow) {
        int[] steps = deep.recordedSteps();
        if (!java.util.Arrays.equals(steps, shallow.recordedSteps())) throw new IllegalStateException("the grid's runs record different steps");
        double[] d = deep.recordedNetworkExcess(), s = shallow.recordedNetworkExcess();
        int lastAbove = -1, firstNotAbove = -1;
        for (int i = 1; i < steps.length; i++) {
            if (d[i] > s[i]) lastAbove = steps[i];
            else if (firstNotAbove < 0) firstNotAbove = steps[i];
        }
        return new int[] {lastAbove, firstNotAbove};
    }

    /** How far the dynamics' step is from the network's, relative to it (-1: never); infinite if only one gets there. */
    static double relativeGap(int networkSteps, int dynamicsSteps) {
        if (networkSteps == dynamicsSteps) return 0;
        if (networkSteps <= 0 || dynamicsSteps < 0) return Double.POSITIVE_INFINITY;
        return Math.abs(dynamicsSteps - networkSteps) / (double) networkSteps;
    }

    /**
     * The selection rule for the best rate: among runs that did not diverge, the one whose network gets below
     * the excess-loss target first and stays there to the end of the budget; if neither does, the lower final loss.
     */
    static boolean better(TrajectoryRun candidate, TrajectoryRun incumbent, double target) {
        int a = candidate.networkSettledStep(target);
        int b = incumbent.networkSettledStep(target);
        if (a >= 0 && b >= 0) return a < b;
        if (a >= 0 || b >= 0) return a >= 0;
        return candidate.networkLoss().last() < incumbent.networkLoss().last();
    }
}
