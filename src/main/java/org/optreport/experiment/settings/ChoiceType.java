package org.optreport.experiment.settings;

import java.util.List;

/** One of a few words, matched exactly (after trimming). */
record ChoiceType(List<String> choices) implements SettingType<String> {
    ChoiceType {
        if (choices.isEmpty()) throw new IllegalArgumentException("a choice needs at least one word");
        choices = List.copyOf(choices);
    }

    @Override public String parse(String text) {
        String word = text.trim();
        if (!choices.contains(word)) throw new InvalidValueException(allowed());
        return word;
    }

    @Override public String format(String value) { return value; }

    @Override public String allowed() { return "one of " + String.join(", ", choices); }
}
