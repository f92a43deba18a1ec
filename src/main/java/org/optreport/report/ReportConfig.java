package org.optreport.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private ReportConfig(Path file, Map<String, Map<String, String>> sections) {
        this.file = file;
        this.sections = sections;
    }

    public static ReportConfig load(Path file) {
        Map<String, Map<String, String>> sections = new TreeMap<>();
        if (!Files.exists(file)) return new ReportConfig(file, sections);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file, "line " + line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, "(file)", "cannot read: " + e.getMessage());
        }
        if (root == null || root.isNull() || root.isMissingNode()) return new ReportConfig(file, sections);
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
        return new ReportConfig(file, sections);
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
        return new StudyConfig(study, sections.getOrDefault(study, Map.of()), file, quick);
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
