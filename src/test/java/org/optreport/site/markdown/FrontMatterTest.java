package org.optreport.site.markdown;

import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontMatterTest {
    private static final Path FILE = Path.of("content/page.md");

    private static ParsedPage parse(String text) {
        return Pages.PAGES.parse(FILE, text);
    }

    private static ContentException error(String text) {
        return assertThrows(ContentException.class, () -> parse(text));
    }

    @Test
    void allFieldsAreRead() {
        FrontMatter fm = parse("---\ntitle: \"Wide ReLU: NTK\"\norder: 2.5\ndescription: Kernels.\n---\nBody\n").frontMatter();
        assertEquals(new FrontMatter("Wide ReLU: NTK", 2.5, "Kernels."), fm);
    }

    @Test
    void orderAndDescriptionAreOptional() {
        FrontMatter fm = parse("---\ntitle: T\n---\n").frontMatter();
        assertEquals(FrontMatter.DEFAULT_ORDER, fm.order());
        assertNull(fm.description());
    }

    @Test
    void emptyDescriptionIsAbsent() {
        assertNull(parse("---\ntitle: T\ndescription:\n---\n").frontMatter().description());
    }

    @Test
    void missingTitleIsAnError() {
        ContentException e = error("---\norder: 1\n---\nBody\n");
        assertTrue(e.getMessage().contains("title"), e.getMessage());
        assertEquals(FILE, e.file());
    }

    @Test
    void emptyFrontMatterHasNoTitle() {
        assertTrue(error("---\n---\nBody\n").getMessage().contains("no title"));
    }

    @Test
    void malformedYamlNamesTheLineInTheFile() {
        // line 4 of the file is the bad line: the opening '---' is line 1
        ContentException e = error("---\ntitle: T\norder: 1\ndescription: [unclosed\n---\nBody\n");
        assertTrue(e.line() >= 4 && e.line() <= 5, "line " + e.line());
        assertTrue(e.getMessage().startsWith(FILE + ":" + e.line() + ": malformed"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheLineOfTheKey() {
        assertEquals(3, error("---\ntitle: T\norder: soon\n---\n").line());
        assertEquals(2, error("---\ntitle: [a, b]\n---\n").line());
    }

    @Test
    void unknownKeyIsAnError() {
        ContentException e = error("---\ntitle: T\ntittle: U\n---\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("tittle"));
    }

    @Test
    void pageWithoutFrontMatterIsAnErrorAtLineOne() {
        assertEquals(1, error("# Just a heading\n").line());
    }

    @Test
    void unclosedFrontMatterIsAnError() {
        assertEquals(1, error("---\ntitle: T\n\n# Heading\n").line());
    }

    @Test
    void linesAfterFrontMatterKeepTheirNumbersWithWindowsLineEnds() {
        ParsedPage page = parse("---\r\ntitle: T\r\ndescription: D\r\n---\r\n\r\n{{a.b}}\r\n");
        assertEquals(6, page.values().get(0).line());
    }
}
