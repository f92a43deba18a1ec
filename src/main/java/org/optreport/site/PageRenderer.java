package org.optreport.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optreport.build.BuildLog;
import org.optreport.site.chart.FigureCache;
import org.optreport.site.chart.WrittenPanel;
import org.optreport.site.claims.Verdict;
import org.optreport.site.citations.Bibliography;
import org.optreport.site.citations.CitationStyle;
import org.optreport.site.citations.PageCitations;
import org.optreport.site.citations.ReferenceEntry;
import org.optreport.site.citations.SiteBibliography;
import org.optreport.site.citations.YearLabels;
import org.optreport.site.markdown.CitationUse;
import org.optreport.site.markdown.ClaimUse;
import org.optreport.site.markdown.FigureUse;
import org.optreport.site.markdown.Heading;
import org.optreport.site.markdown.Html;
import org.optreport.site.markdown.MarkdownPages;
import org.optreport.site.markdown.Reference;
import org.optreport.site.markdown.ReferenceUse;
import org.optreport.site.markdown.RenderContext;
import org.optreport.site.markdown.ValueUse;
import org.optreport.site.pdf.PdfChapter;
import org.optreport.site.templates.Templates;
import org.optreport.report.output.Figure;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.errors.ContentException;
import org.optreport.errors.DidYouMean;

/**
 * Renders the pages into the staging folder: numbers figures, tables and sections ({@link CrossReferences}),
 * resolves references and citations (with each page's References section), writes each figure's images and CSV files once, marks claims as checked, and fills the page template.
 */
final class PageRenderer {
    private static final String FIGURE_DIR = "figures";

    private final Templates templates;
    private final MarkdownPages markdown;
    private final Map<String, StudyOutput> outputs;
    private final List<SiteBuilder.SitePage> pages;
    /** The pages written: all of them, or the one of {@code build --only} (the others still number and link). */
    private final List<SiteBuilder.SitePage> rendered;
    private final Path site;
    private final BuildLog log;
    private final FigureCache figures;
    private final ClaimCheck claims;
    private final Bibliography bibliography;
    private final CitationStyle citationStyle;
    private static final String BIBLIOGRAPHY_HREF = SiteBibliography.PAGE_NAME + ".html";
    private static final String BIBLIOGRAPHY_TITLE = "References";

    private final CrossReferences crossReferences;
    /** A --quick build: every page says its numbers come from the reduced runs. */
    private final boolean preview;
    private final YearLabels yearLabels;
    private final List<ReferenceEntry> bibliographyEntries;
    private final Map<String, List<WrittenPanel>> written = new HashMap<>();
    /** The PDF every page links to ({@code build --pdf}), or null: no link. */
    private final String pdfHref;

    PageRenderer(Templates templates, MarkdownPages markdown, Map<String, StudyOutput> outputs,
                 List<SiteBuilder.SitePage> pages, List<SiteBuilder.SitePage> rendered, Path site, FigureCache figures, ClaimCheck claims,
                 Bibliography bibliography, CitationStyle citationStyle, boolean preview, String pdfHref, BuildLog log) {
        this.preview = preview;
        this.pdfHref = pdfHref;
        this.bibliography = bibliography;
        this.citationStyle = citationStyle;
        this.figures = figures;
        this.claims = claims;
        this.templates = templates;
        this.markdown = markdown;
        this.outputs = outputs;
        this.pages = pages;
        this.rendered = rendered;
        this.site = site;
        this.log = log;
        this.crossReferences = new CrossReferences(pages);
        List<SiteBibliography.CitingPage> citing = new ArrayList<>();
        for (SiteBuilder.SitePage page : pages) {
            if (page.name().equals(SiteBibliography.PAGE_NAME))
                throw new ContentException(page.parsed().source(), 0, "the page name '" + SiteBibliography.PAGE_NAME
                        + "' is taken by the generated list of references: rename the page");
            List<String> keys = page.parsed().citations().stream().flatMap(c -> c.items().stream()).map(CitationUse.Item::key).distinct().toList();
            citing.add(new SiteBibliography.CitingPage(page.parsed().frontMatter().title(), page.href(), keys));
        }
        this.yearLabels = new YearLabels(SiteBibliography.citedKeys(citing).stream().map(k -> bibliography.find(k).orElseThrow()).toList());
        this.bibliographyEntries = SiteBibliography.entries(citing, bibliography, yearLabels, citationStyle);
    }

