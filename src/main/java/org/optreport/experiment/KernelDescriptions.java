package org.optreport.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.bench.Kernels;
import org.optreport.bench.Kernels.Kernel;
import org.optreport.bench.Kernels.Point;

/**
 * What each benchmark measured, written into the benchmarks result beside JMH's figures, so that the report reads
 * it from the result and needs nothing of the bench package; the flop counts are those of the code that was
 * measured (the code fingerprint covers both). docs/results-format.md, benchmarks/v4.
 */
final class KernelDescriptions {
    private KernelDescriptions() {}

    /** Every kernel in the order the page lists them: key, title and JMH benchmark name. */
    static ArrayNode kernels() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Kernel k : Kernels.ALL) out.addObject().put("key", k.key()).put("title", k.title()).put("benchmark", k.benchmark());
        return out;
    }

    /** Adds to each JMH result of a known benchmark its kernel's key and the measured size with its flop count. */
    static void describe(ArrayNode jmh) {
        for (JsonNode result : jmh) {
            Kernel k = Kernels.of(result.path("benchmark").asText());
            if (k == null) { // a benchmark the page does not show: it says so, rather than leaving the fields out
                ((ObjectNode) result).putNull("kernel").putNull("point");
                continue;
            }
            Map<String, String> params = new TreeMap<>();
            result.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            ObjectNode entry = (ObjectNode) result;
            entry.put("kernel", k.key());
            entry.set("point", point(k.point().apply(params)));
        }
    }

    /** NaN (no trained parameters, or flops not known) is written as null rather than as a string. */
    private static ObjectNode point(Point p) {
        ObjectNode out = Json.object().put("size", p.size()).put("label", p.label()).put("depth", p.depth());
        if (Double.isNaN(p.parameters())) out.putNull("parameters"); else out.put("parameters", p.parameters());
        if (Double.isNaN(p.flops())) out.putNull("flops"); else out.put("flops", p.flops());
        if (Double.isNaN(p.bytes())) out.putNull("bytes"); else out.put("bytes", p.bytes());
        if (Double.isNaN(p.items())) out.putNull("items"); else out.put("items", p.items());
        if (p.item() == null) out.putNull("item"); else out.put("item", p.item());
        if (Double.isNaN(p.executedFlops())) out.putNull("executedFlops"); else out.put("executedFlops", p.executedFlops());
        return out;
    }
}
