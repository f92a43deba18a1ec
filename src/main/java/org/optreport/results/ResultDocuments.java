package org.optreport.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Result records to and from their JSON documents (docs/results-format.md). Reading is strict: every field of the
 * document must be declared by the record and every field of the record must be in the document (a renamed or dropped
 * field fails here, naming it, instead of as a missing value minutes later; a field that does not apply is written as
 * null, never left out), and no required number may be null. Record components are written in declaration order.
 */
public final class ResultDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .addMixIn(Record.class, StoredEnvelope.class);

    /** The field the build adds to a stored result (build.RunScheduler): the cache's own bookkeeping, not the run's result. */
    @JsonIgnoreProperties({"cacheKey"})
    private abstract static class StoredEnvelope {}

    private ResultDocuments() {}

    /** The document as {@code type}; {@code what} names the run in errors. */
    public static <T> T read(JsonNode document, Class<T> type, String what) {
        if (type == JsonNode.class) return type.cast(document);
        Schema schema = type.getAnnotation(Schema.class);
        if (schema != null && !schema.value().equals(document.path("schema").asText(null)))
            throw new ResultFormatException(what + ": expected a " + schema.value() + " result, found schema "
                    + document.path("schema"), null);
        try {
            return MAPPER.treeToValue(document, type);
        } catch (Exception e) {
            String why = FieldMismatch.find(document, type).orElse(e.getMessage());
            throw new ResultFormatException(what + ": the result does not match " + type.getSimpleName() + ": " + why, e);
        }
    }

    /** The record as a document, the form the cache and result files store. */
    public static ObjectNode write(Object record) {
        return MAPPER.valueToTree(record);
    }
}
