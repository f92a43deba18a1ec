package org.optreport.report.study;

import java.util.List;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.StudyOutput;

/**
 * The analysis behind one page of the report: which experiment runs it needs (given its configuration) and how their
 * results become figures, tables and quoted values. Pure: no files, no HTML.
 *
 * @param <P> what the plan hands to the analysis: typically a record of the settings read and the {@link Run} handles
 */
public interface Study<P> {
    /** The prefix pages use to reference this study's output, e.g. {@code landscape} in {@code landscape.loss}. */
    String name();

    /**
     * Every setting this study reads from its section of content/report.yaml, declared once with its defaults and
     * what it allows; the file's commented defaults are checked against these.
     */
    List<Setting<?>> settings();

    /** Reads the settings from {@code config} and adds the runs it needs to {@code runs}; unknown keys are reported by the caller. */
    P plan(StudyConfig config, RunPlan runs);

    /** Turns the results of the planned runs into what the pages show. */
    StudyOutput analyze(P plan, RunResults results);
}
