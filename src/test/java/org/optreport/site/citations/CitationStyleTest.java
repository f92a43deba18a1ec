package org.optreport.site.citations;

import org.junit.jupiter.api.Test;
import org.optreport.report.study.ConfigException;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CitationStyleTest {
    private static final Path FILE = Path.of("content/report.yaml");

    @Test
    void authorYearByDefault() {
        assertEquals(CitationStyle.AUTHOR_YEAR, CitationStyle.fromSettings(FILE, Map.of()));
    }

    @Test
    void numericOnRequest() {
        assertEquals(CitationStyle.NUMERIC, CitationStyle.fromSettings(FILE, Map.of("style", "numeric")));
    }

    @Test
    void unknownStyleNamesTheKeyAndTheChoices() {
        ConfigException e = assertThrows(ConfigException.class, () -> CitationStyle.fromSettings(FILE, Map.of("style", "apa")));
        assertEquals(FILE + ": citations.style: 'apa' is not a style (styles: author-year, numeric)", e.getMessage());
    }

    @Test
    void unknownKeyIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> CitationStyle.fromSettings(FILE, Map.of("stlye", "numeric")));
        assertEquals(FILE + ": citations.stlye: unknown key (the citations section has: style)", e.getMessage());
    }
}
