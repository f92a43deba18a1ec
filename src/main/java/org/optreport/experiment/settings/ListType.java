package org.optreport.experiment.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values of one type, at least one. Brackets around them are ignored: a YAML list arrives as
 * {@code 2,3}, but a quoted {@code "[2, 3]"} arrives with its brackets.
 */
record ListType<T>(SettingType<T> element, String allowed) implements SettingType<List<T>> {
    @Override public List<T> parse(String text) {
        List<T> values = new ArrayList<>();
        for (String part : text.replace("[", "").replace("]", "").split(",")) {
            try {
                values.add(element.parse(part));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(allowed);
            }
        }
        if (values.isEmpty()) throw new InvalidValueException(allowed); // "," splits into nothing
        return List.copyOf(values);
    }

    @Override public String format(List<T> value) {
        List<String> parts = new ArrayList<>();
        for (T v : value) parts.add(element.format(v));
        return String.join(",", parts);
    }
}