    SiteBuilder.Summary renderAll(BuildStamp stamp, BuildTime time, BuildLog log, int runs) throws IOException {
        Files.createDirectories(site.resolve(FIGURE_DIR));
        for (SiteBuilder.SitePage page : rendered) {
            log.info("page", page.href());
            String html;
            try {
                Context context = new Context(page);
                String body = markdown.render(page.parsed(), context);
                html = pageHtml(contentView(page, body, context.citations.references()), stamp, time);
            } catch (ContentException e) {
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) { // drawing a figure, say: the message names the page
                throw new IllegalStateException(page.parsed().source() + ": the page could not be rendered: " + e, e);
            }
            Files.writeString(site.resolve(page.href()), html, StandardCharsets.UTF_8);
        }
        if (!bibliographyEntries.isEmpty()) {
            log.info("page", BIBLIOGRAPHY_HREF);
            StringBuilder body = new StringBuilder("<p>Every work the report cites, and the pages that cite it.</p>\n<ul class=\"references-list\">\n");
            for (ReferenceEntry entry : bibliographyEntries)
                body.append("<li id=\"").append(Html.escape(entry.id())).append("\">").append(entry.html()).append("</li>\n");
            PageView view = new PageView(BIBLIOGRAPHY_HREF, BIBLIOGRAPHY_TITLE, "Every work the report cites, with the pages that cite it.", "",
                    body.append("</ul>").toString(), List.of(), List.of(), List.of(), false);
            Files.writeString(site.resolve(BIBLIOGRAPHY_HREF), pageHtml(view, stamp, time), StandardCharsets.UTF_8);
        }
        return new SiteBuilder.Summary(rendered.size(), crossReferences.figureCount(), crossReferences.tableCount(), runs, log.seconds());
    }

    /** What the page template shows, for a content page or a generated one. */
    private record PageView(String href, String title, String description, String chapter, String bodyHtml,
                            List<Map<String, Object>> toc, List<String> warnings, List<ReferenceEntry> references, boolean referencesNumbered) {}

    private PageView contentView(SiteBuilder.SitePage page, String body, List<ReferenceEntry> references) {
        List<Map<String, Object>> toc = new ArrayList<>();
        for (Heading h : page.parsed().toc())
            toc.add(Map.of("level", h.level(), "id", h.id(), "text", h.text(), "html", headingHtml(h.text()),
                    "number", java.util.Objects.requireNonNullElse(crossReferences.sectionNumber(page, h.id()), "")));
        String description = page.parsed().frontMatter().description();
        return new PageView(page.href(), page.parsed().frontMatter().title(), description == null ? "" : description,
                crossReferences.chapter(page), body, toc, warnings(page), references, citationStyle == CitationStyle.NUMERIC);
    }

    /** The navigation: the content pages in order, then the bibliography when anything is cited. */
    private List<Map<String, String>> navigation() {
        List<Map<String, String>> nav = new ArrayList<>();
        for (SiteBuilder.SitePage p : pages) nav.add(Map.of("title", p.parsed().frontMatter().title(), "href", p.href()));
        if (!bibliographyEntries.isEmpty()) nav.add(Map.of("title", BIBLIOGRAPHY_TITLE, "href", BIBLIOGRAPHY_HREF));
        return nav;
    }

