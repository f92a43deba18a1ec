package org.optreport.site.pdf;

import java.util.Locale;

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

    /** "a4" or "letter", in any case; anything else is {@code null}, for the caller's error naming its file and key. */
    public static PaperSize parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> A4;
            case "letter" -> LETTER;
            default -> null;
        };
    }

    public String settingText() { return name().toLowerCase(Locale.ROOT); }
}
