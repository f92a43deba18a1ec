package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.settings.InvalidValueException;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.study.Study;

/**
 * content/report.yaml shows every study setting as a commented line, {@code # key: default  # description (quick: q)};
 * those comments must say what the studies declare, so that they cannot drift from the code. A failure prints the
 * line the declaration gives, ready to paste.
 */
class ReportYamlCommentsTest {
    private static final Path FILE = Path.of("content/report.yaml");
    private static final Pattern SECTION = Pattern.compile("^([A-Za-z]\\w*):\\s*$");
    private static final Pattern LINE = Pattern.compile("^\\s+(#\\s*)?([A-Za-z]\\w*):\\s*(.*?)\\s+#\\s*(.*?)\\s*$");
    private static final Pattern QUICK = Pattern.compile("^(.*?)\\s*\\(quick: (.*)\\)$");

    /** One documented key: its value, whether it is commented out (then the value is the default), its comment. */
    private record Documented(String value, boolean commented, String description, String quick) {}

    @Test void theFileMatchesEveryStudysDeclarations() throws Exception {
        List<String> problems = drift(Files.readString(FILE));
        assertTrue(problems.isEmpty(), FILE + " does not match the studies' settings:\n" + String.join("\n", problems));
    }

    @Test void aDefaultAQuickDefaultADescriptionOrAKeyThatDriftedIsCaught() throws Exception {
        String file = Files.readString(FILE);
        assertEquals(List.of("landscape.seeds"), keys(drift(file.replace("# seeds: 5                 # seeds per depth", "# seeds: 6                 # seeds per depth"))));
        assertEquals(List.of("landscape.steps"), keys(drift(file.replace("(quick: 12000)", "(quick: 10000)"))));
        assertEquals(List.of("ultrawide.records"), keys(drift(file.replace("# log-spaced recorded steps (quick: 40)", "# log-spaced recorded steps"))));
        assertEquals(List.of("nonconvexity.range"), keys(drift(file.replace("# the grid covers", "# the grid spans"))));
        assertEquals(List.of("nonconvexity.grid", "nonconvexity.grids"), keys(drift(file.replace("# grid: 161", "# grids: 161"))));
    }

    /** One line per documented key that disagrees with its declaration, and per declared key left undocumented. */
    static List<String> drift(String yaml) {
        Map<String, Map<String, Documented>> documented = parse(yaml);
        Studies studies = Studies.standard();
        List<String> problems = new ArrayList<>();
        for (String section : documented.keySet())
            if (studies.find(section) == null && !section.equals(ReportConfig.CITATIONS) && !section.equals(ReportConfig.PDF)) problems.add(section + ": a section for no study");
        for (String name : studies.names()) {
            Study<?> study = studies.find(name);
            Map<String, Documented> lines = documented.getOrDefault(name, Map.of());
            Map<String, Setting<?>> declared = new LinkedHashMap<>();
            for (Setting<?> s : study.settings()) declared.put(s.key(), s);
            for (String key : new TreeSet<>(lines.keySet()))
                if (!declared.containsKey(key)) problems.add(name + "." + key + ": documented, but the study declares no such setting");
            for (Setting<?> s : declared.values()) {
                Documented d = lines.get(s.key());
                if (d == null || !agrees(s, d)) problems.add(name + "." + s.key() + ": expected   # " + line(s));
            }
        }
        return problems;
    }

    private static Map<String, Map<String, Documented>> parse(String yaml) {
        Map<String, Map<String, Documented>> sections = new LinkedHashMap<>();
        Map<String, Documented> current = null;
        for (String line : yaml.split("\n")) {
            Matcher section = SECTION.matcher(line), setting = LINE.matcher(line);
            if (section.matches()) sections.put(section.group(1), current = new LinkedHashMap<>());
            else if (current != null && setting.matches()) {
                Matcher quick = QUICK.matcher(setting.group(4));
                String description = quick.matches() ? quick.group(1) : setting.group(4);
                current.put(setting.group(2), new Documented(setting.group(3), setting.group(1) != null, description,
                        quick.matches() ? quick.group(2) : null));
            }
        }
        return sections;
    }

    /** A value set in the file (not commented out) is the user's: only its description is compared. */
    private static boolean agrees(Setting<?> s, Documented d) {
        boolean defaults = !d.commented() || (sameValue(s, d.value(), s.defaultValue())
                && (d.quick() == null ? Objects.equals(s.quickDefault(), s.defaultValue()) : sameValue(s, d.quick(), s.quickDefault())));
        return defaults && d.description().equals(s.description());
    }

    private static boolean sameValue(Setting<?> s, String text, Object expected) {
        try {
            return s.parse(text).equals(expected);
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** The documenting line a declaration gives (after the "# "). */
    private static String line(Setting<?> s) {
        String quick = s.quickDefault().equals(s.defaultValue()) ? "" : " (quick: " + yaml(s.quickDefaultText(), s.quickDefault()) + ")";
        return s.key() + ": " + yaml(s.defaultText(), s.defaultValue()) + "   # " + s.description() + quick;
    }

    /** YAML's flow list for a list value, the text itself otherwise. */
    private static String yaml(String text, Object value) {
        return value instanceof List ? "[" + text.replace(",", ", ") + "]" : text;
    }

    private static List<String> keys(List<String> problems) {
        return problems.stream().map(p -> p.substring(0, p.indexOf(':'))).sorted().toList();
    }
}
