package org.optreport.site.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.site.markdown.Pages.FRONT_MATTER;
import static org.optreport.site.markdown.Pages.lineOf;

class DirectiveTest {

    private static final String FIGURE = """
            Intro paragraph.

            ::: figure landscape.loss {#fig:landscape-loss}
            Loss of *all* runs, step $\\eta_t$.
            :::
            After the figure.
            """;

    @Test
    void figureDirectiveIsCollectedWithItsOpeningLine() {
        ParsedPage page = Pages.parse(FIGURE);
        assertEquals(List.of(new FigureUse(FigureUse.Kind.FIGURE, "landscape.loss", "landscape-loss",
                lineOf(FRONT_MATTER + FIGURE, ":::"))), page.figures());
    }

    @Test
    void panelsSelectLettersOfAFigure() {
        ParsedPage page = Pages.parse("::: figure landscape.loss panels=b,c {#fig:x}\nC.\n:::\n");
        assertEquals("bc", page.figures().get(0).panels());
        assertEquals("x", page.figures().get(0).label());
        assertNull(Pages.parse(FIGURE).figures().get(0).panels(), "no selection: every panel");
    }

    @Test
    void aTableHasNoPanels() {
        assertThrows(ContentException.class, () -> Pages.parse("::: table a.b panels=a {#tab:x}\nC.\n:::\n"));
    }

    @Test
    void captionIsRenderedMarkdownWithMathAndGoesToTheContext() {
        Pages.RecordingContext context = new Pages.RecordingContext();
        Pages.PAGES.render(Pages.parse(FIGURE), context);
        Element caption = Jsoup.parseBodyFragment(context.captions.get(0)).body();
        assertEquals("all", caption.selectFirst("em").text());
        assertEquals("\\(\\eta_t\\)", caption.selectFirst("span.math.inline").wholeText());
        assertTrue(caption.select("p").isEmpty(), "a one-paragraph caption comes without <p>");
    }

    @Test
    void figureHtmlReplacesTheDirectiveAndTextAroundItStays() {
        var doc = Pages.html(FIGURE);
        assertEquals(1, doc.select("figure#landscape\\.loss").size());
        assertEquals(List.of("Intro paragraph.", "After the figure."), doc.select("body > p").eachText());
    }

    @Test
    void tableDirectiveWithoutLabel() {
        ParsedPage page = Pages.parse("::: table landscape.summary\nFinal losses.\n:::\n");
        FigureUse use = page.figures().get(0);
        assertEquals(FigureUse.Kind.TABLE, use.kind());
        assertEquals("landscape.summary", use.name());
        assertNull(use.label());
    }

    @Test
    void multiParagraphCaptionKeepsItsParagraphs() {
        Pages.RecordingContext context = new Pages.RecordingContext();
        Pages.PAGES.render(Pages.parse("::: figure a.b\nFirst.\n\nSecond.\n:::\n"), context);
        assertEquals(List.of("First.", "Second."), Jsoup.parseBodyFragment(context.captions.get(0)).select("p").eachText());
    }

    @Test
    void unknownDirectiveIsAnErrorWithFileAndLine() {
        String body = "Text.\n\n::: sidebar x.y\nhello\n:::\n";
        ContentException error = assertThrows(ContentException.class, () -> Pages.parse(body));
        assertEquals(lineOf(FRONT_MATTER + body, ":::"), error.line());
        assertEquals(Pages.FILE, error.file());
        assertTrue(error.getMessage().startsWith(Pages.FILE + ":" + error.line() + ": "), error.getMessage());
        assertTrue(error.getMessage().contains("unknown directive 'sidebar'"), error.getMessage());
    }

    @Test
    void unterminatedDirectiveIsAnErrorAtItsOpeningLine() {
        String body = "Text.\n\n::: figure a.b {#fig:x}\nCaption.\n\nMore text.\n";
        ContentException error = assertThrows(ContentException.class, () -> Pages.parse(body));
        assertEquals(lineOf(FRONT_MATTER + body, ":::"), error.line());
    }

    @Test
    void labelPrefixMustMatchTheKind() {
        ContentException error = assertThrows(ContentException.class,
                () -> Pages.parse("::: figure a.b {#tab:x}\nC.\n:::\n"));
        assertEquals(4, error.line());
    }

    @Test
    void strayClosingFenceIsAnError() {
        ContentException error = assertThrows(ContentException.class, () -> Pages.parse("Text.\n\n:::\n"));
        assertEquals(6, error.line());
    }

    @Test
    void directiveInsideFencedCodeIsCode() {
        ParsedPage page = Pages.parse("```\n::: figure a.b\n:::\n::: nonsense\n```\n");
        assertTrue(page.figures().isEmpty());
    }
}
