package org.optreport.site.citations;

import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;
import org.optreport.site.markdown.MarkdownPages;
import org.optreport.site.markdown.ParsedPage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CitationCheckTest {
    private static final Path PAGE = Path.of("content/intro.md");

    private static ParsedPage page(String body) {
        return new MarkdownPages().parse(PAGE, "---\ntitle: Intro\n---\n" + body);
    }

    @Test
    void unknownKeyFailsWithPageAndLine() {
        ContentException e = assertThrows(ContentException.class, () -> CitationCheck.check(
                List.of(page("Known [@solo2020].\n\nUnknown [@solo2020; @nobody1999].\n")), Bibs.bibliography(), w -> {}));
        assertEquals(PAGE + ":6: @nobody1999: no such entry in references.bib", e.getMessage());
    }

    @Test
    void unusedEntryIsAWarningWithItsLine() {
        List<String> warnings = new ArrayList<>();
        CitationCheck.check(List.of(page("As @du2019gradient and [@ghadimi2013stochastic].\n")), Bibs.bibliography(), warnings::add);
        assertEquals(List.of("references.bib:13: entry 'solo2020' is cited by no page"), warnings);
    }
}
