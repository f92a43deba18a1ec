package org.optreport.report.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotedValuesTest {
    @Test void aValueKeepsItsTextAndMeaning() {
        QuotedValues values = new QuotedValues();
        values.put("escapeStepDepth3", "1,234", "steps to escape the origin, depth 3");
        StudyOutput output = new StudyOutput(Map.of(), Map.of(), values, List.of());
        assertEquals(Map.of("escapeStepDepth3", "1,234"), output.values());
        assertEquals(Map.of("escapeStepDepth3", "steps to escape the origin, depth 3"), output.meanings());
    }

    @Test void aBlankMeaningIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QuotedValues().put("rate", "0.5", " "));
        assertTrue(e.getMessage().contains("'rate'"), e.getMessage());
    }

    @Test void aMeaningOfSeveralLinesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QuotedValues().put("rate", "0.5", "the rate\nof learning"));
    }

    @Test void anOutputWhoseValueLacksAMeaningIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StudyOutput(Map.of(), Map.of(), Map.of("rate", "0.5", "steps", "10"), Map.of("steps", "steps per run"), Map.of(), List.of()));
        assertTrue(e.getMessage().contains("'rate'"), e.getMessage());
    }

    @Test void rewritingTheTextsKeepsTheMeanings() {
        QuotedValues values = new QuotedValues();
        values.put("lowest", "-0.5", "lowest eigenvalue");
        values.replaceTexts(text -> text.replace('-', '−'));
        assertEquals("−0.5", values.get("lowest"));
        assertEquals("lowest eigenvalue", values.meanings().get("lowest"));
    }
}
