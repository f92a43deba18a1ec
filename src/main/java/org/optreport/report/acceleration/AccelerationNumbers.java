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

    AccelerationNumbers(AccelerationSettings s, Map<Cell, CellSummary> cells) {
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
            for (String outcome : List.of(StableStepResult.CONVERGED, StableStepResult.BOUNDED, StableStepResult.DIVERGED)) {
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
        put("failuresBetween", failures, Integer.toString(failures));
        put("openBrackets", open, Integer.toString(open));
        put("trials", trials, Format.integer(trials));
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
