package org.optreport.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a document's fields and its record's components first disagree, in words: "at events: missing escapeStep;
 * not in the record: escapeHalfwayStep". Jackson reports one side of a rename only (the missing or the unknown name,
 * whichever it meets first); a reader fixing the writer needs both.
 */
final class FieldMismatch {
    private FieldMismatch() {}

    static Optional<String> find(JsonNode node, Type type) {
        return find(node, type, "the document");
    }

    private static Optional<String> find(JsonNode node, Type type, String where) {
        if (node == null || node.isNull()) return Optional.empty();
        Class<?> raw = raw(type);
        if (raw != null && raw.isRecord() && node.isObject()) {
            Set<String> declared = new LinkedHashSet<>();
            for (RecordComponent c : raw.getRecordComponents()) declared.add(c.getName());
            Set<String> present = new LinkedHashSet<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) present.add(names.next());
            present.remove("cacheKey"); // the build's bookkeeping, ignored by the reader
            List<String> missing = new ArrayList<>(declared);
            missing.removeAll(present);
            List<String> unknown = new ArrayList<>(present);
            unknown.removeAll(declared);
            if (!missing.isEmpty() || !unknown.isEmpty())
                return Optional.of("at " + where + ": " + (missing.isEmpty() ? "" : "missing " + String.join(", ", missing))
                        + (missing.isEmpty() || unknown.isEmpty() ? "" : "; ")
                        + (unknown.isEmpty() ? "" : "not in " + raw.getSimpleName() + ": " + String.join(", ", unknown)));
            for (RecordComponent c : raw.getRecordComponents()) {
                Optional<String> inner = find(node.get(c.getName()), c.getGenericType(), where.equals("the document") ? c.getName() : where + "." + c.getName());
                if (inner.isPresent()) return inner;
            }
        } else if (node.isArray()) {
            Type element = element(type);
            if (element != null)
                for (int i = 0; i < node.size(); i++) {
                    Optional<String> inner = find(node.get(i), element, where + "[" + i + "]");
                    if (inner.isPresent()) return inner;
                }
        }
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return null;
    }

    private static Type element(Type type) {
        if (type instanceof Class<?> c && c.isArray()) return c.getComponentType();
        if (type instanceof GenericArrayType g) return g.getGenericComponentType();
        if (type instanceof ParameterizedType p && List.class.isAssignableFrom((Class<?>) p.getRawType())) return p.getActualTypeArguments()[0];
        return null;
    }
}
