package org.optreport.site.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optreport.report.study.ConfigException;

class PaperSizeTest {
    private static final Path FILE = Path.of("content/report.yaml");

    @Test void a4UnlessTheFileSaysLetterInAnyCase() {
        assertEquals(PaperSize.A4, PaperSize.fromSettings(FILE, Map.of()));
        assertEquals(PaperSize.LETTER, PaperSize.fromSettings(FILE, Map.of("paper", "Letter")));
        assertEquals(210 / 25.4, PaperSize.A4.widthInches(), 1e-12);
        assertEquals(11, PaperSize.LETTER.heightInches(), 1e-12);
    }

    @Test void anUnknownKeyIsNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> PaperSize.fromSettings(FILE, Map.of("papr", "a4")));
        assertTrue(e.getMessage().contains("pdf.papr") && e.getMessage().contains("unknown key"), e.getMessage());
    }
}
