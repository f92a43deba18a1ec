package org.optreport.experiment;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One experiment run a study needs: the experiment's name and its parameters (KEY=VALUE, as on the command line). */
public record RunRequest(String experiment, SortedMap<String, String> parameters) {
    public RunRequest {
        parameters = new TreeMap<>(parameters);
    }

    public static RunRequest of(String experiment, Map<String, String> parameters) {
        return new RunRequest(experiment, new TreeMap<>(parameters));
    }

    @Override public SortedMap<String, String> parameters() { return new TreeMap<>(parameters); }

    /** Human-readable, stable: {@code landscape depth=2 seed=1}. */
    @Override public String toString() {
        StringBuilder s = new StringBuilder(experiment);
        parameters.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }
}
