package org.optreport.report.acceleration;

import static org.optreport.report.acceleration.CellSummary.max;
import static org.optreport.report.acceleration.CellSummary.median;
import static org.optreport.report.acceleration.CellSummary.min;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.report.acceleration.AccelerationPlan.Cell;
import org.optreport.report.output.Format;
import org.optreport.results.StableStepResult;

/**
 * The study's exact numbers for the page's claims and their quoted forms. Families are named {@code quantity.cell},
 * cells {@code l2N1} ... {@code l4N3}; over seeds a quantity has its median (no suffix), {@code Min} and {@code Max}.
 */
final class AccelerationNumbers {
    private final Map<String, Double> numbers = new HashMap<>();
    private final Map<String, String> values = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    AccelerationNumbers(AccelerationSettings s, Map<Cell, CellSummary> cells, Map<Cell, GridSummary> grids) {
        put("seeds", s.seeds(), Integer.toString(s.seeds()));
        put("steps", s.steps(), Format.integer(s.steps()));
        put("excessTarget", s.excessTarget(), Format.sig(s.excessTarget(), 2));
        put("tolerance", s.tolerance(), Format.sig(100 * s.tolerance(), 2) + "%");
        put("scanRatio", s.scanRatio(), Format.sig(s.scanRatio(), 3));
        put("scanSmallest", s.scanSmallest(), Format.sig(s.scanSmallest(), 3));
        put("scanLargest", s.scanLargest(), Format.sig(s.scanLargest(), 3));
        put("initScale", s.initScale(), Format.sig(s.initScale(), 2));
        int failures = 0, open = 0, trials = 0;
        for (CellSummary c : cells.values()) {
            String id = c.cell().id();
            put("linearLimit." + id, c.stepLimit(), Format.sig(c.stepLimit(), 3));
            spread("networkStep", id, c.networkStep(), 3);
            spread("dynamicsStep", id, c.dynamicsStep(), 3);
            spread("networkSteps", id, c.networkSteps(), 0);
            spread("dynamicsSteps", id, c.dynamicsSteps(), 0);
            spread("networkStepOverLimit", id, divide(c.networkStep(), c.stepLimit()), 3);
            spread("dynamicsStepOverLimit", id, divide(c.dynamicsStep(), c.stepLimit()), 3);
            spread("networkImbalance", id, c.networkImbalance(), 2);
            spread("networkStepsAtDynamicsStep", id, c.networkStepsAtDynamicsStep(), 0);
            spread("networkFewestSteps", id, c.networkFewestSteps(), 0);
            spread("dynamicsFewestSteps", id, c.dynamicsFewestSteps(), 0);
            spread("networkImbalanceAtDynamicsStep", id, c.networkImbalanceAtDynamicsStep(), 2);
            for (String outcome : List.of(StableStepResult.CONVERGED, StableStepResult.UNDECIDED, StableStepResult.BOUNDED, StableStepResult.DIVERGED)) {
                int seeds = c.dynamicsAtNetworkStep(outcome);
                put("dynamics" + capitalized(outcome) + "AtNetworkStep." + id, seeds, Integer.toString(seeds));
            }
            double[] stalled = c.dynamicsExcessAtNetworkStep();
            put("dynamicsExcessAtNetworkStepMin." + id, finiteMin(stalled), Format.sig(finiteMin(stalled), 2));
            put("dynamicsExcessAtNetworkStepMax." + id, finiteMax(stalled), Format.sig(finiteMax(stalled), 2));
            if (c.cell().loss().equals("l2")) spread("sharpnessTimesStep", id, c.networkSharpnessTimesStep(), 3);
            put("largestBracket." + id, c.largestBracket(), Format.sig(100 * c.largestBracket(), 2) + "%");
            put("trials." + id, c.trials(), Integer.toString(c.trials()));
            put("converged." + id, c.converged(), Integer.toString(c.converged()));
            put("bounded." + id, c.bounded(), Integer.toString(c.bounded()));
            put("undecided." + id, c.undecided(), Integer.toString(c.undecided()));
            int undecidedAbove = c.networkUndecidedAbove();
            put("networkUndecidedAbove." + id, undecidedAbove, Integer.toString(undecidedAbove));
            put("diverged." + id, c.diverged(), Integer.toString(c.diverged()));
            failures += c.failuresBetween();
            open += c.openBrackets();
            trials += c.trials();
            if (c.openBrackets() > 0)
                warnings.add("acceleration: " + c.openBrackets() + " searches of " + id + " found no bracket (nothing converged, or the "
                        + "scan's largest step did): widen acceleration.scanSmallest / acceleration.scanLargest");
            if (c.cell().depth() > 1) {
                CellSummary shallow = cells.get(new Cell(c.cell().loss(), 1));
                spread("speedup", id, ratio(shallow.networkSteps(), c.networkSteps()), 2);
                spread("dynamicsSpeedup", id, ratio(shallow.networkSteps(), c.dynamicsSteps()), 2);
                spread("speedupAtDynamicsStep", id, ratio(shallow.networkSteps(), c.networkStepsAtDynamicsStep()), 2);
                spread("fewestStepsSpeedup", id, ratio(shallow.networkFewestSteps(), c.networkFewestSteps()), 2);
                spread("dynamicsFewestStepsSpeedup", id, ratio(shallow.networkFewestSteps(), c.dynamicsFewestSteps()), 2);
            }
        }
        grids(s, cells, grids);
        put("failuresBetween", failures, Integer.toString(failures));
        put("openBrackets", open, Integer.toString(open));
        put("trials", trials, Format.integer(trials));
    }

