package org.optreport.site.markdown;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.site.markdown.Pages.FRONT_MATTER;
import static org.optreport.site.markdown.Pages.lineOf;
import org.optreport.report.output.Figure;

class ReferenceAndValueTest {

    @Test
    void referencesOfEveryKindAreCollectedWithLinesCountingFrontMatter() {
        String body = """
                ## Setup

                As @fig:loss-curve shows and @tab:summary lists,
                see @page:ntk and (@sec:setup).

                \\begin{equation}
                f = 1 \\label{eq:f}
                \\end{equation}
                Equation @eq:f.
                """;
        String full = FRONT_MATTER + body;
        assertEquals(List.of(
                new ReferenceUse(ReferenceUse.Kind.FIG, "loss-curve", lineOf(full, "@fig")),
                new ReferenceUse(ReferenceUse.Kind.TAB, "summary", lineOf(full, "@tab")),
                new ReferenceUse(ReferenceUse.Kind.PAGE, "ntk", lineOf(full, "@page")),
                new ReferenceUse(ReferenceUse.Kind.SEC, "setup", lineOf(full, "@sec")),
                new ReferenceUse(ReferenceUse.Kind.EQ, "f", lineOf(full, "@eq"))),
                Pages.parse(body).references());
    }

    @Test
    void trailingDotEndsTheSentenceNotTheLabel() {
        ParsedPage page = Pages.parse("Shown in @fig:landscape.loss. Next.\n");
        assertEquals("landscape.loss", page.references().get(0).label());
    }

    @Test
    void referencesInCodeAndMathAreNotCollected() {
        ParsedPage page = Pages.parse("Code `@fig:a {{x.y}}` and $@fig:b$\n\n```\n@fig:c {{x.z}}\n```\n");
        assertTrue(page.references().isEmpty());
        assertTrue(page.values().isEmpty());
    }

    @Test
    void emailAddressIsNotAReference() {
        ParsedPage page = Pages.parse("Write to someone@fig.com or a_b@tab:x.\n");
        assertTrue(page.references().isEmpty());
    }

    @Test
    void unknownKindIsText() {
        Document doc = Pages.html("Ping @bob:hello now.\n");
        assertEquals("Ping @bob:hello now.", doc.selectFirst("p").text());
    }

    @Test
    void referencesRenderAsEscapedLinks() {
        Pages.RecordingContext context = new Pages.RecordingContext() {
            @Override
            public Reference reference(ReferenceUse use) {
                return new Reference("other.html#fig-3", "Figure <3> & more");
            }
        };
        String html = Pages.PAGES.render(Pages.parse("See @fig:x.\n"), context);
        assertTrue(html.contains("<a href=\"other.html#fig-3\">Figure &lt;3&gt; &amp; more</a>"), html);
    }

    @Test
    void equationReferenceWithoutContextLinkBecomesEqref() {
        Document doc = Pages.html("\\begin{equation}\na \\label{eq:a}\n\\end{equation}\nBy @eq:a.\n");
        assertEquals("\\(\\eqref{eq:a}\\)", doc.select("span.math.inline").last().wholeText());
    }

    @Test
    void equationLabelsAreCollectedFromDisplayMath() {
        ParsedPage page = Pages.parse("\\begin{align}\na &= b \\label{eq:one} \\\\\nc &= d \\label{eq:two}\n\\end{align}\n");
        assertEquals(List.of("eq:one", "eq:two"), List.copyOf(page.equationLabels()));
    }

    @Test
    void missingEquationOrSectionOnThePageIsAnErrorWithLine() {
        String body = "Intro.\n\nSee @eq:nothing here.\n";
        ContentException equation = assertThrows(ContentException.class, () -> Pages.parse(body));
        assertEquals(lineOf(FRONT_MATTER + body, "@eq"), equation.line());
        ContentException section = assertThrows(ContentException.class, () -> Pages.parse("## A\n\n@sec:b\n"));
        assertEquals(6, section.line());
    }

    @Test
    void valuesAreCollectedWithLinesAndRenderedEscaped() {
        String body = "Rate {{landscape.learningRate}} and\n{{ wide-relu.ntk_error }}.\n";
        ParsedPage page = Pages.parse(body);
        String full = FRONT_MATTER + body;
        assertEquals(List.of(new ValueUse("landscape.learningRate", lineOf(full, "{{landscape")),
                new ValueUse("wide-relu.ntk_error", lineOf(full, "{{ wide"))), page.values());
        Pages.RecordingContext context = new Pages.RecordingContext() {
            @Override
            public String value(ValueUse use) { return "<b>1&2</b>"; }
        };
        assertTrue(Pages.PAGES.render(page, context).contains("Rate &lt;b&gt;1&amp;2&lt;/b&gt; and"));
    }

    @Test
    void malformedValueIsAnError() {
        ContentException error = assertThrows(ContentException.class, () -> Pages.parse("Text\nvalue {{a b}}\n"));
        assertEquals(5, error.line());
    }

    @Test
    void contextErrorsPropagateFromRender() {
        ParsedPage page = Pages.parse("Value {{missing.key}}\n");
        RenderContext failing = new Pages.RecordingContext() {
            @Override
            public String value(ValueUse use) {
                throw new ContentException(Pages.FILE, use.line(), "unknown value " + use.key());
            }
        };
        ContentException error = assertThrows(ContentException.class, () -> Pages.PAGES.render(page, failing));
        assertEquals(4, error.line());
    }
}
