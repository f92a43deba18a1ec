package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.optreport.results.LandscapeResult;
import org.optreport.results.ResultDocuments;
import org.optreport.results.ResultFormatException;

/** The landscape/v1 document and its record: every field the experiment writes is declared, and nothing is lost. */
class LandscapeExperimentResultTest {
    private static final LandscapeExperiment EXPERIMENT = new LandscapeExperiment();
    private static final Map<String, String> TINY = Map.of("depth", "3", "width", "3", "steps", "200", "records", "8", "samples", "60",
            "traceBuckets", "20");

    private static JsonNode run(String... keyValues) {
        Map<String, String> p = new HashMap<>(TINY);
        for (int i = 0; i < keyValues.length; i += 2) p.put(keyValues[i], keyValues[i + 1]);
        return EXPERIMENT.run(Parameters.of("landscape", EXPERIMENT.parameters(), p), Experiment.Progress.SILENT);
    }

    /** The document as the cache stores and reads it: through its text. */
    private static JsonNode stored(JsonNode document) throws Exception {
        return Json.read(Json.write(document));
    }

    /**
     * Read into the record and written back, a document is the same tree: the plain run, a diverged one (divergence
     * fields), depth 1 (no escape model) and three outputs (no scalar-output theory: the predictions are null).
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "diverged", "depth 1", "three outputs"})
    void aDocumentSurvivesTheRecord(String which) throws Exception {
        JsonNode document = stored(switch (which) {
            case "diverged" -> run("learningRate", "50");
            case "depth 1" -> run("depth", "1");
            case "three outputs" -> run("dataset", "linnerud", "samples", "all");
            default -> run();
        });
        LandscapeResult result = ResultDocuments.read(document, LandscapeResult.class, which);
        assertEquals(document, stored(ResultDocuments.write(result)), which);
        assertEquals(which.equals("diverged"), result.diverged());
    }

    @Test void fieldsThatDoNotApplyAreNullNeverAbsent() {
        JsonNode plain = run();
        assertTrue(plain.get("divergedAtStep").isNull() && plain.get("divergence").isNull(), "a run that did not diverge has null divergence fields");
        assertTrue(plain.get("events").has("lowestLambdaMin"));
        assertTrue(plain.get("stepsToRelativeExcess").has("1e-6"), "a threshold not reached is null, not absent");

        JsonNode diverged = run("learningRate", "50");
        assertTrue(diverged.get("divergedAtStep").asInt() > 0);
        assertFalse(diverged.get("divergence").asText().isBlank());

        JsonNode threeOutputs = run("dataset", "linnerud", "samples", "all");
        assertTrue(threeOutputs.get("escapePrediction").get("sigma").isNull());
        assertTrue(threeOutputs.get("escapePrediction").get("predictedEscapeStep").isNull());
        assertTrue(threeOutputs.get("predictedSharpness").isNull());
        assertTrue(threeOutputs.get("finalRate").get("predictedRate").isNull());
        LandscapeResult result = ResultDocuments.read(threeOutputs, LandscapeResult.class, "three outputs");
        assertNull(result.predictedSharpness());
        assertNull(result.escapePrediction().sigma());
    }

    /** A field the record does not declare fails naming it (here one the record may do without: it may be null). */
    @Test void aRenamedFieldFailsNamingIt() {
        ObjectNode document = (ObjectNode) run();
        document.set("predictedSharpnes", document.remove("predictedSharpness"));
        ResultFormatException e = assertThrows(ResultFormatException.class,
                () -> ResultDocuments.read(document, LandscapeResult.class, "renamed"));
        assertTrue(e.getMessage().contains("at the document: missing predictedSharpness; not in LandscapeResult: predictedSharpnes"), e.getMessage());
    }

    /** A renamed field inside a part: the message names the part and both names. */
    @Test void aRenamedRequiredNumberFailsNamingTheMissingField() {
        ObjectNode document = (ObjectNode) run();
        ObjectNode events = (ObjectNode) document.get("events");
        events.set("escapeHalfwayStep", events.remove("escapeStep"));
        ResultFormatException e = assertThrows(ResultFormatException.class,
                () -> ResultDocuments.read(document, LandscapeResult.class, "renamed"));
        assertTrue(e.getMessage().contains("at events: missing escapeStep; not in Events: escapeHalfwayStep"), e.getMessage());
    }

    @Test void aNullWhereANumberIsRequiredFails() {
        ObjectNode document = (ObjectNode) run();
        document.putNull("finalImbalance");
        ResultFormatException e = assertThrows(ResultFormatException.class,
                () -> ResultDocuments.read(document, LandscapeResult.class, "null"));
        assertTrue(e.getMessage().contains("finalImbalance"), e.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
