package org.optreport.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** Reading and writing result documents: matrices are arrays of rows, numbers are doubles printed in full. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() { return NODES.objectNode(); }

    public static ArrayNode array(double[] values) {
        ArrayNode a = NODES.arrayNode(values.length);
        for (double v : values) a.add(v);
        return a;
    }

    public static ArrayNode array(int[] values) {
        ArrayNode a = NODES.arrayNode(values.length);
        for (int v : values) a.add(v);
        return a;
    }

    public static ArrayNode array(List<? extends Number> values) {
        ArrayNode a = NODES.arrayNode(values.size());
        for (Number v : values) a.add(v.doubleValue());
        return a;
    }

    public static ArrayNode matrix(DMatrixRMaj m) {
        ArrayNode rows = NODES.arrayNode(m.numRows);
        for (int i = 0; i < m.numRows; i++) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < m.numCols; j++) row.add(m.unsafe_get(i, j));
        }
        return rows;
    }

    public static ArrayNode matrix(double[][] m) {
        ArrayNode rows = NODES.arrayNode(m.length);
        for (double[] r : m) rows.add(array(r));
        return rows;
    }

    public static ArrayNode matrices(List<DMatrixRMaj> ms) {
        ArrayNode a = NODES.arrayNode(ms.size());
        for (DMatrixRMaj m : ms) a.add(matrix(m));
        return a;
    }

    public static ObjectNode parameters(Map<String, String> parameters) {
        ObjectNode o = object();
        parameters.forEach(o::put);
        return o;
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    public static DMatrixRMaj toMatrix(JsonNode rows) {
        int r = rows.size(), c = r == 0 ? 0 : rows.get(0).size();
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) m.unsafe_set(i, j, rows.get(i).get(j).asDouble());
        return m;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }
}
