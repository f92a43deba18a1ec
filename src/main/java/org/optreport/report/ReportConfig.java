package org.optreport.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.report.study.ConfigException;
import org.optreport.report.study.StudyConfig;

/**
 * The report configuration, {@code content/report.yaml}: one section per study, each a map of settings
 * (scalars or lists), the {@value #CITATIONS} section for the site's citations and the {@value #PDF} section for the
 * PDF's paper. The file is optional;
 * without it every study runs with its defaults.
 */
public final class ReportConfig {
    /** The one section that is not a study. */
    public static final String CITATIONS = "citations";
    /** Nor is this one: how {@code build --pdf} prints the report. */
    public static final String PDF = "pdf";

    private final Path file;
    private final Map<String, Map<String, String>> sections;
    /** The line of each {@code section.key}, for errors. */
    private final Map<String, Integer> lines;

    private ReportConfig(Path file, Map<String, Map<String, String>> sections, Map<String, Integer> lines) {
        this.file = file;
        this.sections = sections;
        this.lines = lines;
    }

    public static ReportConfig load(Path file) {
        Map<String, Map<String, String>> sections = new TreeMap<>();
        if (!Files.exists(file)) return new ReportConfig(file, sections, Map.of());
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file, "line " + line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, "(file)", "cannot read: " + e.getMessage());
        }
        if (root == null || root.isNull() || root.isMissingNode()) return new ReportConfig(file, sections, Map.of());
        if (!root.isObject()) throw new ConfigException(file, "(top level)", "expected a map of study sections");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (section.getValue().isNull()) {
                sections.put(section.getKey(), Map.of()); // a section whose settings are all commented out
                continue;
            }
            if (!section.getValue().isObject())
                throw new ConfigException(file, section.getKey(), "expected a map of settings, e.g. '" + section.getKey() + ":\\n  seeds: 5'");
            Map<String, String> values = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> f = section.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> e = f.next();
                values.put(e.getKey(), scalarText(file, section.getKey() + "." + e.getKey(), e.getValue()));
            }
            sections.put(section.getKey(), values);
        }
        return new ReportConfig(file, sections, keyLines(file));
    }

    /**
     * The line of each {@code section.key} (1-based), from a second, streaming read: the tree the settings come from
     * keeps no locations. A file the first read accepted reads the same way here.
     */
    private static Map<String, Integer> keyLines(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
            int depth = 0;
            String section = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) depth++;
                else if (token.isStructEnd()) depth--;
                else if (token == JsonToken.FIELD_NAME) {
                    int line = parser.currentTokenLocation().getLineNr();
                    if (depth == 1) section = parser.currentName();
                    String key = depth == 1 ? section : section + "." + parser.currentName();
                    if (depth <= 2) lines.put(key, line);
                }
            }
        } catch (IOException e) {
            return Map.of(); // the first read succeeded: errors just lose their line
        }
        return lines;
    }

    private static String scalarText(Path file, String key, JsonNode v) {
        if (v.isValueNode()) return v.asText();
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isValueNode()) throw new ConfigException(file, key, "list items must be numbers or words");
                parts.add(item.asText());
            }
            return String.join(",", parts);
        }
        throw new ConfigException(file, key, "expected a number, a word or a list");
    }

    /** The settings of {@code study} (empty when the file has no such section). */
    public StudyConfig forStudy(String study, boolean quick) {
        Map<String, Integer> keyLines = new HashMap<>();
        lines.forEach((key, line) -> {
            if (key.startsWith(study + ".")) keyLines.put(key.substring(study.length() + 1), line);
        });
        return new StudyConfig(study, sections.getOrDefault(study, Map.of()), keyLines, file, quick);
    }

    /** Study section names as written, including typos, which the build reports as errors. */
    public List<String> sections() {
        return sections.keySet().stream().filter(name -> !name.equals(CITATIONS) && !name.equals(PDF)).toList();
    }

    /** The settings of the {@value #CITATIONS} section (empty when there is none). */
    public Map<String, String> citationSettings() { return sections.getOrDefault(CITATIONS, Map.of()); }

    /** The settings of the {@value #PDF} section (empty when there is none). */
    public Map<String, String> pdfSettings() { return sections.getOrDefault(PDF, Map.of()); }

    public Path file() { return file; }
}
