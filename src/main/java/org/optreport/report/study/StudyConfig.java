package org.optreport.report.study;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.optreport.errors.DidYouMean;
import org.optreport.experiment.settings.InvalidValueException;
import org.optreport.experiment.settings.Setting;

/**
 * A study's settings from the report configuration file ({@code content/report.yaml}, section named after
 * the study), each read as its {@link Setting} declares: its default, its quick-build default and what it allows.
 * Every error names the file, the key and what is allowed.
 */
public final class StudyConfig {
    private final String study;
    private final Map<String, String> values;
    /** The line of each key in the file, where known. */
    private final Map<String, Integer> lines;
    private final Path file;
    private final boolean quick;
    private final Set<String> read = new HashSet<>();

    public StudyConfig(String study, Map<String, String> values, Path file, boolean quick) {
        this(study, values, Map.of(), file, quick);
    }

    /** {@code lines}: the line of each key in {@code file}, for errors. */
    public StudyConfig(String study, Map<String, String> values, Map<String, Integer> lines, Path file, boolean quick) {
        this.study = study;
        this.values = new TreeMap<>(values);
        this.lines = Map.copyOf(lines);
        this.file = file;
        this.quick = quick;
    }

    /** An empty configuration (all defaults), for tests and for studies with no section in the file. */
    public static StudyConfig defaults(String study, boolean quick) {
        return new StudyConfig(study, Map.of(), Path.of("report.yaml"), quick);
    }

    public boolean quick() { return quick; }
    /** The configuration file: relative paths in it are relative to its folder. */
    public Path file() { return file; }
    public String study() { return study; }

    /**
     * The value of {@code setting}: the file's, or its default (its quick default in a quick build) when the file
     * does not give it. A value the setting does not allow fails naming the file and {@code study.key}.
     */
    public <T> T get(Setting<T> setting) {
        String raw = raw(setting.key());
        if (raw == null) return setting.defaultValue(quick);
        try {
            return setting.parse(raw);
        } catch (InvalidValueException e) {
            throw fail(setting.key(), raw, e.allowed());
        }
    }

    /** Keys present in the file that the study never read: typos, reported by the build as errors. */
    public Set<String> unreadKeys() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        return unread;
    }

    /** A setting whose value the runs showed unusable (every run diverged, ...): names the file and the key. */
    public ConfigException unusable(String key, String why) {
        return new ConfigException(file, line(key), study + "." + key, why);
    }

    /**
     * A key the study did not read (call after {@code plan}): suggests the key it probably meant among those the study
     * read, or lists them all when none is close.
     */
    public ConfigException unknownKey(String key) {
        Set<String> known = new TreeSet<>(read);
        String hint = DidYouMean.hint(key, known);
        String alternatives = !hint.isEmpty() ? " (" + hint + ")"
                : known.isEmpty() ? " (it reads no settings)" : " (its keys: " + String.join(", ", known) + ")";
        return new ConfigException(file, line(key), study + "." + key, "unknown key for study '" + study + "'" + alternatives);
    }

    private int line(String key) { return lines.getOrDefault(key, 0); }

    private String raw(String key) {
        read.add(key);
        return values.get(key);
    }

    private ConfigException fail(String key, String raw, String allowed) {
        return new ConfigException(file, line(key), study + "." + key, "'" + raw + "' is not allowed: expected " + allowed);
    }
}