    /**
     * The common grid (seed 1): per cell the fewest steps to the target over the grid steps that converged and the step
     * that gives it, for the network and the dynamics; per loss the largest grid step at which every depth converged
     * (network and dynamics) and the steps there; on l4 the curvature along the runs; and the check at twice the budget.
     */
    private void grids(AccelerationSettings s, Map<Cell, CellSummary> cells, Map<Cell, GridSummary> grids) {
        put("gridPoints", s.gridPoints(), Integer.toString(s.gridPoints()));
        put("gridSmallest", s.gridSmallest(), Format.sig(s.gridSmallest(), 3));
        put("gridLargest", s.gridLargest(), Format.sig(s.gridLargest(), 3));
        put("doubledSteps", 2.0 * s.steps(), Format.integer(2L * s.steps()));
        for (String loss : AccelerationSettings.LOSSES) {
            List<double[]> all = new ArrayList<>();
            for (int depth : AccelerationSettings.DEPTHS) {
                GridSummary g = grids.get(new Cell(loss, depth));
                all.add(g.networkSteps());
                all.add(g.dynamicsSteps());
            }
            GridSummary first = grids.get(new Cell(loss, 1));
            int common = GridSummary.largestCommon(all);
            double commonEta = common < 0 ? Double.NaN : first.eta()[common];
            put("gridCommonLargest." + loss, commonEta, Format.sig(commonEta, 3));
            for (int depth : AccelerationSettings.DEPTHS) {
                Cell cell = new Cell(loss, depth);
                String id = cell.id();
                GridSummary g = grids.get(cell);
                for (String which : List.of("network", "dynamics")) {
                    double[] steps = which.equals("network") ? g.networkSteps() : g.dynamicsSteps();
                    int best = GridSummary.argmin(steps);
                    String name = "grid" + capitalized(which);
                    put(name + "Fewest." + id, best < 0 ? Double.NaN : steps[best], format(best < 0 ? Double.NaN : steps[best], 0));
                    put(name + "Argmin." + id, best < 0 ? Double.NaN : g.eta()[best], best < 0 ? "none" : Format.sig(g.eta()[best], 3));
                    double atCommon = common < 0 ? Double.NaN : steps[common];
                    put(name + "StepsAtCommon." + id, atCommon, format(atCommon, 0));
                    int converged = (int) java.util.Arrays.stream(steps).filter(v -> !Double.isNaN(v)).count();
                    put(name + "Converged." + id, converged, Integer.toString(converged));
                }
                put("networkStepSeed1." + id, g.networkStep(), Format.sig(g.networkStep(), 3));
                put("dynamicsStepSeed1." + id, g.dynamicsStep(), Format.sig(g.dynamicsStep(), 3));
                put("networkStepDoubled." + id, g.networkStepDoubled(), Format.sig(g.networkStepDoubled(), 3));
                put("dynamicsStepDoubled." + id, g.dynamicsStepDoubled(), Format.sig(g.dynamicsStepDoubled(), 3));
                double moved = g.networkStepDoubled() / g.networkStep(), dynMoved = g.dynamicsStepDoubled() / g.dynamicsStep();
                put("networkStepDoubledRatio." + id, moved, Format.sig(moved, 3));
                put("dynamicsStepDoubledRatio." + id, dynMoved, Format.sig(dynMoved, 3));
                put("networkStepsDoubled." + id, g.networkStepsDoubled(), format(g.networkStepsDoubled(), 0));
                put("networkUpperUndecided." + id, g.networkUpperOutcome().equals(StableStepResult.UNDECIDED) ? 1 : 0, g.networkUpperOutcome());
                put("networkUpperUndecidedDoubled." + id, g.networkUpperOutcomeDoubled().equals(StableStepResult.UNDECIDED) ? 1 : 0,
                        g.networkUpperOutcomeDoubled());
                if (loss.equals("l4")) curvature(id, g);
            }
            GridSummary shallow = grids.get(new Cell(loss, 1));
            int shallowBest = GridSummary.argmin(shallow.networkSteps());
            double shallowFewest = shallowBest < 0 ? Double.NaN : shallow.networkSteps()[shallowBest];
            for (int depth : List.of(2, 3)) {
                String id = new Cell(loss, depth).id();
                GridSummary g = grids.get(new Cell(loss, depth));
                int nb = GridSummary.argmin(g.networkSteps()), db = GridSummary.argmin(g.dynamicsSteps());
                double ns = nb < 0 ? Double.NaN : shallowFewest / g.networkSteps()[nb], ds = db < 0 ? Double.NaN : shallowFewest / g.dynamicsSteps()[db];
                put("gridNetworkSpeedup." + id, ns, Format.sig(ns, 3));
                put("gridDynamicsSpeedup." + id, ds, Format.sig(ds, 3));
                double ac = common < 0 ? Double.NaN : shallow.networkSteps()[common] / g.networkSteps()[common];
                double dc = common < 0 ? Double.NaN : shallow.networkSteps()[common] / g.dynamicsSteps()[common];
                put("gridNetworkSpeedupAtCommon." + id, ac, Format.sig(ac, 3));
                put("gridDynamicsSpeedupAtCommon." + id, dc, Format.sig(dc, 3));
            }
        }
    }

