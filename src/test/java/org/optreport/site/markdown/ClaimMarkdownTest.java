package org.optreport.site.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.site.markdown.Pages.FRONT_MATTER;
import static org.optreport.site.markdown.Pages.lineOf;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

/** Claims and conditional wording in the Markdown dialect: how they are read, and what they render to. */
class ClaimMarkdownTest {

    private static Document render(String body, Map<String, Double> numbers) {
        Pages.RecordingContext context = new Pages.RecordingContext();
        context.numbers.putAll(numbers);
        return Jsoup.parseBodyFragment(Pages.PAGES.render(Pages.parse(body), context));
    }

    @Test void claimsOfEveryFormAreCollectedWithTheirLines() {
        String body = "Intro {{claim s.a < 2}}.\n\n::: claim s.b > 1\nA sentence.\n:::\n\nIt {{if s.c > 0}}rises{{else}}falls{{end}}.\n";
        String full = FRONT_MATTER + body;
        List<ClaimUse> claims = Pages.parse(body).claims();
        assertEquals(List.of(ClaimUse.Kind.INLINE, ClaimUse.Kind.BLOCK, ClaimUse.Kind.CONDITION), claims.stream().map(ClaimUse::kind).toList());
        assertEquals(List.of("s.a < 2", "s.b > 1", "s.c > 0"), claims.stream().map(ClaimUse::text).toList());
        assertEquals(List.of(lineOf(full, "Intro"), lineOf(full, "::: claim"), lineOf(full, "It {{if")),
                claims.stream().map(ClaimUse::line).toList());
    }

    @Test void aClaimIsNotReadAsAQuotedValue() {
        ParsedPage page = Pages.parse("At most {{s.a}}, below 2 {{claim s.a < 2}}.\n");
        assertEquals(List.of("s.a"), page.values().stream().map(ValueUse::key).toList());
    }

    @Test void aPassingInlineClaimIsADiscreetMarkWithTheValuesInItsTitle() {
        Element mark = render("Below 2 {{claim s.a < 2}}.\n", Map.of("s.a", 1.5)).selectFirst("span.claim");
        assertEquals("✓", mark.text());
        assertEquals("s.a < 2", mark.attr("data-claim"));
        assertEquals("Checked when the report was built: s.a = 1.5 < 2", mark.attr("title"));
        assertTrue(mark.classNames().equals(java.util.Set.of("claim")), mark.className());
    }

    @Test void aFailedInlineClaimIsMarkedWithTheValuesThatBrokeIt() {
        Element mark = render("Below 2 {{claim s.a < 2}}.\n", Map.of("s.a", 5.3)).selectFirst("span.claim");
        assertTrue(mark.hasClass("claim-failed"));
        assertEquals("Claim failed: s.a < 2 (s.a = 5.3, not < 2)", mark.attr("title"));
    }

    @Test void aBlockClaimWrapsItsProse() {
        Element block = render("::: claim s.b > 1\nA *sentence*.\n\nAnother.\n:::\n", Map.of("s.b", 3.0)).selectFirst("div.claim");
        assertEquals("s.b > 1", block.attr("data-claim"));
        assertEquals(2, block.select("p").size());
        assertEquals("sentence", block.selectFirst("em").text());
    }

    @Test void aFailedBlockClaimSaysSoInWords() {
        Element block = render("::: claim s.b > 1\nA sentence.\n:::\n", Map.of("s.b", 0.5)).selectFirst("div.claim-failed");
        assertEquals("Claim failed: s.b > 1 (s.b = 0.5, not > 1)", block.selectFirst("p.claim-failure").text());
    }

    @Test void conditionalWordingPicksTheBranchTheNumbersChoose() {
        String body = "Depth {{if s.ratio > 1}}speeds up{{else}}slows down{{end}} the final phase.\n";
        assertEquals("Depth speeds up the final phase.", render(body, Map.of("s.ratio", 1.3)).text());
        assertEquals("Depth slows down the final phase.", render(body, Map.of("s.ratio", 0.7)).text());
    }

    @Test void conditionalWordingWithoutElseRendersNothingWhenFalse() {
        assertEquals("The run ended.", render("The run {{if s.steps > 10}}finally {{end}}ended.\n", Map.of("s.steps", 3.0)).text());
    }

    @Test void anUndecidableConditionMarksTheWordingItFellBackOn() {
        Element marked = render("It {{if s.x > 1}}rises{{else}}falls{{end}}.\n", Map.of("s.x", Double.NaN)).selectFirst("span.claim-failed");
        assertEquals("falls", marked.text());
    }

    @Test void valuesAndReferencesInBothWordingsAreCollected() {
        ParsedPage page = Pages.parse("It {{if s.x > 1}}rises to {{s.top}}{{else}}falls, see @fig:drop{{end}}.\n");
        assertEquals(List.of("s.top"), page.values().stream().map(ValueUse::key).toList());
        assertEquals("drop", page.references().get(0).label());
    }

    @Test void aClaimMayWrapOverLinesOfAParagraph() {
        ParsedPage page = Pages.parse("Text {{claim s.a < 2\nand s.b > 1}} more.\n");
        assertEquals("s.a < 2 and s.b > 1", page.claims().get(0).text());
    }

    @Test void aSyntaxErrorNamesThePageLineAndTheColumnInTheClaim() {
        String body = "Intro.\n\nBelow {{claim landscape.x 2}}.\n";
        ContentException e = assertThrows(ContentException.class, () -> Pages.parse(body));
        assertEquals(lineOf(FRONT_MATTER + body, "Below"), e.line());
        assertTrue(e.getMessage().endsWith("in the claim 'landscape.x 2': expected a comparison after 'landscape.x' at column 13, found '2'"),
                e.getMessage());
    }

    @Test void aBlockClaimSyntaxErrorNamesItsOpeningLine() {
        String body = "Intro.\n\n::: claim s.a ≈ 2\nText.\n:::\n";
        ContentException e = assertThrows(ContentException.class, () -> Pages.parse(body));
        assertEquals(lineOf(FRONT_MATTER + body, "::: claim"), e.line());
        assertTrue(e.getMessage().contains("needs a tolerance"), e.getMessage());
    }

    @Test void anIfWithoutEndIsAnErrorAtItsLine() {
        String body = "Intro.\n\nIt {{if s.x > 1}}rises.\n";
        assertEquals(lineOf(FRONT_MATTER + body, "It {{if"), assertThrows(ContentException.class, () -> Pages.parse(body)).line());
    }

    @Test void anElseWithoutIfIsAnError() {
        ContentException e = assertThrows(ContentException.class, () -> Pages.parse("It rises{{else}}falls{{end}}.\n"));
        assertTrue(e.getMessage().contains("{{else}} without an {{if ...}}"), e.getMessage());
    }

    @Test void wordingsCannotCrossAnEmphasis() {
        ContentException e = assertThrows(ContentException.class, () -> Pages.parse("It {{if s.x > 1}}*rises{{else}}falls*{{end}}.\n"));
        assertTrue(e.getMessage().contains("{{else}} without an {{if ...}}"), e.getMessage());
    }

    @Test void conditionalWordingIsRefusedInAHeading() {
        ContentException e = assertThrows(ContentException.class, () -> Pages.parse("## It {{if s.x > 1}}rises{{end}}\n"));
        assertTrue(e.getMessage().contains("cannot be in a heading"), e.getMessage());
    }

    @Test void aClaimDoesNotEnterTheHeadingText() {
        assertEquals("Results", Pages.parse("## Results {{claim s.a < 2}}\n").headings().get(0).text());
    }
}
