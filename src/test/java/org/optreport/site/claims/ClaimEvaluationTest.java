package org.optreport.site.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claims checked against a map of numbers: the outcome, and the values that explain it. */
class ClaimEvaluationTest {
    private static final Numbers NUMBERS = Numbers.of(Map.of(
            "landscape.etaSharpnessMax", 5.3,
            "landscape.rate", 1.02,
            "landscape.escapeStep.depth2", 150.0,
            "landscape.escapeStep.depth3", 90.0,
            "landscape.escapeStep.depth4", 300.0,
            "landscape.predicted.depth2", 100.0,
            "landscape.predicted.depth3", 80.0,
            "landscape.predicted.depth4", 200.0,
            "landscape.nan", Double.NaN));

    private static Verdict check(String claim) { return Claim.parse(claim).evaluate(NUMBERS); }

    @Test void aFailingComparisonNamesTheValueThatBrokeIt() {
        Verdict verdict = check("landscape.etaSharpnessMax < 2");
        assertEquals(Verdict.Outcome.FAILS, verdict.outcome());
        assertEquals("landscape.etaSharpnessMax = 5.3, not < 2", verdict.explanation());
    }

    @Test void aHoldingComparisonShowsTheValuesSubstituted() {
        Verdict verdict = check("landscape.etaSharpnessMax > landscape.rate * 2");
        assertEquals(Verdict.Outcome.HOLDS, verdict.outcome());
        assertEquals("landscape.etaSharpnessMax = 5.3 > landscape.rate * 2 = 2.04", verdict.explanation());
    }

    @Test void approximatelyIsRelativeToTheRightSideOrAbsolute() {
        assertEquals("landscape.rate = 1.02 ≈ 1 within 5% (off by 2%)", check("landscape.rate ≈ 1 within 5%").explanation());
        assertEquals(Verdict.Outcome.FAILS, check("landscape.rate ≈ 1 within 1%").outcome());
        assertEquals(Verdict.Outcome.HOLDS, check("landscape.rate ≈ 1 within 0.03").outcome());
        assertEquals("landscape.rate = 1.02, not ≈ 1 within 0.01 (off by 0.02)", check("landscape.rate ≈ 1 within 0.01").explanation());
    }

    @Test void andFailsWithItsFailingPartsOnly() {
        Verdict verdict = check("landscape.rate > 1 and landscape.etaSharpnessMax < 2");
        assertEquals(Verdict.Outcome.FAILS, verdict.outcome());
        assertEquals("landscape.etaSharpnessMax = 5.3, not < 2", verdict.explanation());
    }

    @Test void orHoldsIfOnePartHolds() {
        assertEquals(Verdict.Outcome.HOLDS, check("landscape.rate > 2 or landscape.etaSharpnessMax > 2").outcome());
        assertEquals(Verdict.Outcome.FAILS, check("landscape.rate > 2 or landscape.etaSharpnessMax > 9").outcome());
    }

    @Test void notTurnsTheOutcomeAround() {
        assertEquals(Verdict.Outcome.HOLDS, check("not landscape.etaSharpnessMax < 2").outcome());
    }

    @Test void allListsTheMembersThatFail() {
        Verdict verdict = check("all landscape.escapeStep.* > 100");
        assertEquals(Verdict.Outcome.FAILS, verdict.outcome());
        assertEquals("landscape.escapeStep.depth3 = 90, not > 100", verdict.explanation());
    }

    @Test void anyHoldsIfOneMemberDoes() {
        assertEquals(Verdict.Outcome.HOLDS, check("any landscape.escapeStep.* > 200").outcome());
        assertEquals(Verdict.Outcome.FAILS, check("any landscape.escapeStep.* > 300").outcome());
    }

    @Test void familiesInOneComparisonMoveTogether() {
        assertEquals(Verdict.Outcome.HOLDS, check("all landscape.escapeStep.* > landscape.predicted.*").outcome());
        assertEquals("landscape.escapeStep.depth3 = 90, not > 1.2 * landscape.predicted.depth3 = 96",
                check("all landscape.escapeStep.* > 1.2 * landscape.predicted.*").explanation());
    }

    @Test void functionsCompute() {
        assertEquals(Verdict.Outcome.HOLDS, check("abs(landscape.rate - 1.1) < 0.1 and min(landscape.escapeStep.depth2, 3) = 3 "
                + "and max(landscape.escapeStep.depth2, landscape.escapeStep.depth4) = 300").outcome());
    }

    @Test void aNaNLeavesTheClaimUndecidedEvenUnderNot() {
        assertEquals(Verdict.Outcome.UNDECIDED, check("not landscape.nan < 2").outcome());
        assertEquals("landscape.nan = NaN < 2 cannot be decided", check("landscape.nan < 2").explanation());
    }

    @Test void aNumberNearlyEqualToItsBoundIsWrittenInFull() {
        Numbers close = Numbers.of(Map.of("s.a", 2.0000000001, "s.b", 2.0));
        assertEquals("s.a = 2.0000000001, not < s.b = 2.0", Claim.parse("s.a < s.b").evaluate(close).explanation());
    }

    @Test void anUnknownNameIsAnErrorEvenWhereAnEarlierPartDecides() {
        UnknownNumberException e = assertThrows(UnknownNumberException.class, () -> check("landscape.rate > 1 or landscape.typo > 1"));
        assertEquals("landscape.typo", e.name());
    }

    @Test void aFamilyWithoutMembersIsAnError() {
        UnknownNumberException e = assertThrows(UnknownNumberException.class, () -> check("all landscape.nothing.* > 1"));
        assertEquals("no number is named like 'landscape.nothing.*'", e.getMessage());
    }

    @Test void aFamilyMissingAMemberItsPartnerHasIsAnError() {
        Numbers uneven = Numbers.of(Map.of("s.a.x", 1.0, "s.a.y", 1.0, "s.b.x", 1.0));
        UnknownNumberException e = assertThrows(UnknownNumberException.class, () -> Claim.parse("all s.a.* = s.b.*").evaluate(uneven));
        assertEquals("s.b.y", e.name());
    }

    @Test void manyReasonsAreCut() {
        Verdict verdict = check("all landscape.escapeStep.* > 0 and all landscape.predicted.* > 0 and landscape.rate > 0");
        assertEquals(Verdict.Outcome.HOLDS, verdict.outcome());
        assertEquals(7, verdict.reasons().size());
        assertEquals(true, verdict.explanation().endsWith("; and 1 more"), verdict.explanation());
    }
}
