package org.optreport.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("seeds", "steps", "width", "learningRateFraction", "largeSeeds");

    @Test void aTypoFindsTheNameItWasMeantToBe() {
        assertEquals(Optional.of("seeds"), DidYouMean.closest("sedes", KEYS));
        assertEquals(Optional.of("learningRateFraction"), DidYouMean.closest("learningRateFracton", KEYS));
        assertEquals(Optional.of("width"), DidYouMean.closest("widht", KEYS)); // two neighbours swapped: two edits
    }

    @Test void caseIsIgnored() {
        assertEquals(Optional.of("learningRateFraction"), DidYouMean.closest("learningratefraction", KEYS));
    }

    @Test void aNameFarFromEveryCandidateGetsNoSuggestion() {
        assertEquals(Optional.empty(), DidYouMean.closest("horizon", KEYS));
        assertEquals("", DidYouMean.hint("horizon", KEYS));
    }

    @Test void aShortNameMayDifferByOneEditOnly() {
        assertEquals(Optional.of("eta"), DidYouMean.closest("etq", List.of("eta")));
        assertEquals(Optional.empty(), DidYouMean.closest("ex", List.of("eta")));
    }

    @Test void theHintQuotesTheSuggestion() {
        assertEquals("did you mean 'steps'?", DidYouMean.hint("stepps", KEYS));
    }
}
