package org.optreport.site.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.errors.ContentException;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Table;

class TemplatesTest {
    private static final Path TEMPLATES = Path.of("templates");

    private static Map<String, Object> pageModel(String commit) {
        Map<String, Object> page = new HashMap<>();
        page.put("title", "Deep linear networks");
        page.put("description", "Loss landscape & dynamics");
        page.put("bodyHtml", "<h2 id=\"sec:landscape\">Landscape</h2><p class=\"math\">\\(x<y\\)</p><a href=\"#fig:loss\">Figure 1</a>");
        page.put("toc", List.of(Map.of("level", 2, "id", "sec:landscape", "text", "Landscape", "html", "Landscape"),
                Map.of("level", 3, "id", "sec:saddle", "text", "Saddles <&>", "html", "Saddles &lt;&amp;&gt;")));
        page.put("previous", Map.of("title", "Introduction", "href", "index.html"));
        page.put("next", null);
        page.put("warnings", List.of("run depth=4 diverged <at step 10>"));
        Map<String, Object> stamp = new HashMap<>();
        stamp.put("commit", commit);
        stamp.put("buildDate", "2025-01-02T03:04:05Z");
        stamp.put("jvm", "17.0.15");
        stamp.put("os", "Linux 6.1");
        stamp.put("cpu", "Example CPU @ 2 GHz");
        stamp.put("cores", 2);
        stamp.put("buildSeconds", "12.3");
        Map<String, Object> model = new HashMap<>();
        model.put("site", Map.of("title", "optreport", "pages", List.of(
                Map.of("title", "Introduction", "href", "index.html", "current", false),
                Map.of("title", "Deep linear networks", "href", "pages/deep-linear.html", "current", true),
                Map.of("title", "NTK", "href", "pages/ntk.html", "current", false))));
        model.put("page", page);
        model.put("stamp", stamp);
        model.put("root", "../");
        return model;
    }

    private static Document renderPage(String commit) {
        return Jsoup.parse(new Templates(TEMPLATES).render("page.ftlh", pageModel(commit)));
    }

    @Test
    void navigationListsEveryPageAndMarksTheCurrentOne() {
        Document doc = renderPage("abc123");
        List<String> hrefs = doc.select("nav.site-nav a").eachAttr("href");
        assertEquals(List.of("../index.html", "../pages/deep-linear.html", "../pages/ntk.html"), hrefs);
        List<Element> current = doc.select("nav.site-nav a[aria-current=page]");
        assertEquals(1, current.size());
        assertEquals("Deep linear networks", current.get(0).text());
    }

