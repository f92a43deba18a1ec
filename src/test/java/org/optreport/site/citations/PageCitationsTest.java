package org.optreport.site.citations;

import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;
import org.optreport.site.markdown.CitationUse;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageCitationsTest {
    private static final Path PAGE = Path.of("content/page.md");

    private static PageCitations citations(CitationStyle style) {
        return new PageCitations(Bibs.bibliography(), style, new YearLabels(Bibs.bibliography().entries()), PAGE);
    }

    private static CitationUse parenthetical(CitationUse.Item... items) {
        return new CitationUse(List.of(items), CitationUse.Mode.PARENTHETICAL, 7);
    }

    private static CitationUse inText(String key) {
        return new CitationUse(List.of(new CitationUse.Item(key, "")), CitationUse.Mode.IN_TEXT, 7);
    }

    private static CitationUse.Item item(String key, String locator) { return new CitationUse.Item(key, locator); }

    @Test
    void authorYearParentheticalWithSeveralKeysAndALocator() {
        assertEquals("(<a class=\"citation\" href=\"#ref-du2019gradient\">Du et al., 2019</a>; "
                        + "<a class=\"citation\" href=\"#ref-ghadimi2013stochastic\">Ghadimi and Lan, 2013, Thm. 2.1</a>)",
                citations(CitationStyle.AUTHOR_YEAR).html(parenthetical(item("du2019gradient", ""), item("ghadimi2013stochastic", "Thm. 2.1"))));
    }

    @Test
    void authorYearInText() {
        assertEquals("<a class=\"citation\" href=\"#ref-du2019gradient\">Du et al. (2019)</a>",
                citations(CitationStyle.AUTHOR_YEAR).html(inText("du2019gradient")));
    }

    @Test
    void singleAuthorIsNamedAlone() {
        assertEquals("<a class=\"citation\" href=\"#ref-solo2020\">Solo (2020)</a>",
                citations(CitationStyle.AUTHOR_YEAR).html(inText("solo2020")));
    }

    @Test
    void numericNumbersByFirstCitationOnThePage() {
        PageCitations page = citations(CitationStyle.NUMERIC);
        page.html(parenthetical(item("ghadimi2013stochastic", "")));
        assertEquals("<a class=\"citation\" href=\"#ref-du2019gradient\">[2]</a>, "
                        + "<a class=\"citation\" href=\"#ref-ghadimi2013stochastic\">[1, p. 3]</a>",
                page.html(parenthetical(item("du2019gradient", ""), item("ghadimi2013stochastic", "p. 3"))));
    }

    @Test
    void numericInTextNamesTheAuthors() {
        assertEquals("Ghadimi and Lan <a class=\"citation\" href=\"#ref-ghadimi2013stochastic\">[1]</a>",
                citations(CitationStyle.NUMERIC).html(inText("ghadimi2013stochastic")));
    }

    @Test
    void referencesListOnlyCitedEntriesSortedByAuthorInAuthorYear() {
        PageCitations page = citations(CitationStyle.AUTHOR_YEAR);
        page.html(inText("ghadimi2013stochastic"));
        page.html(inText("du2019gradient"));
        assertEquals(List.of("ref-du2019gradient", "ref-ghadimi2013stochastic"),
                page.references().stream().map(ReferenceEntry::id).toList());
    }

    @Test
    void numericReferencesKeepCitationOrder() {
        PageCitations page = citations(CitationStyle.NUMERIC);
        page.html(inText("ghadimi2013stochastic"));
        page.html(inText("du2019gradient"));
        assertEquals(List.of("ref-ghadimi2013stochastic", "ref-du2019gradient"),
                page.references().stream().map(ReferenceEntry::id).toList());
    }

    @Test
    void authorYearEntryWithDoi() {
        PageCitations page = citations(CitationStyle.AUTHOR_YEAR);
        page.html(inText("ghadimi2013stochastic"));
        assertEquals("Ghadimi, S. and Lan, G. (2013). Stochastic First- and Zeroth-Order Methods for Nonconvex Stochastic "
                        + "Programming. <i>SIAM Journal on Optimization</i>, 23(4), 2341–2368. "
                        + "<a href=\"https://doi.org/10.1137/120880811\">doi:10.1137/120880811</a>",
                page.references().get(0).html());
    }

    @Test
    void numericEntryWithArxivAndAccentsPutsTheYearLast() {
        PageCitations page = citations(CitationStyle.NUMERIC);
        page.html(inText("du2019gradient"));
        assertEquals("Du, S. S., Zhai, X., Póczos, B., and Singh, A. Gradient Descent Provably Optimizes Over-parameterized "
                        + "Neural Networks. <i>International Conference on Learning Representations (ICLR)</i>, 2019. "
                        + "<a href=\"https://arxiv.org/abs/1810.02054\">arXiv:1810.02054</a>",
                page.references().get(0).html());
    }

    @Test
    void pageThatCitesNothingHasNoReferences() {
        assertTrue(citations(CitationStyle.AUTHOR_YEAR).references().isEmpty());
    }

    @Test
    void unknownKeyNamesPageAndLine() {
        ContentException e = assertThrows(ContentException.class,
                () -> citations(CitationStyle.AUTHOR_YEAR).html(inText("nobody2000")));
        assertEquals(PAGE + ":7: @nobody2000: no such entry in references.bib", e.getMessage());
    }
}
