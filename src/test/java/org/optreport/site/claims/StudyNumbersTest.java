package org.optreport.site.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.StudyOutput;

/** The numbers claims see in the studies' outputs. */
class StudyNumbersTest {
    private final StudyNumbers numbers = new StudyNumbers(Map.of("toy", new StudyOutput(Map.of(), Map.of(),
            Map.of("mean", "7.50", "label", "n/a", "steps", "1,200"), Map.of("mean", "the mean", "label", "a label", "steps", "the steps"),
            Map.of("mean", 7.4999, "peak.seed1", 16.0, "peak.seed2", 32.0), List.of())));

    @Test void anExactNumberWinsOverTheRoundedValueOfTheSameName() {
        assertEquals(OptionalDouble.of(7.4999), numbers.number("toy.mean"));
    }

    @Test void aValueWhoseTextIsANumberServesAsOne() {
        assertEquals(OptionalDouble.of(1200), numbers.number("toy.steps"));
    }

    @Test void aFamilyRangesOverNumbersAndNumericValues() {
        assertEquals(Set.of("toy.mean", "toy.peak.seed1", "toy.peak.seed2", "toy.steps"), numbers.names("toy"));
    }

    @Test void aTextValueIsExplainedAsNotANumber() {
        assertEquals("its value 'n/a' is not a number", numbers.whyMissing("toy.label"));
        assertEquals("the numbers of toy: mean, peak.seed1, peak.seed2, steps", numbers.whyMissing("toy.width"));
    }

    @Test void aMisspeltNumberSuggestsTheNameItWasMeantToBe() {
        assertEquals("did you mean 'toy.peak.seed1'? `list toy` shows all 4 numbers", numbers.whyMissing("toy.peak.sed1"));
    }

    @Test void aNumberNameAClaimCouldNotWriteIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new StudyOutput(Map.of(), Map.of(), Map.of(), Map.of(), Map.of("escape-step", 1.0), List.of()));
    }
}
