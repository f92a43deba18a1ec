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
import org.optreport.site.templates.Templates;
import org.optreport.report.output.Figure;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.errors.ContentException;

/**
 * Renders the pages into the staging folder: numbers figures and tables across the site in page order,
 * resolves references and citations (with each page's References section), writes each figure's images and CSV files once, marks claims as checked, and fills the page template.
 */
final class PageRenderer {
    private static final String FIGURE_DIR = "figures";

    /** Where a label lives and what it is called in the text. */
    private record Target(String href, String text) {}

    private final Templates templates;
    private final MarkdownPages markdown;
    private final Map<String, StudyOutput> outputs;
    private final List<SiteBuilder.SitePage> pages;
    private final Path site;
    private final BuildLog log;
    private final FigureCache figures;
    private final ClaimCheck claims;
    private final Bibliography bibliography;
    private final CitationStyle citationStyle;
    private final Map<String, Target> labels = new HashMap<>();
    private final Map<FigureUse, Integer> numbers = new HashMap<>();
    private final Map<String, List<WrittenPanel>> written = new HashMap<>();
    private int figureCount;
    private int tableCount;

    PageRenderer(Templates templates, MarkdownPages markdown, Map<String, StudyOutput> outputs,
                 List<SiteBuilder.SitePage> pages, Path site, FigureCache figures, ClaimCheck claims,
                 Bibliography bibliography, CitationStyle citationStyle, BuildLog log) {
        this.bibliography = bibliography;
        this.citationStyle = citationStyle;
        this.figures = figures;
        this.claims = claims;
        this.templates = templates;
        this.markdown = markdown;
        this.outputs = outputs;
        this.pages = pages;
        this.site = site;
        this.log = log;
        numberEverything();
    }

    /** Figure and table numbers run across the site in page order; labels must be unique. */
    private void numberEverything() {
        for (SiteBuilder.SitePage page : pages) {
            for (FigureUse use : page.parsed().figures()) {
                boolean table = use.kind() == FigureUse.Kind.TABLE;
                int number = table ? ++tableCount : ++figureCount;
                numbers.put(use, number);
                if (use.label() != null) {
                    String id = use.kind().labelPrefix() + ":" + use.label();
                    Target previous = labels.put(id, new Target(page.href() + "#" + id, (table ? "Table " : "Figure ") + number));
                    if (previous != null)
                        throw new ContentException(page.parsed().source(), use.line(), "label '" + use.label() + "' is used twice (also at " + previous.href() + ")");
                }
            }
        }
    }

    SiteBuilder.Summary renderAll(BuildStamp stamp, BuildLog log, int runs) throws IOException {
        Files.createDirectories(site.resolve(FIGURE_DIR));
        for (int i = 0; i < pages.size(); i++) {
            SiteBuilder.SitePage page = pages.get(i);
            log.info("page", page.href());
            String html;
            try {
                Context context = new Context(page);
                String body = markdown.render(page.parsed(), context);
                html = pageHtml(i, body, context.citations.references(), stamp.withBuildSeconds(log.seconds()));
            } catch (ContentException e) {
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) { // drawing a figure, say: the message names the page
                throw new IllegalStateException(page.parsed().source() + ": the page could not be rendered: " + e, e);
            }
            Files.writeString(site.resolve(page.href()), html, StandardCharsets.UTF_8);
        }
        return new SiteBuilder.Summary(pages.size(), figureCount, tableCount, runs, log.seconds());
    }

