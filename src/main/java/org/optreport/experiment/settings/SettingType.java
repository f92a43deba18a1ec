package org.optreport.experiment.settings;

import java.util.List;
import java.util.Optional;

/**
 * The values a setting may take, and their text: how a value is read from a command-line parameter or a
 * report.yaml entry, how it is written back (the canonical text that result files record and run caches key on),
 * and, for errors and help, what is allowed.
 */
public interface SettingType<T> {
    /** The value written as {@code text} (surrounding spaces ignored). */
    T parse(String text) throws InvalidValueException;

    /** The canonical text of {@code value}: {@code parse(format(v))} equals {@code v}. */
    String format(T value);

    /** What is allowed, e.g. {@code an integer in [1, 64]}, as the end of "expected ...". */
    String allowed();

    /** An integer in [min, max]. */
    static SettingType<Integer> integer(int min, int max) { return new IntegerType(min, max); }

    /** Any integer of 64 bits, read as a random seed. */
    static SettingType<Long> seed() { return new SeedType(); }

    /** A finite number in {@code interval}. */
    static SettingType<Double> real(Interval interval) { return new RealType(interval); }

    /** One of the words {@code choices}, matched exactly. */
    static SettingType<String> choice(String... choices) { return new ChoiceType(List.of(choices)); }

    /** Any text: a dataset name or path, a column name, a description. */
    static SettingType<String> text() { return new TextType(); }

    /** Comma-separated names (columns of a CSV file, say), at least one, none empty; YAML's brackets are allowed around them. */
    static SettingType<List<String>> names() {
        return new ListType<>(new NameType(), "a comma-separated list of names");
    }

    /** Comma-separated integers in [min, max], at least one; YAML's brackets are allowed around them. */
    static SettingType<List<Integer>> integers(int min, int max) {
        IntegerType element = new IntegerType(min, max);
        return new ListType<>(element, "a comma-separated list of integers" + element.bounds());
    }

    /** Comma-separated numbers in {@code interval}, at least one; YAML's brackets are allowed around them. */
    static SettingType<List<Double>> reals(Interval interval) {
        return new ListType<>(new RealType(interval), "a comma-separated list of numbers " + interval.describe());
    }

    /**
     * The word {@code word} (an empty value: "all" samples, an "auto" learning rate, the caller decides what it
     * means) or a value of {@code type}.
     */
    static <T> SettingType<Optional<T>> wordOr(String word, SettingType<T> type) { return new WordOrType<>(word, type); }
}
