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
import org.optreport.report.output.QuotedValues;
import org.optreport.results.StableStepResult;

/**
 * The study's exact numbers for the page's claims and their quoted forms. Families are named {@code quantity.cell},
 * cells {@code l2N1} ... {@code l4N3}; over seeds a quantity has its median (no suffix), {@code Min} and {@code Max}.
 */
final class AccelerationNumbers {
    private final Map<String, Double> numbers = new HashMap<>();
    private final QuotedValues values = new QuotedValues();
    private final List<String> warnings = new ArrayList<>();

    AccelerationNumbers(AccelerationSettings s, Map<Cell, CellSummary> cells, Map<Cell, GridSummary> grids) {
        put("seeds", s.seeds(), Integer.toString(s.seeds()), "seeds of the initialization per loss and depth");
        put("steps", s.steps(), Format.integer(s.steps()), "the arrival budget: steps within which a run must reach the target");
        put("excessTarget", s.excessTarget(), Format.sig(s.excessTarget(), 2), "the excess loss a run must reach to converge");
        put("tolerance", s.tolerance(), Format.sig(100 * s.tolerance(), 2) + "%", "relative width at which the bisection of the largest converging step stops");
        put("scanRatio", s.scanRatio(), Format.sig(s.scanRatio(), 3), "ratio of consecutive step sizes in the scan");
        put("scanSmallest", s.scanSmallest(), Format.sig(s.scanSmallest(), 3), "smallest step size of the scan");
        put("scanLargest", s.scanLargest(), Format.sig(s.scanLargest(), 3), "largest step size of the scan");
        put("initScale", s.initScale(), Format.sig(s.initScale(), 2), "end-to-end norm of the balanced initialization");
        int failures = 0, open = 0, trials = 0;
        for (CellSummary c : cells.values()) {
            String id = c.cell().id();
            put("linearLimit." + id, c.stepLimit(), Format.sig(c.stepLimit(), 3), "linear stability limit of the step size at the optimum, " + id);
            spread("networkStep", id, c.networkStep(), 3, "largest step size at which the network converges to the target");
            spread("dynamicsStep", id, c.dynamicsStep(), 3, "largest step size at which the end-to-end dynamics converge to the target");
            spread("networkSteps", id, c.networkSteps(), 0, "steps the network takes to the target at its largest converging step size");
            spread("dynamicsSteps", id, c.dynamicsSteps(), 0, "steps the end-to-end dynamics take to the target at their largest converging step size");
            spread("networkStepOverLimit", id, divide(c.networkStep(), c.stepLimit()), 3, "the network's largest converging step over the linear stability limit");
            spread("dynamicsStepOverLimit", id, divide(c.dynamicsStep(), c.stepLimit()), 3, "the dynamics' largest converging step over the linear stability limit");
            spread("networkImbalance", id, c.networkImbalance(), 2, "the network's layer imbalance at its largest converging step");
            spread("networkStepsAtDynamicsStep", id, c.networkStepsAtDynamicsStep(), 0, "steps the network takes to the target at the dynamics' largest converging step");
            spread("networkFewestSteps", id, c.networkFewestSteps(), 0, "fewest steps the network takes to the target over the step sizes tried");
            spread("dynamicsFewestSteps", id, c.dynamicsFewestSteps(), 0, "fewest steps the dynamics take to the target over the step sizes tried");
            spread("networkImbalanceAtDynamicsStep", id, c.networkImbalanceAtDynamicsStep(), 2, "the network's layer imbalance at the dynamics' largest converging step");
            for (String outcome : List.of(StableStepResult.CONVERGED, StableStepResult.UNDECIDED, StableStepResult.BOUNDED, StableStepResult.DIVERGED)) {
                int seeds = c.dynamicsAtNetworkStep(outcome);
                put("dynamics" + capitalized(outcome) + "AtNetworkStep." + id, seeds, Integer.toString(seeds), "seeds whose dynamics end " + outcome + " at the network's largest converging step, " + id);
            }
            double[] stalled = c.dynamicsExcessAtNetworkStep();
            put("dynamicsExcessAtNetworkStepMin." + id, finiteMin(stalled), Format.sig(finiteMin(stalled), 2), "smallest excess loss of the dynamics that stall at the network's step, " + id);
            put("dynamicsExcessAtNetworkStepMax." + id, finiteMax(stalled), Format.sig(finiteMax(stalled), 2), "largest excess loss of the dynamics that stall at the network's step, " + id);
            if (c.cell().loss().equals("l2")) spread("sharpnessTimesStep", id, c.networkSharpnessTimesStep(), 3, "step size times the sharpness the network reaches (stable below 2)");
            put("largestBracket." + id, c.largestBracket(), Format.sig(100 * c.largestBracket(), 2) + "%", "widest final bisection bracket, relative, " + id);
            put("trials." + id, c.trials(), Integer.toString(c.trials()), "runs tried in the searches, " + id);
            put("converged." + id, c.converged(), Integer.toString(c.converged()), "runs that converged, " + id);
            put("bounded." + id, c.bounded(), Integer.toString(c.bounded()), "runs that stayed bounded without converging, " + id);
            put("undecided." + id, c.undecided(), Integer.toString(c.undecided()), "runs left undecided by the budget, " + id);
            int undecidedAbove = c.networkUndecidedAbove();
            put("networkUndecidedAbove." + id, undecidedAbove, Integer.toString(undecidedAbove), "undecided network runs above the largest converging step, " + id);
            put("diverged." + id, c.diverged(), Integer.toString(c.diverged()), "runs that diverged, " + id);
            failures += c.failuresBetween();
            open += c.openBrackets();
            trials += c.trials();
            if (c.openBrackets() > 0)
                warnings.add("acceleration: " + c.openBrackets() + " searches of " + id + " found no bracket (nothing converged, or the "
                        + "scan's largest step did): widen acceleration.scanSmallest / acceleration.scanLargest");
            if (c.cell().depth() > 1) {
                CellSummary shallow = cells.get(new Cell(c.cell().loss(), 1));
                spread("speedup", id, ratio(shallow.networkSteps(), c.networkSteps()), 2, "depth-1 steps over this depth's steps to the target, each at its largest converging step");
                spread("dynamicsSpeedup", id, ratio(shallow.networkSteps(), c.dynamicsSteps()), 2, "depth-1 network steps over the dynamics' steps, each at its largest converging step");
                spread("speedupAtDynamicsStep", id, ratio(shallow.networkSteps(), c.networkStepsAtDynamicsStep()), 2, "depth-1 steps over the network's steps at the dynamics' largest converging step");
                spread("fewestStepsSpeedup", id, ratio(shallow.networkFewestSteps(), c.networkFewestSteps()), 2, "depth-1 fewest steps over this depth's fewest steps (network)");
                spread("dynamicsFewestStepsSpeedup", id, ratio(shallow.networkFewestSteps(), c.dynamicsFewestSteps()), 2, "depth-1 fewest network steps over the dynamics' fewest steps");
            }
        }
        grids(s, cells, grids);
        put("failuresBetween", failures, Integer.toString(failures), "searches in which a step size below a converging one failed");
        put("openBrackets", open, Integer.toString(open), "searches that found no bracket");
        put("trials", trials, Format.integer(trials), "runs tried in all searches");
    }

