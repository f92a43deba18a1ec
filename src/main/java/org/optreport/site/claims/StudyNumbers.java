package org.optreport.site.claims;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.optreport.errors.DidYouMean;
import org.optreport.report.output.StudyOutput;

/**
 * The numbers of the studies a build analysed, as claims see them: {@code study.name} is the study's number of that
 * name, or else its quoted value of that name if the value's text is a number.
 */
public final class StudyNumbers implements Numbers {
    private final Map<String, StudyOutput> outputs;

    /** @param outputs by study name */
    public StudyNumbers(Map<String, StudyOutput> outputs) {
        this.outputs = Map.copyOf(outputs);
    }

    @Override public OptionalDouble number(String name) {
        int dot = name.indexOf('.');
        StudyOutput output = dot < 0 ? null : outputs.get(name.substring(0, dot));
        if (output == null) return OptionalDouble.empty();
        String key = name.substring(dot + 1);
        Double exact = output.numbers().get(key);
        if (exact != null) return OptionalDouble.of(exact);
        String text = output.values().get(key);
        return text == null ? OptionalDouble.empty() : FormattedNumber.parse(text);
    }

    @Override public Set<String> names(String study) {
        Set<String> names = new TreeSet<>();
        StudyOutput output = outputs.get(study);
        if (output == null) return names;
        output.numbers().keySet().forEach(key -> names.add(study + "." + key));
        output.values().forEach((key, text) -> {
            if (FormattedNumber.parse(text).isPresent()) names.add(study + "." + key);
        });
        return names;
    }

    /** Why {@code name} is not a number, for the error message: a value that is text, or the names there are. */
    public String whyMissing(String name) {
        int dot = name.indexOf('.');
        String study = dot < 0 ? name : name.substring(0, dot);
        StudyOutput output = outputs.get(study);
        if (output == null) return "no study '" + study + "' ran in this build";
        String text = output.values().get(name.substring(dot + 1));
        if (text != null) return "its value '" + text + "' is not a number";
        Set<String> names = new TreeSet<>();
        for (String full : names(study)) names.add(full.substring(study.length() + 1));
        if (names.isEmpty()) return study + " has no numbers";
        return DidYouMean.closest(name.substring(dot + 1), names)
                .map(closest -> "did you mean '" + study + "." + closest + "'? `list " + study + "` shows all " + names.size() + " numbers")
                .orElse("the numbers of " + study + ": " + String.join(", ", names));
    }
}
