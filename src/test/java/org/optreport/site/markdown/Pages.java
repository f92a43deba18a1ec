package org.optreport.site.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.site.claims.Numbers;
import org.optreport.site.claims.Verdict;

/** Test helpers: a page with minimal front matter, parsing, rendering and reading the HTML back with jsoup. */
final class Pages {
    static final Path FILE = Path.of("content/test-page.md");
    static final String FRONT_MATTER = "---\ntitle: Test page\n---\n";
    static final MarkdownPages PAGES = new MarkdownPages();

    private Pages() {}

    static ParsedPage parse(String body) {
        return PAGES.parse(FILE, FRONT_MATTER + body);
    }

    static String render(String body) {
        return PAGES.render(parse(body), new RecordingContext());
    }

    static Document html(String body) {
        return Jsoup.parseBodyFragment(render(body));
    }

    /** What MathJax will read: the decoded text of every math element, in order. */
    static List<String> mathTexts(String body) {
        List<String> texts = new ArrayList<>();
        for (Element math : html(body).select(".math")) {
            texts.add(math.wholeText());
        }
        return texts;
    }

    /** 1-based line of the first occurrence of {@code marker} in the full file text, counted here, not by the parser. */
    static int lineOf(String fullText, String marker) {
        int at = fullText.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException(marker);
        }
        return (int) fullText.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** A context that remembers what it was asked and answers predictably; claims are checked against {@link #numbers}. */
    static class RecordingContext implements RenderContext {
        final Map<String, Double> numbers = new HashMap<>();
        final List<ClaimUse> claims = new ArrayList<>();
        final List<FigureUse> figures = new ArrayList<>();
        final List<String> captions = new ArrayList<>();
        final List<ValueUse> values = new ArrayList<>();
        final List<ReferenceUse> references = new ArrayList<>();
        final List<CitationUse> citations = new ArrayList<>();

        @Override
        public String figure(FigureUse use, String captionHtml) {
            figures.add(use);
            captions.add(captionHtml);
            return "<figure id=\"" + use.name() + "\"><figcaption>" + captionHtml + "</figcaption></figure>";
        }

        @Override
        public String value(ValueUse use) {
            values.add(use);
            return "value of " + use.key();
        }

        @Override
        public Verdict check(ClaimUse use) {
            claims.add(use);
            return use.claim().evaluate(Numbers.of(numbers));
        }

        @Override
        public Reference reference(ReferenceUse use) {
            references.add(use);
            if (use.kind() == ReferenceUse.Kind.EQ) {
                return null;
            }
            return new Reference("#" + use.label(), use.kind().prefix() + " " + use.label());
        }

        @Override
        public String citation(CitationUse use) {
            citations.add(use);
            return "<cite>" + use.items().size() + " cited</cite>";
        }
    }
}
