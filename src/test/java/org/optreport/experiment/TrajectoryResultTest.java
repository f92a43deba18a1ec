package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.optreport.results.ResultDocuments;
import org.optreport.results.ResultFormatException;
import org.optreport.results.TrajectoryResult;

/** The trajectory/v1 document and its record hold the same fields and numbers, both ways. */
class TrajectoryResultTest {
    private static final TrajectoryExperiment EXPERIMENT = new TrajectoryExperiment();

    /**
     * Documents written by the experiment before it built a record (field by field into a JSON tree): a small l2 run
     * that escapes and settles, a diverged run, and a multi-output l4 run that never escapes (null events).
     */
    private static final String[] RECORDED = {"trajectory-l2", "trajectory-diverged", "trajectory-l4-linnerud"};

    private static ObjectNode run(Map<String, String> parameters) {
        return EXPERIMENT.run(Parameters.of("trajectory", EXPERIMENT.parameters(), parameters), Experiment.Progress.SILENT);
    }

    private static ObjectNode run(String... keyValues) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) p.put(keyValues[i], keyValues[i + 1]);
        return run(p);
    }

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream in = TrajectoryResultTest.class.getResourceAsStream("/results/" + name + ".json")) {
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The document as the cache stores and reads it: text, so that number node types and NaN compare as stored. */
    private static JsonNode asStored(JsonNode document) throws IOException {
        return Json.read(Json.write(document));
    }

    /** Field by field, so that a failure names the field instead of printing two whole documents. */
    private static void assertSameDocument(JsonNode expected, JsonNode actual, String what) {
        Set<String> fields = new TreeSet<>(), actualFields = new TreeSet<>();
        expected.fieldNames().forEachRemaining(fields::add);
        actual.fieldNames().forEachRemaining(actualFields::add);
        assertEquals(fields, actualFields, what + ": fields");
        for (String field : fields) assertEquals(expected.get(field), actual.get(field), what + ": " + field);
    }

    private static TrajectoryResult read(JsonNode document) {
        return ResultDocuments.read(document, TrajectoryResult.class, "test run");
    }

    @Test void readingAndWritingAnExperimentsDocumentGivesItBack() {
        String[][] runs = {
                {"samples", "12", "depth", "2", "width", "3", "steps", "200", "records", "6", "buckets", "4", "learningRate", "0.1",
                        "initScale", "0.1", "excessTarget", "0.05"},
                {"samples", "12", "depth", "1", "steps", "60", "records", "5", "buckets", "4", "learningRate", "2"},
                {"dataset", "linnerud", "depth", "3", "width", "2", "init", "xavier", "loss", "l4", "steps", "20", "records", "4"}};
        for (String[] kv : runs) {
            ObjectNode document = run(kv);
            assertSameDocument(document, ResultDocuments.write(read(document)), String.join(" ", kv));
        }
    }

    @Test void documentsRecordedBeforeTheRecordReadAndWriteBackUnchanged() throws IOException {
        for (String name : RECORDED) {
            JsonNode stored = recorded(name);
            assertSameDocument(stored, asStored(ResultDocuments.write(read(stored))), name);
        }
    }

    /** The experiment writes the numbers it wrote before it built a record (the parameter map aside: its form is not the result's). */
    @Test void theExperimentStillWritesTheRecordedDocuments() throws IOException {
        for (String name : RECORDED) {
            ObjectNode stored = (ObjectNode) recorded(name);
            Map<String, String> parameters = new HashMap<>();
            stored.get("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
            ObjectNode written = (ObjectNode) asStored(run(parameters));
            stored.remove("parameters");
            written.remove("parameters");
            assertSameDocument(stored, written, name);
        }
    }

    @Test void eventsThatDidNotHappenAndDivergenceFieldsAreNullInTheRecord() throws IOException {
        TrajectoryResult converged = read(recorded("trajectory-l2"));
        assertFalse(converged.diverged());
        assertNull(converged.divergedAtStep());
        assertNull(converged.divergence());
        assertEquals(114, converged.events().networkExcessSettledStep());

        TrajectoryResult diverged = read(recorded("trajectory-diverged"));
        assertTrue(diverged.diverged());
        assertEquals(5, diverged.divergedAtStep());
        assertTrue(diverged.divergence().startsWith("network and dynamics: "), diverged.divergence());
        assertNull(diverged.events().networkExcessSettledStep());
        assertNull(diverged.events().networkHalfwayStep());
    }

    /**
     * A renamed field fails naming it: a nullable one (an object, an event step) as a field the record does not
     * declare, under its new name; a required number as missing, under the record's name, since the reader builds the
     * record before it looks at undeclared fields.
     */
    @Test void aRenamedFieldFailsNamingIt() throws IOException {
        assertRenamingFails("", "events", "eventList", "eventList");
        assertRenamingFails("events", "networkHalfwayStep", "networkHalfway", "networkHalfway");
        assertRenamingFails("", "optimalLoss", "optimumLoss", "optimalLoss");
        assertRenamingFails("events", "maxDistanceStep", "maxDistanceAt", "maxDistanceStep");
    }

    private static void assertRenamingFails(String parent, String from, String to, String named) throws IOException {
        JsonNode document = recorded("trajectory-l2");
        ObjectNode holder = (ObjectNode) (parent.isEmpty() ? document : document.get(parent));
        holder.set(to, holder.remove(from));
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> read(document), from + " -> " + to);
        assertTrue(e.getMessage().contains("missing " + from) && e.getMessage().contains(to), e.getMessage());
    }

    @Test void aNullWhereANumberIsRequiredFails() throws IOException {
        ObjectNode document = (ObjectNode) recorded("trajectory-l2");
        ((ObjectNode) document.get("events")).putNull("maxDistanceStep");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> read(document));
        assertTrue(e.getMessage().contains("\"maxDistanceStep\""), e.getMessage());
    }

    @Test void anotherSchemaIsRefused() throws IOException {
        ObjectNode document = (ObjectNode) recorded("trajectory-l2");
        document.put("schema", "landscape/v1");
        assertThrows(ResultFormatException.class, () -> read(document));
    }
}
