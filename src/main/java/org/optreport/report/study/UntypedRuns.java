package org.optreport.report.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.optreport.experiment.RunRequest;

/**
 * Transitional: a plan of runs read as raw documents and keyed by request, for a study that does not yet read typed
 * results. Its analysis receives the same request-to-document map it always did.
 */
public record UntypedRuns(StudyConfig config, Map<RunRequest, Run<JsonNode>> runs) {
    public static UntypedRuns of(StudyConfig config, List<RunRequest> requests, Predicate<RunRequest> probe, RunPlan plan) {
        Map<RunRequest, Run<JsonNode>> runs = new LinkedHashMap<>();
        for (RunRequest r : requests)
            runs.put(r, probe.test(r) ? plan.addProbe(JsonNode.class, r.experiment(), r.parameters())
                    : plan.add(JsonNode.class, r.experiment(), r.parameters()));
        return new UntypedRuns(config, runs);
    }

    public Map<RunRequest, JsonNode> documents(RunResults results) {
        Map<RunRequest, JsonNode> out = new LinkedHashMap<>();
        runs.forEach((request, run) -> out.put(request, results.get(run)));
        return out;
    }
}
