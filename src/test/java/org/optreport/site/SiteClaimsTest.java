package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.errors.ContentException;

/**
 * Claims through the whole build, with the toy study: its mean is 7.5 and its peaks are toy.peak.seed1 = 16 and
 * toy.peak.seed2 = 32. A page "third" holds the claim under test on line 5.
 */
class SiteClaimsTest {
    @TempDir Path dir;
    SiteFixture fixture;

    @BeforeEach void setUp() throws IOException { fixture = new SiteFixture(dir); }

    private void third(String line5) throws IOException {
        fixture.page("third", "---\ntitle: Third\n---\n\n" + line5 + "\n");
    }

    private Document page(String name) throws IOException {
        return Jsoup.parse(fixture.out.resolve(name).toFile(), "UTF-8");
    }

    @Test void aPassingClaimRendersItsMarkWithTheValuesAndTheBuildCountsIt() throws IOException {
        third("The mean stays below 10 {{claim toy.mean < 10}}, every peak at least 16 {{claim all toy.peak.* >= 16}}.");
        fixture.build(false, false);
        Element mark = page("third.html").selectFirst("span.claim");
        assertEquals("Checked when the report was built: toy.mean = 7.5 < 10", mark.attr("title"));
        assertTrue(page("third.html").select(".claim-failed").isEmpty());
        assertTrue(fixture.lastLog.contains("2 checked, all hold"), fixture.lastLog);
    }

    @Test void aFailedClaimFailsTheBuildWithPageLineClaimAndValuesAndKeepsTheOldSite() throws IOException {
        fixture.build(false, false);
        String before = Files.readString(fixture.out.resolve("index.html"));
        third("The mean exceeds 10 {{claim toy.mean > 10}}.");
        ClaimFailedException e = assertThrows(ClaimFailedException.class, () -> fixture.build(ClaimMode.FAIL));
        assertTrue(e.getMessage().endsWith("third.md:5: claim failed: toy.mean > 10 (toy.mean = 7.5, not > 10) "
                + "(build --claims=warn renders the pages with failed claims marked)"), e.getMessage());
        assertEquals(before, Files.readString(fixture.out.resolve("index.html")));
        assertFalse(Files.exists(fixture.out.resolve("third.html")));
    }

    @Test void aClaimInTheWordingTheNumbersDidNotPickIsNotPromised() throws IOException {
        third("The mean is {{if toy.mean < 10}}small {{claim toy.mean < 10}}{{else}}large {{claim toy.mean > 10}}{{end}}.");
        fixture.build(ClaimMode.FAIL); // the else branch's claim would fail, but the page does not say it
        assertEquals("The mean is small ✓.", page("third.html").selectFirst("article p").text());
        assertTrue(fixture.lastLog.contains("2 checked (1 in wording the numbers did not pick), all hold"), fixture.lastLog);
    }

    @Test void aClaimInThePickedWordingIsChecked() throws IOException {
        third("The mean is {{if toy.mean < 10}}small {{claim toy.mean > 10}}{{else}}large{{end}}.");
        ClaimFailedException e = assertThrows(ClaimFailedException.class, () -> fixture.build(ClaimMode.FAIL));
        assertTrue(e.getMessage().contains("claim failed: toy.mean > 10"), e.getMessage());
    }

    @Test void aMisspeltNameInTheOtherWordingIsStillAnError() throws IOException {
        third("The mean is {{if toy.mean < 10}}small{{else}}large {{claim toy.widht > 10}}{{end}}.");
        assertThrows(ContentException.class, () -> fixture.build(false, false));
    }

    @Test void aFailedMemberOfAFamilyIsNamedWithItsValue() throws IOException {
        third("Every peak exceeds 20 {{claim all toy.peak.* > 20}}.");
        ClaimFailedException e = assertThrows(ClaimFailedException.class, () -> fixture.build(ClaimMode.FAIL));
        assertTrue(e.getMessage().contains("(toy.peak.seed1 = 16, not > 20)"), e.getMessage());
    }

    @Test void warnBuildsThePageWithTheFailedSentenceMarkedAndListsIt() throws IOException {
        third("The mean exceeds 10 {{claim toy.mean > 10}}.");
        fixture.build(ClaimMode.WARN);
        Element failed = page("third.html").selectFirst("p > span.claim.claim-failed");
        assertEquals("Claim failed: toy.mean > 10 (toy.mean = 7.5, not > 10)", failed.attr("title"));
        assertTrue(fixture.lastLog.contains("third.md:5: claim failed: toy.mean > 10 (toy.mean = 7.5, not > 10)"), fixture.lastLog);
        assertTrue(fixture.lastLog.contains("1 claim failed (marked on the pages)"), fixture.lastLog);
    }

    @Test void aNameNoStudyProvidesIsAContentErrorWithPageAndLine() throws IOException {
        third("Below 10 {{claim toy.width < 10}}.");
        ContentException e = assertThrows(ContentException.class, () -> fixture.build(false, false));
        assertFalse(e instanceof ClaimFailedException);
        assertTrue(e.getMessage().contains("third.md:5: in the claim 'toy.width < 10': no number named 'toy.width' "
                + "(the numbers of toy: mean, peak.seed1, peak.seed2)"), e.getMessage());
    }

    @Test void anUnknownStudyInAClaimIsAContentErrorWithPageAndLine() throws IOException {
        third("Below 10 {{claim toi.mean < 10}}.");
        ContentException e = assertThrows(ContentException.class, () -> fixture.build(false, false));
        assertTrue(e.getMessage().contains("third.md:5: in the claim 'toi.mean < 10': no study named 'toi'"), e.getMessage());
    }

    @Test void conditionalWordingFollowsTheNumbers() throws IOException {
        third("The peak {{if toy.peak.seed2 > toy.peak.seed1}}grows{{else}}shrinks{{end}} with the seed.");
        fixture.build(false, false);
        assertEquals("The peak grows with the seed.", page("third.html").selectFirst("main p:contains(peak)").text());
    }

    @Test void aStudyUsedOnlyInClaimsStillRuns() throws IOException {
        Files.delete(fixture.content.resolve("second.md"));
        fixture.page("index", "---\ntitle: Only claims\n---\n\nThe mean stays below 10 {{claim toy.mean < 10}}.\n");
        fixture.build(false, false);
        assertEquals(2, fixture.computed.get());
        assertEquals(1, page("index.html").select("span.claim").size());
    }

    /** The fixture builds --quick: a failed claim is marked, not fatal, unless the build asks to fail. */
    @Test void aQuickBuildMarksAFailedClaimByDefault() throws Exception {
        fixture.page("third", "---\ntitle: Third\n---\n\nThe mean is small {{claim toy.mean > 10}}.\n");
        fixture.build(false, false);
        assertTrue(java.nio.file.Files.readString(fixture.out.resolve("third.html")).contains("claim-failed"));
    }
}
