package org.optreport.site.pdf;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The HTML of the title page and of the contents page, printed by the same browser with the site's own stylesheet.
 * Contents entries link to the site's pages ({@code file:} URLs inside the site), which {@link ReportAssembler} turns
 * into links inside the PDF like every other link between pages.
 */
final class FrontPages {
    private FrontPages() {}

    private static final String STYLE = """
            <style>
              body { margin: 0; }
              .front { font-family: var(--font); color: #000; }
              .title-page { display: flex; flex-direction: column; justify-content: center; min-height: 24cm; }
              .title-page h1 { font-size: 28pt; line-height: 1.2; margin: 0 0 12pt; }
              .title-page .description { font-size: 14pt; color: #333; margin: 0 0 36pt; }
              .title-page .details { font-size: 10pt; color: #333; line-height: 1.6; margin: 0; }
              .title-page .preview { margin-top: 24pt; font-size: 10pt; border-left: 3pt solid #666; padding-left: 8pt; }
              .contents h1 { font-size: 20pt; margin: 0 0 18pt; }
              .contents ol { list-style: none; margin: 0; padding: 0; }
              .contents li { break-inside: avoid; }
              .contents a { display: flex; gap: 6pt; color: #000; text-decoration: none; }
              .contents .leader { flex: 1; border-bottom: 1pt dotted #888; margin-bottom: 4pt; }
              .contents .page { font-variant-numeric: tabular-nums; min-width: 2.5em; text-align: right; }
              .contents .chapter { font-weight: 650; margin-top: 9pt; }
              .contents .section { padding-left: 1.5em; font-size: 10pt; }
            </style>
            """;

    static String titlePage(Path site, TitlePage title) {
        StringBuilder details = new StringBuilder();
        for (String line : title.details()) details.append(escape(line)).append("<br>\n");
        return document(site, title.title(), "", "<main class=\"front title-page\">\n<h1>" + escape(title.title()) + "</h1>\n"
                + (title.description() == null || title.description().isEmpty() ? "" : "<p class=\"description\">" + escape(title.description()) + "</p>\n")
                + "<p class=\"details\">" + details + "</p>\n"
                + (title.preview() ? "<p class=\"preview\"><strong>Preview (quick sizes).</strong> The numbers come from the reduced runs of "
                        + "<code>build --quick</code>; build without it for the report.</p>\n" : "")
                + "</main>");
    }

    /** The contents: every chapter and its sections with the page they start on ({@code pages}: href or href#id to page). */
    static String contentsPage(Path site, String reportTitle, List<PdfChapter> chapters, Map<String, Integer> pages) {
        StringBuilder list = new StringBuilder("<ol>\n");
        for (PdfChapter chapter : chapters) {
            list.append(entry(site, "chapter", chapter.href(), escape(chapter.heading()), pages.get(chapter.href())));
            for (PdfChapter.Section s : chapter.sections()) {
                String key = chapter.href() + "#" + s.id();
                list.append(entry(site, "section", key, (s.number().isEmpty() ? "" : escape(s.number()) + "&nbsp; ") + s.html(), pages.get(key)));
            }
        }
        return document(site, reportTitle, MATH, "<main class=\"front contents\">\n<h1>Contents</h1>\n" + list.append("</ol>\n") + "</main>");
    }

    /** {@code labelHtml} is trusted: escaped text, or a heading's HTML with its math. */
    private static String entry(Path site, String kind, String target, String labelHtml, Integer page) {
        return "<li class=\"" + kind + "\"><a href=\"" + escape(pageUri(site, target)) + "\"><span class=\"label\">" + labelHtml
                + "</span><span class=\"leader\"></span><span class=\"page\">" + (page == null ? "" : page) + "</span></a></li>\n";
    }

    /** {@code part2.html#fig:x} inside {@code site} as an absolute {@code file:} URL. */
    static String pageUri(Path site, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        URI uri = site.toAbsolutePath().normalize().resolve(file).toUri();
        return hash < 0 ? uri.toString() : uri + "#" + target.substring(hash + 1);
    }

    /** Math in section headings, typeset by the site's MathJax as on its pages (PagePrinter awaits it). */
    private static final String MATH = """
            <script>
            window.MathJax = { tex: { inlineMath: [['\\\\(','\\\\)']] }, options: { ignoreHtmlClass: 'tex2jax_ignore', processHtmlClass: 'math' },
                               svg: { fontCache: 'global' } };
            </script>
            <script defer src="MATHJAX"></script>
            """;

    private static String document(Path site, String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + escape(pageUri(site, "assets/style.css")) + "\">\n" + STYLE
                + head.replace("MATHJAX", escape(pageUri(site, "assets/mathjax/tex-svg.js"))) + "</head>\n<body class=\"tex2jax_ignore\">\n"
                + body + "\n</body>\n</html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
