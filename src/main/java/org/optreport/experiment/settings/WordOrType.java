package org.optreport.experiment.settings;

import java.util.Optional;

/** A word standing for "no value given" ({@code all}, {@code auto}), or a value of another type. */
record WordOrType<T>(String word, SettingType<T> value) implements SettingType<Optional<T>> {
    @Override public Optional<T> parse(String text) {
        if (text.trim().equals(word)) return Optional.empty();
        try {
            return Optional.of(value.parse(text));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(allowed());
        }
    }

    @Override public String format(Optional<T> v) { return v.map(value::format).orElse(word); }

    @Override public String allowed() { return word + " or " + value.allowed(); }
}
