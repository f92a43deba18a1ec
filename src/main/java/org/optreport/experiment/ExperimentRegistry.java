package org.optreport.experiment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every experiment the report can run, by name. */
public final class ExperimentRegistry {
    private final Map<String, Experiment> byName = new TreeMap<>();

    public ExperimentRegistry(List<Experiment> experiments) {
        for (Experiment e : experiments) byName.put(e.name(), e);
    }

    /** The report's experiments. */
    public static ExperimentRegistry standard() {
        return new ExperimentRegistry(List.of(new NonconvexityExperiment(), new LandscapeExperiment(), new TrajectoryExperiment(),
                new UltrawideExperiment(), new BenchmarksExperiment(), new StableStepSearch()));
    }

    public Experiment get(String name) {
        Experiment e = byName.get(name);
        if (e == null) throw new ParameterException("unknown experiment '" + name + "' (known: " + String.join(", ", byName.keySet()) + ")");
        return e;
    }

    public List<String> names() { return List.copyOf(byName.keySet()); }
}
