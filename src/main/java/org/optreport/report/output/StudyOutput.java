package org.optreport.report.output;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a study gives the site: figures, tables and values (formatted numbers quoted in the prose),
 * each under a short name that pages reference as {@code study.name}; warnings are shown on the pages
 * that use the study (for example a run that diverged).
 *
 * <p>{@code numbers} are the raw numbers that claims in the pages check ({@code {{claim landscape.x < 2}}}), unrounded.
 * Name a family of related numbers with a last part per member, e.g. {@code escapeStep.depth2}, {@code escapeStep.depth3},
 * so that a claim can say {@code all landscape.escapeStep.* > 100}. A value whose text is a number (2.12, 1.2×10⁻³)
 * serves claims too, rounded as printed; a number of the same name wins over it.
 */
public record StudyOutput(Map<String, Figure> figures, Map<String, Table> tables, Map<String, String> values,
                          Map<String, String> meanings, Map<String, Double> numbers, List<String> warnings) {
    /** Parts of letters, digits and '_' joined by dots: what a claim can name (a '-' would read as a minus). */
    private static final Pattern NUMBER_NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    /** {@code meanings}: one line per value saying what it is, for {@code list}; a value without one is refused. */
    public StudyOutput {
        figures = Map.copyOf(figures);
        tables = Map.copyOf(tables);
        values = Map.copyOf(values);
        meanings = Map.copyOf(meanings);
        numbers = Map.copyOf(numbers);
        warnings = List.copyOf(warnings);
        for (String name : values.keySet()) QuotedValues.checkedMeaning(name, meanings.get(name));
        for (String name : numbers.keySet())
            if (!NUMBER_NAME.matcher(name).matches())
                throw new IllegalArgumentException("number name '" + name + "': a claim could not name it "
                        + "(parts of letters, digits and '_', joined by dots)");
    }

    public StudyOutput(Map<String, Figure> figures, Map<String, Table> tables, QuotedValues values, Map<String, Double> numbers,
                       List<String> warnings) {
        this(figures, tables, values.texts(), values.meanings(), numbers, warnings);
    }

    /** Without numbers for claims. */
    public StudyOutput(Map<String, Figure> figures, Map<String, Table> tables, QuotedValues values, List<String> warnings) {
        this(figures, tables, values, Map.of(), warnings);
    }
}
