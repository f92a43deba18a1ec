package org.optreport.experiment;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.optreport.experiment.settings.InvalidValueException;
import org.optreport.experiment.settings.Setting;

/**
 * An experiment's parameters: its declared defaults overridden by KEY=VALUE pairs, each read as its {@link Setting}
 * declares. Unknown keys are rejected when the parameters are made, so a typo never silently runs the default; a
 * value is checked when it is read, and a bad one is a {@link ParameterException} naming the key, the value and
 * what is allowed.
 */
public final class Parameters {
    private final String experiment;
    private final Map<String, Setting<?>> declared;
    private final SortedMap<String, String> values;

    private Parameters(String experiment, Map<String, Setting<?>> declared, SortedMap<String, String> values) {
        this.experiment = experiment;
        this.declared = declared;
        this.values = values;
    }

    /** The defaults of {@code settings} overridden by {@code overrides}; an override of an undeclared key fails. */
    public static Parameters of(String experiment, List<Setting<?>> settings, Map<String, String> overrides) {
        Map<String, Setting<?>> declared = new TreeMap<>();
        SortedMap<String, String> values = new TreeMap<>();
        for (Setting<?> s : settings) {
            if (declared.put(s.key(), s) != null) throw new IllegalArgumentException(experiment + " declares " + s.key() + " twice");
            values.put(s.key(), s.defaultText());
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!declared.containsKey(e.getKey()))
                throw new ParameterException("unknown parameter '" + e.getKey() + "' for experiment " + experiment
                        + " (known: " + String.join(", ", declared.keySet()) + ")");
            values.put(e.getKey(), e.getValue());
        }
        return new Parameters(experiment, declared, values);
    }

    /** All values as text, defaults included, in key order: the canonical form that result files record and caches hash. */
    public SortedMap<String, String> asMap() { return Collections.unmodifiableSortedMap(values); }

    public String experiment() { return experiment; }

    /** The value of {@code setting}, which the experiment must have declared. */
    public <T> T get(Setting<T> setting) {
        if (!setting.equals(declared.get(setting.key())))
            throw new IllegalStateException("parameter " + setting.key() + " is read with a setting " + experiment + " does not declare");
        String raw = string(setting.key());
        try {
            return setting.parse(raw);
        } catch (InvalidValueException e) {
            throw ParameterException.invalid(setting.key(), raw, e.allowed());
        }
    }

    /** The text of a declared key, trimmed: for messages that quote what was given. */
    public String string(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalStateException("parameter " + key + " is not declared by " + experiment);
        return v.trim();
    }

    @Override public String toString() { return experiment + " " + values; }
}
