package org.optreport.report.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Json;
import org.optreport.experiment.RunRequest;
import org.optreport.results.Schema;

class RunResultsTest {
    @Schema("probe/v1")
    record ProbeResult(String schema, double value, boolean diverged, String divergence) {}

    private static JsonNode document(double value, boolean diverged, String divergence) throws Exception {
        return Json.read("{\"schema\":\"probe/v1\",\"value\":" + value + ",\"diverged\":" + diverged + ",\"divergence\":"
                + (divergence == null ? "null" : "\"" + divergence + "\"") + "}");
    }

    /** The build's results, read as they were loaded, answer as the lazily read documents do. */
    @Test void resultsReadAheadAnswerAsDocumentsReadOnDemand() throws Exception {
        RunPlan plan = new RunPlan();
        Run<ProbeResult> calm = plan.add(ProbeResult.class, "probe", Map.of("seed", "1"));
        Run<ProbeResult> wild = plan.add(ProbeResult.class, "probe", Map.of("seed", "2"));
        Map<RunRequest, JsonNode> documents = Map.of(calm.request(), document(0.25, false, null),
                wild.request(), document(3e9, true, "loss grew"));
        RunResults onDemand = new RunResults(documents);
        RunResults readAhead = RunResults.ofRead(Map.of(
                calm.request(), RunResults.Read.of(documents.get(calm.request()), ProbeResult.class, "calm"),
                wild.request(), RunResults.Read.of(documents.get(wild.request()), ProbeResult.class, "wild")));
        for (RunResults results : new RunResults[] {onDemand, readAhead}) {
            assertEquals(new ProbeResult("probe/v1", 0.25, false, null), results.get(calm));
            assertEquals(3e9, results.get(wild).value());
            assertFalse(results.diverged(calm));
            assertEquals(Optional.empty(), results.divergence(calm));
            assertTrue(results.diverged(wild));
            assertEquals(Optional.of("loss grew"), results.divergence(wild));
        }
    }
}
