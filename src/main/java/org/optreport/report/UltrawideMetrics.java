package org.optreport.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.optreport.experiment.Json;
import org.optreport.report.UltrawideStudy.WidthRuns;

/** What one ultrawide run measured (read from its result) and the statistics over seeds that the page quotes. */
final class UltrawideMetrics {
    private UltrawideMetrics() {}

    @FunctionalInterface
    interface Metric {
        double of(JsonNode run);
    }

    static double median(List<JsonNode> runs, Metric metric) {
        double[] v = runs.stream().mapToDouble(metric::of).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double minOver(List<WidthRuns> widths, Metric metric) {
        return widths.stream().flatMap(w -> w.runs().stream()).mapToDouble(metric::of).min().orElse(Double.NaN);
    }

    /** Median and min..max over seeds of a recorded series, index by index (runs of a width share one schedule). */
    record Band(double[] median, double[] min, double[] max) {}

    static Band band(List<JsonNode> runs, String key) {
        int length = runs.stream().mapToInt(r -> r.get("series").get(key).size()).min().orElseThrow();
        double[] med = new double[length], lo = new double[length], hi = new double[length];
        for (int k = 0; k < length; k++) {
            int index = k;
            med[k] = median(runs, r -> r.get("series").get(key).get(index).asDouble());
            lo[k] = runs.stream().mapToDouble(r -> r.get("series").get(key).get(index).asDouble()).min().orElseThrow();
            hi[k] = runs.stream().mapToDouble(r -> r.get("series").get(key).get(index).asDouble()).max().orElseThrow();
        }
        return new Band(med, lo, hi);
    }

    static double[] steps(List<JsonNode> runs) {
        int length = runs.stream().mapToInt(r -> r.get("series").get("step").size()).min().orElseThrow();
        double[] all = Json.doubles(runs.get(0).get("series").get("step"));
        return Arrays.copyOf(all, length);
    }

    static double initial(JsonNode run, String key) { return run.get("series").get(key).get(0).asDouble(); }

    static double last(JsonNode run, String key) {
        JsonNode s = run.get("series").get(key);
        return s.get(s.size() - 1).asDouble();
    }

    static double finalMovement(JsonNode run) { return last(run, "maxWeightMovement"); }

    static double finalFlips(JsonNode run) { return last(run, "activationFlipFraction"); }

    static double cpuSeconds(JsonNode run) { return run.get("timings").get("cpuSeconds").asDouble(); }

    /** The share of runs whose largest distance is reached in the last tenth of training. */
    static double fractionPeakingLate(List<WidthRuns> widths, int steps) {
        long all = 0, late = 0;
        for (WidthRuns w : widths)
            for (JsonNode run : w.runs()) {
                all++;
                if (run.get("maxDistanceStep").asInt() >= 0.9 * steps) late++;
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