    @Test
    void everyLinkAndAssetIsRelative() {
        Document doc = renderPage("abc123");
        List<String> urls = new java.util.ArrayList<>(doc.select("[href]").eachAttr("href"));
        urls.addAll(doc.select("[src]").eachAttr("src"));
        assertFalse(urls.isEmpty());
        for (String url : urls)
            assertFalse(url.matches("(?i)^([a-z][a-z0-9+.-]*:|//|/).*"), "absolute URL " + url);
        assertEquals("../assets/mathjax/tex-svg.js", doc.selectFirst("script[src]").attr("src"));
        assertTrue(doc.selectFirst("script[src]").hasAttr("defer"));
        assertEquals("../assets/style.css", doc.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void mathJaxIsConfiguredBeforeItLoadsAndOnlyTypesetsMathElements() {
        Document doc = renderPage(null);
        Element config = doc.select("script").first();
        assertTrue(config.data().contains("processHtmlClass: 'math'"), config.data());
        assertTrue(config.data().contains("inlineMath: [['\\\\(','\\\\)']]"), config.data());
        assertTrue(doc.body().hasClass("tex2jax_ignore"));
    }

    @Test
    void bodyAndTocHtmlAreTrustedButWarningsAreEscaped() {
        Document doc = renderPage("abc123");
        assertEquals("Landscape", doc.selectFirst("article.body h2[id=sec:landscape]").text());
        assertEquals("Saddles <&>", doc.selectFirst(".toc a[href=#sec:saddle]").text());
        Element warnings = doc.selectFirst("main [role=alert]");
        assertTrue(warnings.text().contains("run depth=4 diverged <at step 10>"), warnings.text());
        assertTrue(warnings.select("at").isEmpty(), "warning text must not become markup");
    }

    @Test
    void pagerAndStampShowWhatExists() {
        Document doc = renderPage(null);
        assertEquals("../index.html", doc.selectFirst("a[rel=prev]").attr("href"));
        assertTrue(doc.select("a[rel=next]").isEmpty());
        String stamp = doc.selectFirst("footer").text();
        assertFalse(stamp.contains("commit"), stamp);
        assertTrue(stamp.contains("12.3 s") && stamp.contains("Example CPU @ 2 GHz") && stamp.contains("2 cores"), stamp);
        assertTrue(renderPage("abc123").selectFirst("footer").text().contains("commit abc123"));
    }

    @Test
    void figureHasNumberCaptionAndSizedLazyImagesWithData() {
        Map<String, Object> model = new HashMap<>();
        model.put("id", "fig:loss");
        model.put("number", 3);
        model.put("captionHtml", "Loss <em>decreases</em>.");
        model.put("panels", List.of(Map.of("src", "figures/f-a.png", "csv", "figures/f-a.csv", "width", 640, "height", 400,
                "alt", "Loss \"a\" < b")));
        Document doc = Jsoup.parseBodyFragment(new Templates(TEMPLATES).render("figure.ftlh", model));
        Element figure = doc.selectFirst("figure.figure[id=fig:loss]");
        Element img = figure.selectFirst("img");
        assertEquals("640", img.attr("width"));
        assertEquals("400", img.attr("height"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("Loss \"a\" < b", img.attr("alt"));
        assertEquals("figures/f-a.csv", figure.selectFirst("a").attr("href"));
        assertEquals("Figure 3.", figure.selectFirst("figcaption .figure-number").text());
        assertEquals("decreases", figure.selectFirst("figcaption em").text());
        assertTrue(figure.select("a[href$=.png]").isEmpty(), "a PNG shown as the image has no download link beside it");
    }

    /** A vector figure links its PNG beside the CSV. */
    @Test
    void anSvgFigureOffersItsPngBesideTheData() {
        Map<String, Object> model = new HashMap<>();
        model.put("number", 1);
        model.put("captionHtml", "Loss.");
        model.put("panels", List.of(Map.of("src", "figures/f-a.svg", "png", "figures/f-a.png", "vector", true, "csv", "figures/f-a.csv",
                "width", 640, "height", 400, "alt", "a")));
        Element figure = Jsoup.parseBodyFragment(new Templates(TEMPLATES).render("figure.ftlh", model)).selectFirst("figure.figure");
        assertEquals("figures/f-a.svg", figure.selectFirst("img").attr("src"));
        assertEquals(List.of("figures/f-a.csv", "figures/f-a.png"), figure.select(".panel-data a").eachAttr("href"));
    }

    @Test
    void figureWithoutIdHasNoIdAttribute() {
        Map<String, Object> model = new HashMap<>();
        model.put("id", null);
        model.put("number", 1);
        model.put("captionHtml", "x");
        model.put("panels", List.of());
        Element figure = Jsoup.parseBodyFragment(new Templates(TEMPLATES).render("figure.ftlh", model)).selectFirst("figure");
        assertFalse(figure.hasAttr("id"));
    }

    @Test
    void tableRightAlignsNumericColumnsOnly() {
        Map<String, Object> model = new HashMap<>();
        model.put("id", "tab:rates");
        model.put("number", 2);
        model.put("captionHtml", "Rates.");
        model.put("header", List.of("depth", "rate", "note"));
        model.put("rows", List.of(List.of("2", "1.5e-3", "fast"), List.of("3", "−0.25", "<slow>")));
        Document doc = Jsoup.parseBodyFragment(new Templates(TEMPLATES).render("table.ftlh", model));
        Element table = doc.selectFirst("figure.table[id=tab:rates] table");
        assertEquals(List.of(true, true, false), table.select("thead th").stream().map(th -> th.hasClass("num")).toList());
        assertEquals(List.of(true, true, false), table.select("tbody tr").get(1).select("td").stream().map(td -> td.hasClass("num")).toList());
        assertEquals("<slow>", table.select("tbody tr").get(1).select("td").get(2).text());
        assertEquals("Table 2.", doc.selectFirst("figcaption .table-number").text());
    }

    @Test
    void undefinedVariableNamesTemplateLineAndVariable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.ftlh"), "<p>first line</p>\n<p>${page.missingThing}</p>\n");
        Map<String, Object> model = Map.of("page", Map.of("title", "x"));
        ContentException e = assertThrows(ContentException.class, () -> new Templates(dir).render("broken.ftlh", model));
        assertEquals(dir.resolve("broken.ftlh"), e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("page.missingThing"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesTemplateAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.ftlh"), "<p>ok</p>\n\n<#if>\n");
        ContentException e = assertThrows(ContentException.class, () -> new Templates(dir).render("bad.ftlh", Map.of()));
        assertEquals(dir.resolve("bad.ftlh"), e.file());
        assertEquals(3, e.line());
    }

    @Test
    void newBuiltInCannotRunCommands(@TempDir Path dir) throws IOException {
        Path marker = dir.resolve("ran");
        Files.writeString(dir.resolve("evil.ftlh"), "<p>x</p>\n<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}\n");
        ContentException e = assertThrows(ContentException.class, () -> new Templates(dir).render("evil.ftlh", Map.of()));
        assertEquals(dir.resolve("evil.ftlh"), e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
        assertFalse(Files.exists(marker), "the template ran a shell command");
    }

    @Test
    void apiBuiltInIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("api.ftlh"), "<p>x</p>\n${page?api.getClass()}\n");
        ContentException e = assertThrows(ContentException.class, () -> new Templates(dir).render("api.ftlh", Map.of("page", Map.of("title", "x"))));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("api_builtin_enabled"), e.getMessage());
    }

    /** The model is maps, lists and scalars; any other object stays opaque, so no Java method or getClass() is reachable. */
    @Test
    void otherObjectsExposeNoMethodsOrClass(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("beans.ftlh"), "${file.exists()?c}");
        Files.writeString(dir.resolve("class.ftlh"), "${file.class.simpleName}");
        Map<String, Object> model = Map.of("file", dir.toFile());
        assertThrows(ContentException.class, () -> new Templates(dir).render("beans.ftlh", model));
        assertThrows(ContentException.class, () -> new Templates(dir).render("class.ftlh", model));
    }

    @Test
    void runawayOutputEndsInContentExceptionNotOutOfMemory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("loop.ftlh"), "<p>x</p>\n\n<#list 1..999999999 as i>x</#list>\n");
        ContentException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(ContentException.class, () -> new Templates(dir).render("loop.ftlh", Map.of())));
        assertEquals(dir.resolve("loop.ftlh"), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().endsWith("template output exceeds 32 MiB: a runaway loop?"), e.getMessage());
    }
}
