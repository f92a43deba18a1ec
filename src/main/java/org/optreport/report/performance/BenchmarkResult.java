package org.optreport.report.performance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks run's result read for the page: its kernels in page order and, per kernel, its measurements by
 * depth, then size. The kernels and each measurement's size and flop count come from the result itself
 * (docs/results-format.md, benchmarks/v2), written by the code that measured them.
 */
final class BenchmarkResult {
    static final String SCHEMA = "benchmarks/v2";

    private final JsonNode result;
    private final List<Kernel> kernels;
    private final Map<String, List<Measurement>> byKernel;

    private BenchmarkResult(JsonNode result, List<Kernel> kernels, Map<String, List<Measurement>> byKernel) {
        this.result = result;
        this.kernels = kernels;
        this.byKernel = byKernel;
    }

    static BenchmarkResult read(JsonNode result) {
        String schema = result.path("schema").asText();
        if (!schema.equals(SCHEMA)) throw new IllegalArgumentException("the benchmarks result has schema '" + schema + "', the performance page reads " + SCHEMA);
        List<Kernel> kernels = new ArrayList<>();
        Map<String, Kernel> byKey = new HashMap<>();
        Map<String, List<Measurement>> byKernel = new HashMap<>();
        for (JsonNode k : result.path("kernels")) {
            Kernel kernel = new Kernel(k.path("key").asText(), k.path("title").asText());
            kernels.add(kernel);
            byKey.put(kernel.key(), kernel);
            byKernel.put(kernel.key(), new ArrayList<>());
        }
        for (JsonNode r : result.path("jmh")) {
            Kernel k = byKey.get(r.path("kernel").asText(""));
            if (k != null) byKernel.get(k.key()).add(measurement(k, r));   // else a benchmark of no kernel the page shows
        }
        byKernel.values().forEach(list -> list.sort(Comparator.comparingInt((Measurement m) -> m.point().depth())
                .thenComparingDouble(m -> m.point().size())));
        return new BenchmarkResult(result, List.copyOf(kernels), byKernel);
    }

    private static Measurement measurement(Kernel k, JsonNode r) {
        JsonNode p = r.path("point");
        Point point = new Point(p.path("size").asDouble(), p.path("label").asText(), p.path("parameters").asDouble(Double.NaN),
                p.path("depth").asInt(), p.path("flops").asDouble(Double.NaN));
        JsonNode primary = r.path("primaryMetric");
        String unit = primary.path("scoreUnit").asText();
        double score = primary.path("score").asDouble(), error = primary.path("scoreError").asDouble(Double.NaN);
        JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
        return new Measurement(k, point, seconds(score, unit), seconds(error, unit), score, error, unit,
                alloc.isMissingNode() ? Double.NaN : alloc.asDouble());
    }

    /** A JMH average-time score in seconds per operation. */
    static double seconds(double score, String unit) {
        double scale = switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unexpected JMH unit '" + unit + "' (the benchmarks report average time)");
        };
        return score * scale;
    }

    List<Kernel> kernels() { return kernels; }

    /** The kernel's measurements by depth, then size; empty if it has none. */
    List<Measurement> of(String kernel) { return byKernel.getOrDefault(kernel, List.of()); }

    static List<Measurement> atDepth(List<Measurement> ms, int depth) {
        return ms.stream().filter(m -> m.point().depth() == depth).toList();
    }

    /** The attainable rate (flop/s): the fastest matrix product measured. */
    double matmulRate() {
        double best = Double.NaN;
        for (Measurement m : of("matmul")) if (!(m.flopRate() <= best)) best = m.flopRate();
        return best;
    }

    /** The machine measured: description, cpu, cores, jvm. */
    JsonNode machine() { return result.path("machine"); }

    /** JMH's settings of the run: forks, iterations and their lengths, versions, JVM arguments. */
    JsonNode settings() { return result.path("settings"); }
}
