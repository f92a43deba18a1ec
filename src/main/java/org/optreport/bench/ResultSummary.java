package org.optreport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table of JMH JSON results for the console: benchmark, size, score +- error, allocation per op. */
public final class ResultSummary {
    private ResultSummary() {}

    public static List<String> lines(JsonNode results) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-44s %-18s %14s %12s %-6s %12s", "benchmark", "size", "score", "error", "unit", "B/op"));
        for (JsonNode r : results) {
            String name = r.path("benchmark").asText();
            String[] parts = name.split("\\.");
            String simple = parts.length < 2 ? name
                    : parts[parts.length - 1].equals("run") ? parts[parts.length - 2] : parts[parts.length - 2] + "." + parts[parts.length - 1];
            StringBuilder size = new StringBuilder();
            r.path("params").fields().forEachRemaining(p -> size.append(size.length() == 0 ? "" : " ").append(p.getValue().asText()));
            JsonNode primary = r.path("primaryMetric");
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            out.add(String.format(Locale.ROOT, "%-44s %-18s %14.4g %12.3g %-6s %12s", simple, size, primary.path("score").asDouble(),
                    primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(),
                    alloc.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.1f", alloc.path("score").asDouble())));
        }
        return out;
    }
}
