package org.optreport.report.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A study's settings from the report configuration file ({@code content/report.yaml}, section named after
 * the study), each read with its default, its quick-build default and its allowed range. Every error names
 * the file, the key and what is allowed.
 */
public final class StudyConfig {
    private final String study;
    private final Map<String, String> values;
    private final Path file;
    private final boolean quick;
    private final Set<String> read = new HashSet<>();

    public StudyConfig(String study, Map<String, String> values, Path file, boolean quick) {
        this.study = study;
        this.values = new TreeMap<>(values);
        this.file = file;
        this.quick = quick;
    }

    /** An empty configuration (all defaults), for tests and for studies with no section in the file. */
    public static StudyConfig defaults(String study, boolean quick) {
        return new StudyConfig(study, Map.of(), Path.of("report.yaml"), quick);
    }

    public boolean quick() { return quick; }
    public String study() { return study; }

    public int integer(String key, int full, int quickDefault, int min, int max) {
        String raw = raw(key);
        if (raw == null) return quick ? quickDefault : full;
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) throw fail(key, raw, "an integer in [" + min + ", " + max + "]");
            return v;
        } catch (NumberFormatException e) {
            throw fail(key, raw, "an integer in [" + min + ", " + max + "]");
        }
    }

    /** A real number in the open-or-closed range (minExclusive, max]. */
    public double real(String key, double full, double quickDefault, double minExclusive, double max) {
        String raw = raw(key);
        if (raw == null) return quick ? quickDefault : full;
        String allowed = "a number in (" + minExclusive + ", " + max + "]";
        try {
            double v = Double.parseDouble(raw.trim());
            if (!(v > minExclusive && v <= max)) throw fail(key, raw, allowed);
            return v;
        } catch (NumberFormatException e) {
            throw fail(key, raw, allowed);
        }
    }

    public List<Integer> integers(String key, List<Integer> full, List<Integer> quickDefault, int min, int max) {
        String raw = raw(key);
        if (raw == null) return quick ? quickDefault : full;
        String allowed = "a comma-separated list of integers in [" + min + ", " + max + "]";
        List<Integer> out = new ArrayList<>();
        for (String part : raw.replace("[", "").replace("]", "").split(",")) {
            try {
                int v = Integer.parseInt(part.trim());
                if (v < min || v > max) throw fail(key, raw, allowed);
                out.add(v);
            } catch (NumberFormatException e) {
                throw fail(key, raw, allowed);
            }
        }
        if (out.isEmpty()) throw fail(key, raw, allowed);
        return out;
    }

    public List<Double> reals(String key, List<Double> full, List<Double> quickDefault, double minExclusive, double max) {
        String raw = raw(key);
        if (raw == null) return quick ? quickDefault : full;
        String allowed = "a comma-separated list of numbers in (" + minExclusive + ", " + max + "]";
        List<Double> out = new ArrayList<>();
        for (String part : raw.replace("[", "").replace("]", "").split(",")) {
            try {
                double v = Double.parseDouble(part.trim());
                if (!(v > minExclusive && v <= max)) throw fail(key, raw, allowed);
                out.add(v);
            } catch (NumberFormatException e) {
                throw fail(key, raw, allowed);
            }
        }
        if (out.isEmpty()) throw fail(key, raw, allowed);
        return out;
    }

    public String choice(String key, String full, String quickDefault, String... allowed) {
        String raw = raw(key);
        if (raw == null) return quick ? quickDefault : full;
        if (!Arrays.asList(allowed).contains(raw.trim())) throw fail(key, raw, "one of " + String.join(", ", allowed));
        return raw.trim();
    }

    /** Keys present in the file that the study never read: typos, reported by the build as errors. */
    public Set<String> unreadKeys() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    public ConfigException unknownKey(String key) {
        return new ConfigException(file, study + "." + key, "unknown key for study '" + study + "'");
    }

    private String raw(String key) {
        read.add(key);
        return values.get(key);
    }

    private ConfigException fail(String key, String raw, String allowed) {
        return new ConfigException(file, study + "." + key, "'" + raw + "' is not allowed: expected " + allowed);
    }
}
