package org.optreport.site.citations;

import org.optreport.report.ReportConfig;
import org.optreport.report.study.ConfigException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** How citations read: "Arora et al. (2018)" or "[1]". Set in report.yaml as {@code citations: {style: ...}}. */
public enum CitationStyle {
    AUTHOR_YEAR("author-year"), NUMERIC("numeric");

    private static final String STYLE_KEY = "style";

    private final String configName;

    CitationStyle(String configName) { this.configName = configName; }

    /** The style the {@code citations} section of report.yaml asks for; author-year when it says nothing. */
    public static CitationStyle fromSettings(Path file, Map<String, String> settings) {
        for (String key : settings.keySet())
            if (!key.equals(STYLE_KEY))
                throw new ConfigException(file, ReportConfig.CITATIONS + "." + key, "unknown key (the citations section has: " + STYLE_KEY + ")");
        String name = settings.get(STYLE_KEY);
        if (name == null) return AUTHOR_YEAR;
        return Arrays.stream(values()).filter(s -> s.configName.equals(name)).findFirst().orElseThrow(
                () -> new ConfigException(file, ReportConfig.CITATIONS + "." + STYLE_KEY, "'" + name + "' is not a style (styles: "
                        + Arrays.stream(values()).map(s -> s.configName).collect(Collectors.joining(", ")) + ")"));
    }
}
