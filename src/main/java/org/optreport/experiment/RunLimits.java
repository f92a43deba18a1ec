package org.optreport.experiment;

import java.util.List;
import java.util.Locale;

/**
 * What a run may cost, checked before it starts so that a run that cannot finish fails at once, naming what to
 * change, instead of after minutes with an OutOfMemoryError that names no run. Callers (the {@code run} command,
 * the build's scheduler) call, before {@link Experiment#run}:
 *
 * <pre>{@code
 * RunCost cost = RunLimits.standard().check(experiment, parameters);   // or new RunLimits(heap, seconds, allowLarge)
 * }</pre>
 *
 * {@link #check} throws a {@link ParameterException} (exit code 2) whose message is one line: the experiment, the
 * estimate and the limit, the part of the run that dominates it with the parameter values that size it, and what to
 * do. A run is refused when it needs a matrix or array larger than Java or EJML can index, or more heap than
 * {@code heapBytes}, whatever {@code allowLarge} says (it could not finish); and when it would take longer than
 * {@code maxSeconds}, unless {@code allowLarge}.
 *
 * @param heapBytes  the heap a run may use, bytes (the JVM's maximum by default)
 * @param maxSeconds the longest a run may take
 * @param allowLarge lifts the time limit (--allow-large), not the heap limit
 */
public record RunLimits(long heapBytes, double maxSeconds, boolean allowLarge) {
    /** An hour: the longest run of the default report is a few minutes. */
    public static final double DEFAULT_MAX_SECONDS = 3600;

    public RunLimits {
        if (heapBytes <= 0 || !(maxSeconds > 0))
            throw new IllegalArgumentException("limits must be positive, got heap " + heapBytes + " bytes and " + maxSeconds + " s");
    }

    /** This JVM's maximum heap (-Xmx) and an hour per run. */
    public static RunLimits standard() {
        return new RunLimits(Runtime.getRuntime().maxMemory(), DEFAULT_MAX_SECONDS, false);
    }

    /**
     * Estimates the run ({@link Experiment#cost}) and refuses it if it does not fit; returns the estimate (for the
     * build log). Bad parameter values fail here as they would in the run.
     *
     * @throws ParameterException the run does not fit, in one line naming the experiment, the parameters and what to do
     */
    public RunCost check(Experiment experiment, Parameters parameters) {
        RunCost cost = experiment.cost(parameters);
        String name = experiment.name();
        if (cost.unrepresentable().isPresent()) {
            RunCost.Term t = cost.unrepresentable().get();
            throw new ParameterException(name + " cannot run: " + t.description() + ", more than the "
                    + CostEstimate.count(CostEstimate.MAX_ENTRIES) + " a Java array or EJML matrix can hold; " + change(t.keys(), parameters));
        }
        if (cost.heapBytes() > heapBytes)
            throw new ParameterException(name + " would need about " + bytes(cost.heapBytes()) + " of heap, more than the " + bytes(heapBytes)
                    + " it may use; the largest part, " + bytes(cost.heapTerm().amount()) + ", is " + cost.heapTerm().description() + "; "
                    + change(cost.heapTerm().keys(), parameters) + ", or raise the heap with -Xmx (--allow-large does not lift this limit: the run could not finish)");
        if (cost.seconds() > maxSeconds && !allowLarge)
            throw new ParameterException(name + " would take about " + duration(cost.seconds()) + ", more than the " + duration(maxSeconds)
                    + " a run may take; the largest part, " + duration(cost.timeTerm().amount()) + ", is " + cost.timeTerm().description() + "; "
                    + change(cost.timeTerm().keys(), parameters) + ", or pass --max-run-seconds " + (long) Math.ceil(cost.seconds()) + " or --allow-large");
        return cost;
    }

    /** "lower depth or width", "lower samples or change dataset": numbers can be lowered, names changed. */
    private static String change(List<String> keys, Parameters parameters) {
        List<String> numbers = keys.stream().filter(k -> parameters.string(k).matches("[0-9.,eE+-]+")).toList();
        List<String> names = keys.stream().filter(k -> !numbers.contains(k)).toList();
        if (keys.isEmpty()) return "change the parameters";
        if (numbers.isEmpty()) return "change " + either(names);
        return "lower " + either(numbers) + (names.isEmpty() ? "" : " or change " + either(names));
    }

    private static String either(List<String> keys) {
        if (keys.size() == 1) return keys.get(0);
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }

    static String bytes(double bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
        return String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (1L << 20)));
    }

    public static String duration(double seconds) {
        if (seconds >= 2 * 3600) return String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
        if (seconds >= 120) return String.format(Locale.ROOT, "%.0f minutes", seconds / 60);
        return String.format(Locale.ROOT, "%.0f s", Math.ceil(seconds));
    }
}
