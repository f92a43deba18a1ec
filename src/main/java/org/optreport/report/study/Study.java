package org.optreport.report.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.StudyOutput;

/**
 * The analysis behind one page of the report: which experiment runs it needs (given its configuration)
 * and how their result files become figures, tables and quoted values. Pure: no files, no HTML.
 */
public interface Study {
    /** The prefix pages use to reference this study's output, e.g. {@code landscape} in {@code landscape.loss}. */
    String name();

    /**
     * Every setting this study reads from its section of content/report.yaml, declared once with its defaults and
     * what it allows; the file's commented defaults are checked against these.
     */
    List<Setting<?>> settings();

    /** The runs this study needs. Reads its settings from {@code config}; unknown keys are reported by the caller. */
    List<RunRequest> runs(StudyConfig config);

    /**
     * True for runs that probe for instability on purpose (a learning-rate grid searching for the largest stable
     * rate): their divergence is part of the finding, analysed by the study, so the build neither warns about it
     * nor fails under --strict. Every other diverged run is reported.
     */
    default boolean divergenceExpected(StudyConfig config, RunRequest request) { return false; }

    /** Turns the results of {@link #runs} (keyed by request) into what the pages show. */
    StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results);
}
