package org.optreport.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optreport.build.RunCache;
import org.optreport.errors.InputException;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;

/**
 * A study's figures, tables and values as the build would give them, from the runs the cache already holds: nothing is
 * ever computed, so that looking at what a study offers costs seconds, not the minutes of its runs. A run the cache
 * lacks (or holds damaged) leaves the study not computed.
 */
public final class CachedAnalysis {
    /** What can be said of a study's output without running anything. */
    public sealed interface Outcome permits Analysed, NotComputed, Unavailable {}

    /** Every run was in the cache: the output the build would render. */
    public record Analysed(StudyOutput output) implements Outcome {}

    /** {@code missing} of the study's {@code total} runs are not in the cache. */
    public record NotComputed(int missing, int total) implements Outcome {}

    /** The study cannot be planned or analysed: a bad setting in report.yaml, or results its analysis refused. */
    public record Unavailable(String reason) implements Outcome {}

    private final ExperimentRegistry experiments;
    private final RunCache cache;

    public CachedAnalysis(ExperimentRegistry experiments, RunCache cache) {
        this.experiments = experiments;
        this.cache = cache;
    }

    public <P> Outcome of(Study<P> study, StudyConfig config) {
        RunPlan runs = new RunPlan();
        P plan;
        try {
            plan = study.plan(config, runs);
            for (String key : config.unreadKeys()) throw config.unknownKey(key);
        } catch (InputException e) {
            return new Unavailable(e.getMessage());
        }
        Map<RunRequest, JsonNode> stored = new LinkedHashMap<>();
        List<RunRequest> missing = new ArrayList<>();
        try {
            for (RunRequest request : runs.requests().stream().distinct().toList()) {
                Optional<JsonNode> result = stored(request);
                if (result.isPresent()) stored.put(request, result.get());
                else missing.add(request);
            }
        } catch (InputException e) { // a setting the experiment refuses: the build would stop on it too
            return new Unavailable(e.getMessage());
        }
        if (!missing.isEmpty()) return new NotComputed(missing.size(), missing.size() + stored.size());
        try {
            return new Analysed(study.analyze(plan, new RunResults(stored)));
        } catch (RuntimeException e) { // as the build would fail on these results: said, not thrown, so the other studies still list
            return new Unavailable("its cached results could not be analysed: " + e.getMessage());
        }
    }

    /** The cached result of one run, if the cache holds it intact (a damaged entry is set aside, as a build would). */
    private Optional<JsonNode> stored(RunRequest request) {
        Experiment experiment = experiments.get(request.experiment());
        Parameters parameters = Parameters.of(experiment.name(), experiment.parameters(), request.parameters());
        return cache.load(experiment.name(), cache.key(experiment, parameters.asMap()), parameters.asMap(), message -> {});
    }
}
