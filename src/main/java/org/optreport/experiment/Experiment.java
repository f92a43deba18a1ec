package org.optreport.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.optreport.experiment.settings.Setting;

/**
 * One experiment of the report: a pure function from parameters to a result document (the JSON contract in
 * docs/results-format.md). Same parameters, same numbers: all randomness comes from the seed parameters.
 */
public interface Experiment {
    /** The name used on the command line and in result files ({@code landscape}, {@code trajectory}, ...). */
    String name();

    /**
     * Every key this experiment accepts, declared once with its default (the report's default), its allowed values
     * and a description; {@link #run} and {@link #cost} read them with {@link Parameters#get}, {@code run --help}
     * lists them.
     */
    List<Setting<?>> parameters();

    /**
     * True when the run must have the machine to itself (benchmarks): the build runs it after all other runs,
     * alone, instead of in parallel with them.
     */
    default boolean exclusive() { return false; }

    /**
     * What a run with these parameters will need, heap and time, estimated from the parameters and the dataset's
     * shape without running it: {@link RunLimits#check} calls it to refuse, before they start, runs that cannot
     * finish. Reads the parameters with the same checks as {@link #run}, so a bad value fails here the same way.
     * Every experiment of the report overrides it; the default (no estimate, so no limit applies) is for test doubles.
     */
    default RunCost cost(Parameters parameters) { return RunCost.NOT_ESTIMATED; }

    /**
     * Where the run cache's code fingerprint starts: it covers every class these reach through their class files.
     * An experiment whose code is loaded by name (JMH's benchmark classes) adds that code here.
     */
    default List<Class<?>> codeRoots() { return List.of(getClass()); }

    /** Runs the experiment. {@code progress} receives short human-readable updates; it may be ignored. */
    ObjectNode run(Parameters parameters, Progress progress);

    /** Receives progress messages from long runs. */
    @FunctionalInterface
    interface Progress {
        void report(String message);

        Progress SILENT = message -> { };
    }
}