    private String pageHtml(int index, String body, List<ReferenceEntry> references, BuildStamp stamp) {
        SiteBuilder.SitePage page = pages.get(index);
        List<Map<String, Object>> nav = new ArrayList<>();
        for (SiteBuilder.SitePage p : pages)
            nav.add(Map.of("title", p.parsed().frontMatter().title(), "href", p.href(), "current", p == page));
        Map<String, Object> pageModel = new HashMap<>();
        pageModel.put("title", page.parsed().frontMatter().title());
        pageModel.put("description", page.parsed().frontMatter().description() == null ? "" : page.parsed().frontMatter().description());
        pageModel.put("bodyHtml", body);
        List<Map<String, Object>> toc = new ArrayList<>();
        for (Heading h : page.parsed().toc())
            toc.add(Map.of("level", h.level(), "id", h.id(), "text", h.text(), "html", headingHtml(h.text())));
        pageModel.put("toc", toc);
        pageModel.put("previous", index > 0 ? link(pages.get(index - 1)) : null);
        pageModel.put("next", index + 1 < pages.size() ? link(pages.get(index + 1)) : null);
        pageModel.put("warnings", warnings(page));
        List<Map<String, Object>> referenceModel = new ArrayList<>();
        for (ReferenceEntry entry : references) referenceModel.add(Map.of("id", entry.id(), "html", entry.html()));
        pageModel.put("references", referenceModel);
        pageModel.put("referencesNumbered", citationStyle == CitationStyle.NUMERIC);
        Map<String, Object> model = new HashMap<>();
        model.put("site", Map.of("title", siteTitle(), "pages", nav));
        model.put("page", pageModel);
        Map<String, Object> stampModel = new HashMap<>();
        stampModel.put("commit", stamp.commit());
        stampModel.put("buildDate", stamp.buildDate());
        stampModel.put("jvm", stamp.jvm());
        stampModel.put("os", stamp.os());
        stampModel.put("cpu", stamp.cpu());
        stampModel.put("cores", stamp.cores());
        stampModel.put("buildSeconds", stamp.buildSeconds());
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

    private String siteTitle() {
        return pages.get(0).parsed().frontMatter().title();
    }

    private static Map<String, Object> link(SiteBuilder.SitePage p) {
        return Map.of("title", p.parsed().frontMatter().title(), "href", p.href());
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
            this.citations = new PageCitations(bibliography, citationStyle, page.parsed().source());
        }

        @Override public String citation(CitationUse use) { return citations.html(use); }

        @Override public String figure(FigureUse use, String captionHtml) {
            String study = use.name().substring(0, use.name().indexOf('.')), item = use.name().substring(use.name().indexOf('.') + 1);
            StudyOutput out = outputs.get(study);
            Map<String, Object> model = new HashMap<>();
            model.put("id", use.label() == null ? null : use.kind().labelPrefix() + ":" + use.label());
            model.put("number", numbers.get(use));
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
            List<Map<String, Object>> panels = new ArrayList<>();
            for (WrittenPanel p : panelsOf(use.name(), f))
                panels.add(Map.of("src", FIGURE_DIR + "/" + p.pngFileName(), "csv", FIGURE_DIR + "/" + p.csvFileName(),
                        "width", p.widthPx(), "height", p.heightPx(), "alt", p.altText()));
            model.put("panels", panels);
            return templates.render("figure.ftlh", model);
        }

        private ContentException missing(FigureUse use, String what, java.util.Set<String> known) {
            return new ContentException(page.parsed().source(), use.line(), "no " + what + " named '" + use.name() + "' (this study has: "
                    + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }

        @Override public String value(ValueUse use) {
            int dot = use.key().indexOf('.');
            StudyOutput out = outputs.get(use.key().substring(0, dot));
            String v = out == null ? null : out.values().get(use.key().substring(dot + 1));
            if (v == null)
                throw new ContentException(page.parsed().source(), use.line(), "no value named '" + use.key() + "'"
                        + (out == null ? "" : " (this study has: " + String.join(", ", new java.util.TreeSet<>(out.values().keySet())) + ")"));
            return v;
        }

        @Override public Verdict check(ClaimUse use) { return claims.verdict(use); }

        @Override public Reference reference(ReferenceUse use) {
            switch (use.kind()) {
                case FIG, TAB -> {
                    Target t = labels.get(use.target());
                    if (t == null) throw unresolved(use);
                    String href = t.href().startsWith(page.href() + "#") ? t.href().substring(page.href().length()) : t.href();
                    return new Reference(href, t.text());
                }
                case EQ -> {
                    if (!page.parsed().equationLabels().contains(use.target())) throw unresolved(use);
                    return null; // the renderer writes MathJax's \eqref, which numbers and links the equation
                }
                case SEC -> {
                    for (Heading h : page.parsed().headings()) if (h.id().equals(use.label())) return new Reference("#" + h.id(), h.text());
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

    /** A figure used twice is drawn once. */
    private List<WrittenPanel> panelsOf(String name, Figure f) {
        return written.computeIfAbsent(name, n -> figures.write(f, n.replace('.', '-'), site.resolve(FIGURE_DIR)));
    }
}
