package org.optreport.report.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.optreport.experiment.RunRequest;
import org.optreport.results.ResultDocuments;

/** The results of the runs a study planned, read through the handles its plan returned. */
public final class RunResults {
    /**
     * A run's result read as its record, with what every schema shares: whether the run diverged, and why.
     *
     * @param divergence the run's sentence about its divergence, or null
     */
    public record Read(Object result, boolean diverged, String divergence) {
        /** Reads {@code document} strictly as a {@code type} ({@link ResultDocuments}); {@code what} names it in errors. */
        public static Read of(JsonNode document, Class<?> type, String what) {
            return new Read(ResultDocuments.read(document, type, what), document.path("diverged").asBoolean(false),
                    document.path("divergence").isTextual() ? document.get("divergence").asText() : null);
        }
    }

    private final Map<RunRequest, JsonNode> documents;
    private final Map<RunRequest, Read> read = new ConcurrentHashMap<>();

    /** Results still to be read, each when a study first asks for it. */
    public RunResults(Map<RunRequest, JsonNode> documents) {
        this.documents = Map.copyOf(documents);
    }

    /**
     * Results already read (the build reads each as it is loaded, then drops its JSON tree, which holds every number
     * in an object of its own: several times the record's size, for every run of the report at once).
     */
    public static RunResults ofRead(Map<RunRequest, Read> read) {
        RunResults results = new RunResults(Map.of());
        results.read.putAll(read);
        return results;
    }

    /** The run's result as its record (read once). */
    public <T> T get(Run<T> run) {
        return run.resultType().cast(read(run).result());
    }

    /** The results of {@code runs}, in order. */
    public <T> List<T> get(List<Run<T>> runs) {
        return runs.stream().map(this::get).toList();
    }

    /** Whether the run diverged (every schema says so the same way). */
    public boolean diverged(Run<?> run) { return read(run).diverged(); }

    /** The run's sentence about its divergence, if it wrote one. */
    public Optional<String> divergence(Run<?> run) { return Optional.ofNullable(read(run).divergence()); }

    private Read read(Run<?> run) {
        Read known = read.get(run.request());
        if (known != null) return known;
        JsonNode document = documents.get(run.request());
        if (document == null) throw new IllegalStateException("no result for the planned run " + run);
        Read result = Read.of(document, run.resultType(), run.toString());
        read.put(run.request(), result);
        return result;
    }
}