    /**
     * l4: eta * lambda_max(P_W grad^2 l(W)) along the grid's runs. Depth 1 (P = I): at its largest converging grid step
     * the peak and its step, and at the next grid step (the first that fails) the peak, its step and the divergence
     * step. Deeper dynamics: over the converged grid steps the largest peak, and how many peaked at the run's last step.
     */
    private void curvature(String id, GridSummary g) {
        if (id.endsWith("N1")) {
            int best = -1;
            for (int i = 0; i < g.eta().length; i++) if (!Double.isNaN(g.networkSteps()[i])) best = i;
            if (best < 0 || best + 1 >= g.eta().length) return;
            put("gridPeakAtLargestConverged." + id, g.networkPeak()[best], Format.sig(g.networkPeak()[best], 2));
            put("gridPeakStepAtLargestConverged." + id, g.networkPeakStep()[best], format(g.networkPeakStep()[best], 0));
            put("gridLargestConverged." + id, g.eta()[best], Format.sig(g.eta()[best], 3));
            put("gridFirstFailure." + id, g.eta()[best + 1], Format.sig(g.eta()[best + 1], 3));
            put("gridPeakAtFirstFailure." + id, g.networkPeak()[best + 1], Format.sig(g.networkPeak()[best + 1], 2));
            put("gridDivergedAtFirstFailure." + id, g.networkDivergedAt()[best + 1], format(g.networkDivergedAt()[best + 1], 0));
            double curvature = g.networkPeakStep()[0] == 0 ? g.networkPeak()[0] / g.eta()[0] : Double.NaN;
            put("startCurvature." + id, curvature, Format.sig(curvature, 3));
            int failures = 0, earlyPeaks = 0;
            double lastFailure = 0;
            for (int i = 0; i < g.eta().length; i++)
                if (g.networkOutcome()[i].equals(StableStepResult.DIVERGED)) {
                    failures++;
                    lastFailure = Math.max(lastFailure, g.networkDivergedAt()[i]);
                }
            put("gridDiverged." + id, failures, Integer.toString(failures));
            put("gridLatestDivergence." + id, lastFailure, format(lastFailure, 0));
            for (int i = 0; i < g.eta().length; i++) if (g.networkPeakStep()[i] <= 1) earlyPeaks++;
            put("gridConvergedPeakEarly." + id, earlyPeaks, Integer.toString(earlyPeaks));
        } else {
            double largest = 0;
            int atEnd = 0, converged = 0;
            for (int i = 0; i < g.eta().length; i++) {
                if (Double.isNaN(g.dynamicsSteps()[i])) continue;
                converged++;
                largest = Math.max(largest, g.dynamicsPeak()[i]);
                if (g.dynamicsPeakStep()[i] == g.dynamicsEndStep()[i]) atEnd++;
            }
            put("gridDynamicsPeakMax." + id, largest, Format.sig(largest, 3));
            put("gridDynamicsPeakAtEnd." + id, atEnd, Integer.toString(atEnd));
            put("gridDynamicsConvergedCount." + id, converged, Integer.toString(converged));
        }
    }

    Map<String, Double> numbers() { return numbers; }

    Map<String, String> values() { return values; }

    List<String> warnings() { return warnings; }

    /** Median, Min and Max over the seeds, and the quoted range "min–max" as {@code nameRange.cell}. */
    private void spread(String name, String id, double[] bySeed, int digits) {
        double median = median(bySeed), lo = min(bySeed), hi = max(bySeed);
        put(name + "." + id, median, format(median, digits));
        put(name + "Min." + id, lo, format(lo, digits));
        put(name + "Max." + id, hi, format(hi, digits));
        String low = format(lo, digits), high = format(hi, digits);
        values.put(name + "Range." + id, low.equals(high) ? low : low + "–" + high); // one value when the seeds agree to the digits shown
    }

    /** Significant digits, or a whole number (step counts) when digits is 0. */
    static String format(double v, int digits) {
        if (digits == 0) return Double.isNaN(v) ? "none" : Format.integer(Math.round(v));
        return Format.sig(v, digits);
    }

    private void put(String name, double number, String value) {
        numbers.put(name, number);
        values.put(name, value);
    }

    /** Per seed: a / b (the same seed's runs). */
    static double[] ratio(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] / b[i];
        return out;
    }

    private static double[] divide(double[] a, double by) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] / by;
        return out;
    }

    private static double finiteMin(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    private static double finiteMax(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    private static String capitalized(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
