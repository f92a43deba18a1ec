package org.optreport.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An experiment's parameters: its declared defaults overridden by KEY=VALUE pairs, with typed, range-checked
 * access. Unknown keys are rejected when the parameters are made, so a typo never silently runs the default.
 */
public final class Parameters {
    private final String experiment;
    private final SortedMap<String, String> values;

    private Parameters(String experiment, SortedMap<String, String> values) {
        this.experiment = experiment;
        this.values = values;
    }

    /** The defaults of {@code specs} overridden by {@code overrides}; an override of an undeclared key fails. */
    public static Parameters of(String experiment, List<ParameterSpec> specs, Map<String, String> overrides) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (ParameterSpec s : specs) defaults.put(s.key(), s.defaultValue());
        SortedMap<String, String> values = new TreeMap<>(defaults);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!defaults.containsKey(e.getKey()))
                throw new ParameterException("unknown parameter '" + e.getKey() + "' for experiment " + experiment
                        + " (known: " + String.join(", ", new TreeMap<>(defaults).keySet()) + ")");
            values.put(e.getKey(), e.getValue());
        }
        return new Parameters(experiment, values);
    }

    /** All values, defaults included, in key order: the canonical form that result files record and caches hash. */
    public SortedMap<String, String> asMap() { return Collections.unmodifiableSortedMap(values); }

    public String experiment() { return experiment; }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalStateException("parameter " + key + " is not declared by " + experiment);
        return v.trim();
    }

    public int integer(String key, int min, int max) {
        String raw = string(key);
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) throw ParameterException.invalid(key, raw, "an integer in [" + min + ", " + max + "]");
            return v;
        } catch (NumberFormatException e) {
            throw ParameterException.invalid(key, raw, "an integer in [" + min + ", " + max + "]");
        }
    }

    /** A sample count: "all" (returned as 0) or an integer of at least {@code min}. */
    public int samplesOrAll(String key, int min) {
        return string(key).equals("all") ? 0 : integer(key, min, Integer.MAX_VALUE);
    }

    public long seed(String key) {
        String raw = string(key);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ParameterException.invalid(key, raw, "an integer seed");
        }
    }

    /** A finite number in (minExclusive, max]. */
    public double real(String key, double minExclusive, double max) {
        String raw = string(key);
        String allowed = "a number in (" + minExclusive + ", " + max + "]";
        try {
            double v = Double.parseDouble(raw);
            if (!(v > minExclusive && v <= max) || !Double.isFinite(v)) throw ParameterException.invalid(key, raw, allowed);
            return v;
        } catch (NumberFormatException e) {
            throw ParameterException.invalid(key, raw, allowed);
        }
    }

    /** A finite number in the open interval (minExclusive, maxExclusive), for bounds a value may approach but not reach. */
    public double realInOpenInterval(String key, double minExclusive, double maxExclusive) {
        String raw = string(key);
        String allowed = "a number in (" + minExclusive + ", " + maxExclusive + ")";
        try {
            double v = Double.parseDouble(raw);
            if (!(v > minExclusive && v < maxExclusive) || !Double.isFinite(v)) throw ParameterException.invalid(key, raw, allowed);
            return v;
        } catch (NumberFormatException e) {
            throw ParameterException.invalid(key, raw, allowed);
        }
    }

    public int[] integers(String key, int min, int max) {
        String raw = string(key);
        String allowed = "a comma-separated list of integers in [" + min + ", " + max + "]";
        List<Integer> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            try {
                int v = Integer.parseInt(part.trim());
                if (v < min || v > max) throw ParameterException.invalid(key, raw, allowed);
                out.add(v);
            } catch (NumberFormatException e) {
                throw ParameterException.invalid(key, raw, allowed);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public String choice(String key, String... allowed) {
        String raw = string(key);
        if (!Arrays.asList(allowed).contains(raw)) throw ParameterException.invalid(key, raw, "one of " + String.join(", ", allowed));
        return raw;
    }

    @Override public String toString() { return experiment + " " + values; }
}