    /**
     * The common grid (seed 1): per cell the fewest steps to the target over the grid steps that converged and the step
     * that gives it, for the network and the dynamics; per loss the largest grid step at which every depth converged
     * (network and dynamics) and the steps there; on l4 the curvature along the runs; and the check at twice the budget.
     */
    private void grids(AccelerationSettings s, Map<Cell, CellSummary> cells, Map<Cell, GridSummary> grids) {
        put("gridPoints", s.gridPoints(), Integer.toString(s.gridPoints()), "step sizes of the common grid");
        put("gridSmallest", s.gridSmallest(), Format.sig(s.gridSmallest(), 3), "smallest step size of the common grid");
        put("gridLargest", s.gridLargest(), Format.sig(s.gridLargest(), 3), "largest step size of the common grid");
        put("doubledSteps", 2.0 * s.steps(), Format.integer(2L * s.steps()), "twice the arrival budget: the check runs' budget");
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
            put("gridCommonLargest." + loss, commonEta, Format.sig(commonEta, 3), "largest grid step at which every depth converges (network and dynamics), loss " + loss);
            for (int depth : AccelerationSettings.DEPTHS) {
                Cell cell = new Cell(loss, depth);
                String id = cell.id();
                GridSummary g = grids.get(cell);
                for (String which : List.of("network", "dynamics")) {
                    double[] steps = which.equals("network") ? g.networkSteps() : g.dynamicsSteps();
                    int best = GridSummary.argmin(steps);
                    String name = "grid" + capitalized(which);
                    put(name + "Fewest." + id, best < 0 ? Double.NaN : steps[best], format(best < 0 ? Double.NaN : steps[best], 0), "fewest steps to the target over the grid, " + which + ", " + id + " (seed 1)");
                    put(name + "Argmin." + id, best < 0 ? Double.NaN : g.eta()[best], best < 0 ? "none" : Format.sig(g.eta()[best], 3), "the grid step size giving the fewest steps, " + which + ", " + id);
                    double atCommon = common < 0 ? Double.NaN : steps[common];
                    put(name + "StepsAtCommon." + id, atCommon, format(atCommon, 0), "steps to the target at the common largest grid step, " + which + ", " + id);
                    int converged = (int) java.util.Arrays.stream(steps).filter(v -> !Double.isNaN(v)).count();
                    put(name + "Converged." + id, converged, Integer.toString(converged), "grid step sizes that converged, " + which + ", " + id);
                }
                put("networkStepSeed1." + id, g.networkStep(), Format.sig(g.networkStep(), 3), "largest converging step of the network, seed 1, " + id);
                put("dynamicsStepSeed1." + id, g.dynamicsStep(), Format.sig(g.dynamicsStep(), 3), "largest converging step of the dynamics, seed 1, " + id);
                put("networkStepDoubled." + id, g.networkStepDoubled(), Format.sig(g.networkStepDoubled(), 3), "the network's largest converging step with twice the budget, seed 1, " + id);
                put("dynamicsStepDoubled." + id, g.dynamicsStepDoubled(), Format.sig(g.dynamicsStepDoubled(), 3), "the dynamics' largest converging step with twice the budget, seed 1, " + id);
                double moved = g.networkStepDoubled() / g.networkStep(), dynMoved = g.dynamicsStepDoubled() / g.dynamicsStep();
                put("networkStepDoubledRatio." + id, moved, Format.sig(moved, 3), "the network's step with twice the budget over the step with the budget, " + id);
                put("dynamicsStepDoubledRatio." + id, dynMoved, Format.sig(dynMoved, 3), "the dynamics' step with twice the budget over the step with the budget, " + id);
                put("networkStepsDoubled." + id, g.networkStepsDoubled(), format(g.networkStepsDoubled(), 0), "steps the network takes at its step with twice the budget, " + id);
                put("networkUpperUndecided." + id, g.networkUpperOutcome().equals(StableStepResult.UNDECIDED) ? 1 : 0, g.networkUpperOutcome(), "outcome of the network's run just above its largest converging step, " + id);
                put("networkUpperUndecidedDoubled." + id, g.networkUpperOutcomeDoubled().equals(StableStepResult.UNDECIDED) ? 1 : 0,
                        g.networkUpperOutcomeDoubled(), "the same outcome with twice the budget, " + id);
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
                put("gridNetworkSpeedup." + id, ns, Format.sig(ns, 3), "depth-1 fewest grid steps over this depth's fewest (network), " + id);
                put("gridDynamicsSpeedup." + id, ds, Format.sig(ds, 3), "depth-1 fewest grid steps over this depth's fewest (dynamics), " + id);
                double ac = common < 0 ? Double.NaN : shallow.networkSteps()[common] / g.networkSteps()[common];
                double dc = common < 0 ? Double.NaN : shallow.networkSteps()[common] / g.dynamicsSteps()[common];
                put("gridNetworkSpeedupAtCommon." + id, ac, Format.sig(ac, 3), "depth-1 steps over this depth's at the common largest grid step (network), " + id);
                put("gridDynamicsSpeedupAtCommon." + id, dc, Format.sig(dc, 3), "depth-1 steps over the dynamics' at the common largest grid step, " + id);
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
            put("gridPeakAtLargestConverged." + id, g.networkPeak()[best], Format.sig(g.networkPeak()[best], 2), "peak η λ_max along the run at the largest converging grid step, " + id);
            put("gridPeakStepAtLargestConverged." + id, g.networkPeakStep()[best], format(g.networkPeakStep()[best], 0), "step of that peak, " + id);
            put("gridLargestConverged." + id, g.eta()[best], Format.sig(g.eta()[best], 3), "largest grid step size that converges, " + id);
            put("gridFirstFailure." + id, g.eta()[best + 1], Format.sig(g.eta()[best + 1], 3), "the next grid step size, the first that fails, " + id);
            put("gridPeakAtFirstFailure." + id, g.networkPeak()[best + 1], Format.sig(g.networkPeak()[best + 1], 2), "peak η λ_max along the run at the first failing grid step, " + id);
            put("gridDivergedAtFirstFailure." + id, g.networkDivergedAt()[best + 1], format(g.networkDivergedAt()[best + 1], 0), "step at which the run at the first failing grid step diverges, " + id);
            double curvature = g.networkPeakStep()[0] == 0 ? g.networkPeak()[0] / g.eta()[0] : Double.NaN;
            put("startCurvature." + id, curvature, Format.sig(curvature, 3), "curvature λ_max at the start of the runs, " + id);
            int failures = 0, earlyPeaks = 0;
            double lastFailure = 0;
            for (int i = 0; i < g.eta().length; i++)
                if (g.networkOutcome()[i].equals(StableStepResult.DIVERGED)) {
                    failures++;
                    lastFailure = Math.max(lastFailure, g.networkDivergedAt()[i]);
                }
            put("gridDiverged." + id, failures, Integer.toString(failures), "grid step sizes whose run diverged, " + id);
            put("gridLatestDivergence." + id, lastFailure, format(lastFailure, 0), "latest step at which a grid run diverged, " + id);
            for (int i = 0; i < g.eta().length; i++) if (g.networkPeakStep()[i] <= 1) earlyPeaks++;
            put("gridConvergedPeakEarly." + id, earlyPeaks, Integer.toString(earlyPeaks), "grid runs whose curvature peaks at step 0 or 1, " + id);
        } else {
            double largest = 0;
            int atEnd = 0, converged = 0;
            for (int i = 0; i < g.eta().length; i++) {
                if (Double.isNaN(g.dynamicsSteps()[i])) continue;
                converged++;
                largest = Math.max(largest, g.dynamicsPeak()[i]);
                if (g.dynamicsPeakStep()[i] == g.dynamicsEndStep()[i]) atEnd++;
            }
            put("gridDynamicsPeakMax." + id, largest, Format.sig(largest, 3), "largest peak η λ_max of the dynamics over the converged grid steps, " + id);
            put("gridDynamicsPeakAtEnd." + id, atEnd, Integer.toString(atEnd), "converged grid runs of the dynamics that peak at their last step, " + id);
            put("gridDynamicsConvergedCount." + id, converged, Integer.toString(converged), "grid step sizes at which the dynamics converge, " + id);
        }
    }

