package org.optreport.report.output;

import java.util.List;
import java.util.Map;

/**
 * What a study gives the site: figures, tables and values (formatted numbers quoted in the prose),
 * each under a short name that pages reference as {@code study.name}; warnings are shown on the pages
 * that use the study (for example a run that diverged).
 */
public record StudyOutput(Map<String, Figure> figures, Map<String, Table> tables, Map<String, String> values, List<String> warnings) {
    public StudyOutput {
        figures = Map.copyOf(figures);
        tables = Map.copyOf(tables);
        values = Map.copyOf(values);
        warnings = List.copyOf(warnings);
    }
}