    private String pageHtml(PageView view, BuildStamp stamp, BuildTime time) {
        List<Map<String, String>> links = navigation();
        List<Map<String, Object>> nav = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < links.size(); i++) {
            boolean current = links.get(i).get("href").equals(view.href());
            if (current) index = i;
            nav.add(Map.of("title", links.get(i).get("title"), "href", links.get(i).get("href"), "current", current));
        }
        Map<String, Object> pageModel = new HashMap<>();
        pageModel.put("title", view.title());
        pageModel.put("chapter", view.chapter());
        pageModel.put("description", view.description());
        pageModel.put("bodyHtml", view.bodyHtml());
        pageModel.put("toc", view.toc());
        pageModel.put("previous", index > 0 ? links.get(index - 1) : null);
        pageModel.put("next", index + 1 < links.size() ? links.get(index + 1) : null);
        pageModel.put("warnings", view.warnings());
        List<Map<String, Object>> referenceModel = new ArrayList<>();
        for (ReferenceEntry entry : view.references()) referenceModel.add(Map.of("id", entry.id(), "html", entry.html()));
        pageModel.put("references", referenceModel);
        pageModel.put("referencesNumbered", view.referencesNumbered());
        Map<String, Object> model = new HashMap<>();
        Map<String, Object> siteModel = new HashMap<>(Map.of("title", siteTitle(), "pages", nav));
        if (pdfHref != null) siteModel.put("pdf", pdfHref);
        model.put("site", siteModel);
        model.put("page", pageModel);
        model.put("preview", preview);
        Map<String, Object> stampModel = new HashMap<>();
        stampModel.put("commit", stamp.commit());
        stampModel.put("buildDate", stamp.buildDate());
        stampModel.put("jvm", stamp.jvm());
        stampModel.put("os", stamp.os());
        stampModel.put("cpu", stamp.cpu());
        stampModel.put("cores", stamp.cores());
        stampModel.put("buildSeconds", time.mark());
        model.put("stamp", stampModel);
        model.put("root", "");
        return templates.render("page.ftlh", model);
    }

    /** A heading's text for the table of contents: escaped, with its $...$ math typeset like the body's. */
    static String headingHtml(String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$([^$]+)\\$").matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(Html.escape(text.substring(last, m.start())))
                    .append("<span class=\"math inline\">\\(").append(Html.escape(m.group(1))).append("\\)</span>");
            last = m.end();
        }
        return out.append(Html.escape(text.substring(last))).toString();
    }

    String siteTitle() {
        return pages.get(0).parsed().frontMatter().title();
    }

    /** The home page's description, for the PDF's title page ("" when it has none). */
    String siteDescription() {
        String d = pages.get(0).parsed().frontMatter().description();
        return d == null ? "" : d;
    }

    /** The pages in navigation order as the PDF's chapters, each with its numbered level-2 sections; then the bibliography. */
    List<PdfChapter> pdfChapters() {
        List<PdfChapter> chapters = new ArrayList<>();
        for (SiteBuilder.SitePage page : pages) {
            List<PdfChapter.Section> sections = new ArrayList<>();
            for (Heading h : page.parsed().toc()) {
                if (h.level() != 2) continue;
                String number = crossReferences.sectionNumber(page, h.id());
                sections.add(new PdfChapter.Section(h.id(), java.util.Objects.requireNonNullElse(number, ""), headingHtml(h.text())));
            }
            chapters.add(new PdfChapter(page.href(), java.util.Objects.requireNonNullElse(crossReferences.chapter(page), ""), page.parsed().frontMatter().title(), sections));
        }
        if (!bibliographyEntries.isEmpty()) chapters.add(new PdfChapter(BIBLIOGRAPHY_HREF, "", BIBLIOGRAPHY_TITLE, List.of()));
        return chapters;
    }

    /** Warnings of every study whose output the page shows. */
    private List<String> warnings(SiteBuilder.SitePage page) {
        LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        page.parsed().figures().forEach(f -> keys.add(f.name()));
        page.parsed().values().forEach(v -> keys.add(v.key()));
        page.parsed().claims().forEach(c -> c.claim().studies().forEach(s -> keys.add(s + ".")));
        for (String key : keys) {
            StudyOutput o = outputs.get(key.substring(0, key.indexOf('.')));
            if (o != null) o.warnings().forEach(w -> out.put(w, true));
        }
        return List.copyOf(out.keySet());
    }

    /** Resolves directives, values and references of one page. */
    private final class Context implements RenderContext {
        private final SiteBuilder.SitePage page;
        private final PageCitations citations;

        Context(SiteBuilder.SitePage page) {
            this.page = page;
            this.citations = new PageCitations(bibliography, citationStyle, yearLabels, page.parsed().source());
        }

        @Override public String citation(CitationUse use) { return citations.html(use); }

        @Override public String figure(FigureUse use, String captionHtml) {
            String study = use.name().substring(0, use.name().indexOf('.')), item = use.name().substring(use.name().indexOf('.') + 1);
            StudyOutput out = outputs.get(study);
            Map<String, Object> model = new HashMap<>();
            model.put("id", use.label() == null ? null : use.kind().labelPrefix() + ":" + use.label());
            model.put("number", crossReferences.number(use));
            model.put("captionHtml", captionHtml);
            if (use.kind() == FigureUse.Kind.TABLE) {
                Table t = out.tables().get(item);
                if (t == null) throw missing(use, "table", out.tables().keySet());
                model.put("header", t.header());
                model.put("rows", t.rows());
                return templates.render("table.ftlh", model);
            }
            Figure f = out.figures().get(item);
            if (f == null) throw missing(use, "figure", out.figures().keySet());
            List<WrittenPanel> written = panelsOf(use.name(), f);
            List<Map<String, Object>> panels = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                String letter = String.valueOf((char) ('a' + i));
                if (use.panels() != null && !use.panels().contains(letter)) continue;
                WrittenPanel p = written.get(i);
                panels.add(Map.of("src", FIGURE_DIR + "/" + p.shownFileName(), "png", FIGURE_DIR + "/" + p.pngFileName(),
                        "vector", p.svgFileName() != null, "csv", FIGURE_DIR + "/" + p.csvFileName(),
                        "width", p.widthPx(), "height", p.heightPx(), "alt", p.altText(), "letter", letter));
            }
            if (use.panels() != null && panels.size() < use.panels().length())
                throw new ContentException(page.parsed().source(), use.line(), "panels=" + String.join(",", use.panels().split(""))
                        + ": figure '" + use.name() + "' has " + written.size() + (written.size() == 1 ? " panel (a)" : " panels (a to "
                        + (char) ('a' + written.size() - 1) + ")"));
            model.put("panels", panels);
            return templates.render("figure.ftlh", model);
        }

        private ContentException missing(FigureUse use, String what, java.util.Set<String> known) {
            return new ContentException(page.parsed().source(), use.line(), "no " + what + " named '" + use.name() + "' ("
                    + alternatives(use.name(), what, known) + ")");
        }

        @Override public String value(ValueUse use) {
            int dot = use.key().indexOf('.');
            StudyOutput out = outputs.get(use.key().substring(0, dot));
            String v = out == null ? null : out.values().get(use.key().substring(dot + 1));
            if (v == null)
                throw new ContentException(page.parsed().source(), use.line(), "no value named '" + use.key() + "'"
                        + (out == null ? "" : " (" + alternatives(use.key(), "value", out.values().keySet()) + ")"));
            return v;
        }

        @Override public Verdict check(ClaimUse use) { return claims.verdict(use); }

        @Override public String sectionNumber(String headingId) { return crossReferences.sectionNumber(page, headingId); }

        @Override public Reference reference(ReferenceUse use) {
            switch (use.kind()) {
                case FIG, TAB -> {
                    CrossReferences.Target t = crossReferences.label(use.target());
                    if (t == null) throw unresolved(use);
                    String href = t.href().startsWith(page.href() + "#") ? t.href().substring(page.href().length()) : t.href();
                    return new Reference(href, t.text());
                }
                case EQ -> {
                    if (!page.parsed().equationLabels().contains(use.target())) throw unresolved(use);
                    return null; // the renderer writes MathJax's \eqref, which numbers and links the equation
                }
                case SEC -> {
                    for (Heading h : page.parsed().headings())
                        if (h.id().equals(use.label())) return new Reference("#" + h.id(), crossReferences.sectionText(page, h));
                    throw unresolved(use);
                }
                case PAGE -> {
                    for (SiteBuilder.SitePage p : pages)
                        if (p.name().equals(use.label())) return new Reference(p.href(), p.parsed().frontMatter().title());
                    throw unresolved(use);
                }
                default -> throw unresolved(use);
            }
        }

        private ContentException unresolved(ReferenceUse use) {
            return new ContentException(page.parsed().source(), use.line(), "reference @" + use.target() + " points to nothing");
        }
    }

    /**
     * For an unknown {@code study.item}: the name it probably meant and where to see them all, or, when none is
     * close, every name the study has of that kind.
     */
    private static String alternatives(String name, String what, java.util.Set<String> known) {
        int dot = name.indexOf('.');
        String study = name.substring(0, dot);
        java.util.Optional<String> closest = DidYouMean.closest(name.substring(dot + 1), known);
        if (closest.isEmpty()) return "this study has: " + String.join(", ", new java.util.TreeSet<>(known));
        return "did you mean '" + study + "." + closest.get() + "'? `list " + study + "` shows all " + known.size() + " "
                + what + (known.size() == 1 ? "" : "s");
    }

    /** A figure used twice is drawn once. */
    private List<WrittenPanel> panelsOf(String name, Figure f) {
        return written.computeIfAbsent(name, n -> figures.write(f, n.replace('.', '-'), site.resolve(FIGURE_DIR)));
    }
}
