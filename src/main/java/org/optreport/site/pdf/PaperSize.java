package org.optreport.site.pdf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.optreport.report.ReportConfig;
import org.optreport.report.study.ConfigException;

/** The paper the report is printed on ({@code pdf: paper:} in report.yaml). */
public enum PaperSize {
    A4(210 / 25.4, 297 / 25.4),
    LETTER(8.5, 11);

    private final double widthInches;
    private final double heightInches;

    PaperSize(double widthInches, double heightInches) {
        this.widthInches = widthInches;
        this.heightInches = heightInches;
    }

    double widthInches() { return widthInches; }

    double heightInches() { return heightInches; }

    private static final String PAPER_KEY = "paper";

    /** The paper the {@code pdf} section of report.yaml asks for ("a4" or "letter", in any case); A4 when it says nothing. */
    public static PaperSize fromSettings(Path file, Map<String, String> settings) {
        for (String key : settings.keySet())
            if (!key.equals(PAPER_KEY))
                throw new ConfigException(file, ReportConfig.PDF + "." + key, "unknown key (the pdf section has: " + PAPER_KEY + ")");
        String name = settings.get(PAPER_KEY);
        if (name == null) return A4;
        return Arrays.stream(values()).filter(p -> p.settingText().equals(name.trim().toLowerCase(Locale.ROOT))).findFirst().orElseThrow(
                () -> new ConfigException(file, ReportConfig.PDF + "." + PAPER_KEY, "'" + name + "' is not a paper size (sizes: "
                        + Arrays.stream(values()).map(PaperSize::settingText).collect(Collectors.joining(", ")) + ")"));
    }

    public String settingText() { return name().toLowerCase(Locale.ROOT); }
}
