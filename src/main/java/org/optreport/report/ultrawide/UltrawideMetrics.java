package org.optreport.report.ultrawide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;

/** What one ultrawide run measured (read from its result) and the statistics over seeds that the page quotes. */
final class UltrawideMetrics {
    private UltrawideMetrics() {}

    /** A number read off one run; statistics over runs (Median) take it as a ToDoubleFunction. */
    @FunctionalInterface
    interface Metric extends ToDoubleFunction<JsonNode> {
        double of(JsonNode run);

        @Override default double applyAsDouble(JsonNode run) { return of(run); }
    }

    static double minOver(List<WidthRuns> widths, Metric metric) {
        return widths.stream().flatMap(w -> w.runs().stream()).mapToDouble(metric::of).min().orElse(Double.NaN);
    }

    static double initial(JsonNode run, String key) { return run.get("series").get(key).get(0).asDouble(); }

    static double last(JsonNode run, String key) {
        JsonNode s = run.get("series").get(key);
        return s.get(s.size() - 1).asDouble();
    }

    /** The largest network-kernel distance over every step of the run (from its trace, not from the records). */
    static double largestDistance(JsonNode run) { return UltrawideTraceBands.max(run, "distance"); }

    /** The first step at which {@link #largestDistance} is reached. */
    static int largestDistanceStep(JsonNode run) { return UltrawideTraceBands.maxStep(run, "distance"); }

    /** The distance at the last step as a fraction of the largest: how far the gap has shrunk again by the end. */
    static double finalDistanceShare(JsonNode run) { return last(run, "distance") / largestDistance(run); }

    static double finalMovement(JsonNode run) { return last(run, "maxWeightMovement"); }

    static double finalFlips(JsonNode run) { return last(run, "activationFlipFraction"); }

    static double cpuSeconds(JsonNode run) { return run.get("timings").get("cpuSeconds").asDouble(); }

    /** The share of runs whose largest distance is reached in the last tenth of training. */
    static double fractionPeakingLate(List<WidthRuns> widths, int steps) {
        long all = 0, late = 0;
        for (WidthRuns w : widths)
            for (JsonNode run : w.runs()) {
                all++;
                if (largestDistanceStep(run) >= 0.9 * steps) late++;
            }
        return (double) late / all;
    }

    static double[] column(JsonNode rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = rows.get(i).get(0).asDouble();
        return out;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }
}
