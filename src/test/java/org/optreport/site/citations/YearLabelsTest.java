package org.optreport.site.citations;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class YearLabelsTest {
    private static final Bibliography BIB = Bibliography.parse(Path.of("references.bib"), """
            @misc{fine, author = {Arora, S. and Du, S. and Hu, W.}, title = {Fine-grained analysis}, year = {2019}}
            @misc{implicit, author = {Arora, S. and Cohen, N. and Hu, W.}, title = {Implicit regularization}, year = {2019}}
            @misc{optimization, author = {Arora, S. and Cohen, N. and Hazan, E.}, title = {On the optimization}, year = {2018}}
            @misc{solo, author = {Arora, S.}, title = {Alone}, year = {2019}}
            """);

    private static BibEntry entry(String key) { return BIB.find(key).orElseThrow(); }

    @Test
    void worksThatReadTheSameGetLettersInReferenceListOrder() {
        YearLabels years = new YearLabels(BIB.entries());
        assertEquals("2019b", years.of(entry("fine")), "Arora, Du … sorts after Arora, Cohen …");
        assertEquals("2019a", years.of(entry("implicit")));
    }

    @Test
    void aDifferentYearOrAuthorListNeedsNoLetter() {
        YearLabels years = new YearLabels(BIB.entries());
        assertEquals("2018", years.of(entry("optimization")));
        assertEquals("2019", years.of(entry("solo")), "'Arora' alone does not read as 'Arora et al.'");
    }

    @Test
    void onlyCitedWorksCount() {
        YearLabels years = new YearLabels(List.of(entry("fine"), entry("optimization")));
        assertEquals("2019", years.of(entry("fine")));
    }
}
