package org.optreport.site.markdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.site.markdown.Pages.FRONT_MATTER;
import static org.optreport.site.markdown.Pages.lineOf;

class CitationMarkdownTest {
    private static CitationUse.Item item(String key, String locator) { return new CitationUse.Item(key, locator); }

    @Test
    void bracketCitesSeveralKeysWithLocatorsOnItsLine() {
        String body = "Intro.\n\nAs shown [@du2019gradient; @arora2019fine, Thm. 4.1].\n";
        assertEquals(List.of(new CitationUse(List.of(item("du2019gradient", ""), item("arora2019fine", "Thm. 4.1")),
                        CitationUse.Mode.PARENTHETICAL, lineOf(FRONT_MATTER + body, "[@du"))),
                Pages.parse(body).citations());
    }

    @Test
    void bareKeyIsAnInTextCitationAndATrailingDotEndsTheSentence() {
        assertEquals(List.of(new CitationUse(List.of(item("arora2018optimization", "")), CitationUse.Mode.IN_TEXT, 4)),
                Pages.parse("As @arora2018optimization.\n").citations());
    }

    @Test
    void emailAddressIsNeitherCitationNorReference() {
        ParsedPage page = Pages.parse("Write to someone@example.org or a_b@c.\n");
        assertTrue(page.citations().isEmpty());
        assertTrue(page.references().isEmpty());
    }

    @Test
    void crossReferencesStayReferences() {
        ParsedPage page = Pages.parse("""
                ## Setup

                \\begin{equation}
                f = 1 \\label{eq:f}
                \\end{equation}
                See @fig:loss, @tab:sum, @eq:f, @sec:setup, @page:ntk and [@fig:loss].
                """);
        assertTrue(page.citations().isEmpty());
        assertEquals(List.of("fig", "tab", "eq", "sec", "page", "fig"),
                page.references().stream().map(r -> r.kind().prefix()).toList());
    }

    @Test
    void bracketFollowedByAUrlIsALink() {
        assertEquals("https://example.org", Pages.html("A [@key](https://example.org) link.\n").select("a").attr("href"));
    }

    @Test
    void bracketWithMoreThanCitationsIsTextAroundAnInTextCitation() {
        assertEquals(List.of(CitationUse.Mode.IN_TEXT),
                Pages.parse("As [see @key] says.\n").citations().stream().map(CitationUse::mode).toList());
    }

    @Test
    void citationsInCodeAreText() {
        assertTrue(Pages.parse("Code `[@a] @b`.\n\n```\n[@c]\n```\n").citations().isEmpty());
    }

    @Test
    void rendererAsksTheContextForEachCitation() {
        assertEquals("2 cited", Pages.html("Both [@a; @b].\n").select("cite").text());
    }
}
