package org.optreport.site.markdown;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeadingTest {

    @Test
    void tocHoldsLevelsTwoAndThreeInOrder() {
        ParsedPage page = Pages.parse("# Title\n\n## First part\n\n### Detail\n\n#### Deep\n\n## Second part\n");
        assertEquals(List.of(
                new Heading(2, "first-part", "First part"),
                new Heading(3, "detail", "Detail"),
                new Heading(2, "second-part", "Second part")), page.toc());
        assertEquals(5, page.headings().size());
    }

    @Test
    void sameTextGetsUniqueIds() {
        ParsedPage page = Pages.parse("## Results\n\n## Results\n\n## Results\n");
        assertEquals(List.of("results", "results-1", "results-2"), page.headings().stream().map(Heading::id).toList());
        Document doc = Pages.html("## Results\n\n## Results\n");
        assertEquals(List.of("results", "results-1"), doc.select("h2").eachAttr("id"));
    }

    @Test
    void slugDropsPunctuationAndKeepsDashesAndUnderscores() {
        assertEquals("whats-new-in-v2_beta----now", HeadingIds.slug("What's new in v2_beta -- now?"));
    }

    @Test
    void explicitIdWinsAndIsNotShown() {
        ParsedPage page = Pages.parse("## Results {#res}\n\n## res\n");
        assertEquals(List.of(new Heading(2, "res", "Results"), new Heading(2, "res-1", "res")), page.headings());
        Document doc = Pages.html("## Results {#res}\n");
        assertEquals("res", doc.selectFirst("h2").id());
        assertEquals("Results", doc.selectFirst("h2").text());
    }

    @Test
    void shortLabelIsKeptAndNotShown() {
        ParsedPage page = Pages.parse("## Is the loss smooth? {#smoothness short=\"the smoothness bound\"}\n");
        assertEquals(new Heading(2, "smoothness", "Is the loss smooth?", "the smoothness bound"), page.headings().get(0));
        assertEquals("Is the loss smooth?", Pages.html("## Is the loss smooth? {#smoothness short=\"the bound\"}\n").selectFirst("h2").text());
    }

    @Test
    void emptyShortLabelIsAnError() {
        assertThrows(ContentException.class, () -> Pages.parse("## Smooth {#smoothness short=\" \"}\n"));
    }

    @Test
    void headingWithMathKeepsTheTexInTextAndRendersMath() {
        ParsedPage page = Pages.parse("## The case $W_1 = I$\n");
        assertEquals(new Heading(2, "the-case-w_1--i", "The case $W_1 = I$"), page.headings().get(0));
        assertEquals("\\(W_1 = I\\)", Pages.html("## The case $W_1 = I$\n").selectFirst("h2 .math").wholeText());
    }

    @Test
    void sectionReferenceReachesAnExplicitId() {
        ParsedPage page = Pages.parse("## Setup {#setup.v2}\n\nSee @sec:setup.v2.\n");
        assertEquals("setup.v2", page.references().get(0).label());
    }

    @Test
    void duplicateExplicitIdIsAnError() {
        assertEquals(6, assertThrows(ContentException.class, () -> Pages.parse("## A {#x}\n\n## B {#x}\n")).line());
    }
}
