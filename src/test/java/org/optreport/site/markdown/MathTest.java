package org.optreport.site.markdown;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.site.markdown.Pages.html;
import static org.optreport.site.markdown.Pages.mathTexts;
import org.optreport.errors.ContentException;

/** TeX must reach MathJax exactly as written: the expected strings are the input with MathJax's delimiters. */
class MathTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "U_{ij} V_{ij}",
            "a*b*c",
            "\\{x : x < 1\\}",
            "a \\& b > c",
            "\\|W\\|_F^2",
            "\\$5 + x_1",
            "\\frac{{a}}{b} @fig:x {{v}}",
    })
    void inlineDollarMathIsVerbatim(String tex) {
        assertEquals(List.of("\\(" + tex + "\\)"), mathTexts("Before $" + tex + "$ after.\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
            "\\sum_{i} x_i^* < \\infty",
            "a_1 * b_2 * c",
    })
    void inlineDisplayDollarsAreVerbatim(String tex) {
        assertEquals(List.of("\\[" + tex + "\\]"), mathTexts("See $$" + tex + "$$ here.\n"));
        assertEquals("math display", html("$$" + tex + "$$\n").selectFirst(".math").className());
    }

    @Test
    void backslashParenAndBracketKeepTheirDelimiters() {
        assertEquals(List.of("\\(\\|W\\|_F^2\\)", "\\[ \\sum_{i} x_i^* \\]"),
                mathTexts("Norm \\(\\|W\\|_F^2\\) and \\[ \\sum_{i} x_i^* \\] inline.\n"));
    }

    @Test
    void underscoresInTwoMathsOnOneLineMakeNoEmphasis() {
        Document doc = html("Compare $W_1 x_2$ with $W_2 x_1$ now.\n");
        assertEquals(List.of("\\(W_1 x_2\\)", "\\(W_2 x_1\\)"),
                doc.select(".math").eachText().stream().map(t -> t).toList());
        assertTrue(doc.select("em").isEmpty());
    }

    @Test
    void displayBlockOfDollarsSpansLinesVerbatim() {
        String tex = "\n\\begin{pmatrix} a & b \\\\\n c & d \\end{pmatrix} \\tag{m}\n  - x_1 * y_2\n";
        assertEquals(List.of("\\[" + tex + "\\]"), mathTexts("Text before\n$$" + tex + "$$\nText after.\n"));
    }

    @Test
    void displayBlockOfBracketsSpansLinesVerbatim() {
        String block = "\\[\n  \\sum_{i} x_i^* \\\\[2pt]\n  # not a heading\n\\]";
        Document doc = html(block + "\n");
        assertEquals(List.of(block), mathTexts(block + "\n"));
        assertTrue(doc.select("h1").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"align", "align*", "equation", "equation*", "gather", "multline"})
    void environmentsAreKeptAsWritten(String environment) {
        String block = "\\begin{" + environment + "}\n  a &= b \\\\ \\label{eq:x}\n  c &= d_1 * e_2\n\n  f &< g\n\\end{" + environment + "}";
        Document doc = html("Intro.\n" + block + "\nOutro.\n");
        Element math = doc.selectFirst("div.math.display");
        assertEquals(block, math.wholeText());
    }

    @Test
    void dollarsInCodeAreCode() {
        Document doc = html("Use `$x_1$` here.\n\n```\n$a_1$ and $$b$$ \\(c\\)\n```\n");
        assertTrue(doc.select(".math").isEmpty());
        assertEquals("$x_1$", doc.select("p code").text());
        assertEquals("$a_1$ and $$b$$ \\(c\\)\n", doc.selectFirst("pre code").wholeText());
    }

    @Test
    void pricesAreNotMath() {
        Document doc = html("It costs $5 and $10 in total.\n");
        assertTrue(doc.select(".math").isEmpty());
        assertEquals("It costs $5 and $10 in total.", doc.selectFirst("p").text());
    }

    @Test
    void dollarFollowedBySpaceIsNotMath() {
        Document doc = html("A $ sign and $ another.\n");
        assertTrue(doc.select(".math").isEmpty());
        assertEquals("A $ sign and $ another.", doc.selectFirst("p").text());
    }

    @Test
    void closingDollarFollowedByDigitIsNotMath() {
        assertTrue(mathTexts("From $a to b$5 more.\n").isEmpty());
    }

    @Test
    void escapedDollarIsText() {
        Document doc = html("Pay \\$x$ now.\n");
        assertTrue(doc.select(".math").isEmpty());
        assertEquals("Pay $x$ now.", doc.selectFirst("p").text());
    }

    @Test
    void mathSpansContinuationLinesOfAParagraph() {
        assertEquals(List.of("\\(a +\nb_1\\)"), mathTexts("Sum $a +\nb_1$ ends.\n"));
    }

    @Test
    void mathInsideTableCellsKeepsBars() {
        Document doc = html("| norm | value |\n|---|---|\n| $|x|_1$ | 2 |\n");
        assertEquals("\\(|x|_1\\)", doc.selectFirst("td .math").wholeText());
        assertEquals(2, doc.select("tbody td").size());
    }

    @Test
    void htmlSpecialCharactersAreEscapedInTheSource() {
        String rendered = Pages.render("$a < b & c$\n");
        assertTrue(rendered.contains("\\(a &lt; b &amp; c\\)"), rendered);
    }

    @Test
    void unclosedDisplayBlockIsAnErrorAtItsOpeningLine() {
        String body = "Text.\n\n$$\nx_1\n";
        var error = org.junit.jupiter.api.Assertions.assertThrows(org.optreport.errors.ContentException.class,
                () -> Pages.parse(body));
        assertEquals(Pages.lineOf(Pages.FRONT_MATTER + body, "$$"), error.line());
    }
}