    Map<String, Double> numbers() { return numbers; }

    QuotedValues values() { return values; }

    List<String> warnings() { return warnings; }

    /** Median, Min and Max over the seeds, and the quoted range "min–max" as {@code nameRange.cell}. */
    private void spread(String name, String id, double[] bySeed, int digits, String what) {
        double median = median(bySeed), lo = min(bySeed), hi = max(bySeed);
        put(name + "." + id, median, format(median, digits), what + ", " + id + " (median over seeds)");
        put(name + "Min." + id, lo, format(lo, digits), what + ", " + id + " (smallest over seeds)");
        put(name + "Max." + id, hi, format(hi, digits), what + ", " + id + " (largest over seeds)");
        String low = format(lo, digits), high = format(hi, digits);
        // one value when the seeds agree to the digits shown
        values.put(name + "Range." + id, low.equals(high) ? low : low + "–" + high, what + ", " + id + " (range over seeds)");
    }

    /** Significant digits, or a whole number (step counts) when digits is 0. */
    static String format(double v, int digits) {
        if (digits == 0) return Double.isNaN(v) ? "none" : Format.integer(Math.round(v));
        return Format.sig(v, digits);
    }

    /** A number for claims and the value quoting it, with the value's meaning. */
    private void put(String name, double number, String value, String meaning) {
        numbers.put(name, number);
        values.put(name, value, meaning);
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
