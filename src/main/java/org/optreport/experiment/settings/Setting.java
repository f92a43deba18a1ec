package org.optreport.experiment.settings;

import java.util.Objects;

/**
 * One setting, declared once: its key, the values it takes, its default, the default of a quick build, and a
 * one-line description. Experiments declare their parameters this way (they have one default) and studies their
 * report.yaml settings; both read them through the same {@link SettingType}, so a value means, and is refused,
 * the same way everywhere.
 *
 * <pre>{@code
 * static final Setting<Integer> SEEDS = Setting.of("seeds", SettingType.integer(1, 100), 5, "seeds per depth").withQuickDefault(2);
 * }</pre>
 */
public record Setting<T>(String key, SettingType<T> type, T defaultValue, T quickDefault, String description) {
    public Setting {
        Objects.requireNonNull(key);
        Objects.requireNonNull(type);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(quickDefault);
        Objects.requireNonNull(description);
    }

    /** A setting whose quick default is its default. */
    public static <T> Setting<T> of(String key, SettingType<T> type, T defaultValue, String description) {
        return new Setting<>(key, type, defaultValue, defaultValue, description);
    }

    /** The same setting (key, values, description) with another default, in full and quick builds alike. */
    public Setting<T> withDefault(T value) { return new Setting<>(key, type, value, value, description); }

    /** The same setting with another default for quick builds. */
    public Setting<T> withQuickDefault(T quick) { return new Setting<>(key, type, defaultValue, quick, description); }

    /** The default of a full build, or of a quick one. */
    public T defaultValue(boolean quick) { return quick ? quickDefault : defaultValue; }

    /** The value written as {@code text}. */
    public T parse(String text) throws InvalidValueException { return type.parse(text); }

    /** The canonical text of the default: what a run records for a parameter nobody gave. */
    public String defaultText() { return type.format(defaultValue); }

    public String quickDefaultText() { return type.format(quickDefault); }

    /** What is allowed, e.g. {@code an integer in [1, 64]}. */
    public String allowed() { return type.allowed(); }
}
