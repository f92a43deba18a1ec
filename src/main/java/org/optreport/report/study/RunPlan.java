package org.optreport.report.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.RunRequest;

/** The runs one study needs, collected while it plans; each added run returns the handle that reads its result. */
public final class RunPlan {
    private final List<Run<?>> runs = new ArrayList<>();

    /** A run whose divergence is a failure the build reports. */
    public <T> Run<T> add(Class<T> resultType, String experiment, Map<String, String> parameters) {
        return register(new Run<>(RunRequest.of(experiment, parameters), resultType, false));
    }

    /** A run that probes for instability: its divergence is expected and analysed by the study. */
    public <T> Run<T> addProbe(Class<T> resultType, String experiment, Map<String, String> parameters) {
        return register(new Run<>(RunRequest.of(experiment, parameters), resultType, true));
    }

    private <T> Run<T> register(Run<T> run) {
        runs.add(run);
        return run;
    }

    /** Every run in the order added (a request added twice is run once by the scheduler). */
    public List<Run<?>> runs() { return Collections.unmodifiableList(runs); }

    public List<RunRequest> requests() { return runs.stream().map(Run::request).toList(); }
}
