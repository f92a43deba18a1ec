package org.optreport.report.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.RunRequest;
import org.optreport.results.ResultDocuments;

/** The results of the runs a study planned, read through the handles its plan returned. */
public final class RunResults {
    private final Map<RunRequest, JsonNode> documents;
    private final Map<Run<?>, Object> read = new HashMap<>();

    public RunResults(Map<RunRequest, JsonNode> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** The run's result as its record (read once). */
    public <T> T get(Run<T> run) {
        Object cached = read.get(run);
        if (cached != null) return run.resultType().cast(cached);
        JsonNode document = documents.get(run.request());
        if (document == null) throw new IllegalStateException("no result for the planned run " + run);
        T result = ResultDocuments.read(document, run.resultType(), run.toString());
        read.put(run, result);
        return result;
    }

    /** The results of {@code runs}, in order. */
    public <T> List<T> get(List<Run<T>> runs) {
        return runs.stream().map(this::get).toList();
    }

    /** The document as stored, for what every schema shares (divergence): see {@code SiteBuilder}. */
    public JsonNode document(Run<?> run) {
        JsonNode document = documents.get(run.request());
        if (document == null) throw new IllegalStateException("no result for the planned run " + run);
        return document;
    }
}
