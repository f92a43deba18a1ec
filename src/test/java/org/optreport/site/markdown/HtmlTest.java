package org.optreport.site.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Escaped text read back by an HTML parser (jsoup) is the original text, as text and as an attribute value. */
class HtmlTest {
    private static final String NASTY = "a < b && c > \"d\" 'e' </p><script>x()</script> &amp; η";

    @Test void escapedTextParsesBackToTheSameTextAndNoElements() {
        Document page = Jsoup.parseBodyFragment("<p>" + Html.escape(NASTY) + "</p>");
        assertEquals(NASTY, page.selectFirst("p").wholeText());
        assertTrue(page.select("script").isEmpty());
    }

    @Test void anEscapedAttributeValueParsesBackWhole() {
        Document page = Jsoup.parseBodyFragment("<a href=\"" + Html.escape(NASTY) + "\">link</a>");
        assertEquals(NASTY, page.selectFirst("a").attr("href"));
        assertEquals(1, page.select("a").size());
    }

    @Test void plainTextIsUnchanged() {
        assertEquals("Figure 3, λ_max ≤ 2/η", Html.escape("Figure 3, λ_max ≤ 2/η"));
    }
}
