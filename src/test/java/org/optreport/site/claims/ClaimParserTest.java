package org.optreport.site.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar: how a claim is read (fully parenthesized), and the errors that point at a column. */
class ClaimParserTest {

    private static String read(String claim) { return Claim.parse(claim).structure(); }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            s.a < 2                              | (s.a < 2)
            s.a + s.b * 2 <= 3                   | ((s.a + (s.b * 2)) <= 3)
            s.a - s.b - s.c > 0                  | (((s.a - s.b) - s.c) > 0)
            (s.a + s.b) * 2 >= 1e-3              | (((s.a + s.b) * 2) >= 1e-3)
            -s.a / 2 = -1                        | (((-s.a) / 2) = (-1))
            s.a < 1 or s.b < 2 and s.c < 3       | ((s.a < 1) or ((s.b < 2) and (s.c < 3)))
            (s.a < 1 or s.b < 2) and s.c < 3     | (((s.a < 1) or (s.b < 2)) and (s.c < 3))
            not s.a < 1 and s.b < 2              | ((not (s.a < 1)) and (s.b < 2))
            1 < s.a ≤ 2                          | ((1 < s.a) and (s.a ≤ 2))
            s.a ≥ 2 and s.b >= 2                 | ((s.a ≥ 2) and (s.b >= 2))
            abs(s.a - 1) < max(s.b, s.c, 0.5)    | (abs((s.a - 1)) < max(s.b, s.c, 0.5))
            s.a ≈ s.b within 5%                  | (s.a ≈ s.b within 5%)
            s.a ~= 3 within 0.01                 | (s.a ~= 3 within 0.01)
            s.a*2 > 1                            | ((s.a * 2) > 1)
            """)
    void precedenceAndSpellings(String claim, String structure) {
        assertEquals(structure, read(claim));
    }

    @Test void aQuantifierBindsLikeNotAndRangesOverItsFamily() {
        assertEquals("((all (landscape.escapeStep.* > 100)) and (s.b < 2))", read("all landscape.escapeStep.* > 100 and s.b < 2"));
        assertEquals("(any (s.x.* > s.y.*))", read("any s.x.* > s.y.*"));
        assertEquals("(all ((s.x.* > 0) and (any (s.y.* > s.x.*))))", read("all (s.x.* > 0 and any s.y.* > s.x.*)"));
    }

    @Test void theStudiesAreTheFirstPartsOfTheNames() {
        assertEquals(Set.of("landscape", "trajectory"),
                Claim.parse("landscape.a < trajectory.b and all landscape.c.* > 1").studies());
    }

    @Test void aMissingComparisonIsNamedWithTheColumnWhereItShouldBe() {
        ClaimSyntaxException e = assertThrows(ClaimSyntaxException.class, () -> Claim.parse("landscape.a + 1 2"));
        assertEquals("expected a comparison after 'landscape.a + 1' at column 17, found '2'", e.getMessage());
        assertEquals(17, e.column());
    }

    @Test void aComparisonMissingItsRightSideSaysSoAtTheEnd() {
        assertEquals("expected a number or a name after '<' at column 14",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("landscape.a <")).getMessage());
    }

    @Test void approximatelyNeedsATolerance() {
        assertEquals("'≈' at column 13 needs a tolerance, as in 'a ≈ b within 5%' or 'a ≈ b within 0.01'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("landscape.a ≈ 2")).getMessage());
        assertEquals("'within' at column 17 goes with '≈' only",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("landscape.a < 2 within 5%")).getMessage());
    }

    @Test void aFamilyOutsideAQuantifierIsAnError() {
        assertEquals("'landscape.x.*' at column 1 is a family of numbers: start its comparison with 'all' or 'any'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("landscape.x.* > 1")).getMessage());
    }

    @Test void aQuantifierWithoutAFamilyIsAnError() {
        assertEquals("'all' at column 1 needs a family of numbers such as study.name.* in the comparison after it",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("all landscape.x > 1")).getMessage());
    }

    @Test void aWordWithoutADotIsNotAName() {
        assertEquals("'eta' at column 1 is not a name: numbers are named study.name",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("eta < 2")).getMessage());
    }

    @Test void anUnclosedParenthesisPointsAtItsOpening() {
        assertEquals("the '(' at column 1 is not closed: expected ')' at column 17",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("(landscape.a < 2")).getMessage());
    }

    @Test void textAfterACompleteClaimIsAnError() {
        assertEquals("unexpected 'landscape.b' at column 17 after a complete claim (join claims with 'and' or 'or')",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("landscape.a < 2 landscape.b > 1")).getMessage());
    }

    @Test void aComparisonWhereANumberBelongsIsAnError() {
        assertEquals("expected a number at column 1, found the comparison 's.a < 1'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("(s.a < 1) + 2 > 0")).getMessage());
    }

    @Test void functionsCheckTheirArguments() {
        assertEquals("'abs' at column 1 takes one number, not 2",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("abs(s.a, s.b) < 1")).getMessage());
        assertEquals("'min' at column 1 takes at least 2 numbers, not 1",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("min(s.a) < 1")).getMessage());
    }

    @Test void strayCharactersAndMalformedNumbersAreNamed() {
        assertEquals("unexpected character '#' at column 5",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("s.a #< 1")).getMessage());
        assertEquals("malformed number '2x' at column 7",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("s.a < 2x")).getMessage());
    }

    @Test void aClaimMustNameANumberOfTheReport() {
        assertEquals("the claim names no number of the report (names are study.name)",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("1 < 2")).getMessage());
        assertEquals("the claim is empty", assertThrows(ClaimSyntaxException.class, () -> Claim.parse("  ")).getMessage());
    }
}
