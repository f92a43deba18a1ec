package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Table;
import org.optreport.report.study.ConfigException;
import org.optreport.errors.ContentException;

class SiteBuilderTest {
    @TempDir Path dir;
    SiteFixture fixture;

    @BeforeEach void setUp() throws IOException { fixture = new SiteFixture(dir); }

    private Document page(String name) throws IOException {
        return Jsoup.parse(fixture.out.resolve(name).toFile(), "UTF-8");
    }

    @Test void buildsOnePagePerMarkdownFileWithNavigationAndAssets() throws IOException {
        SiteBuilder.Summary s = fixture.build(false, false);
        assertEquals(2, s.pages());
        assertEquals(1, s.figures());
        assertEquals(1, s.tables());
        for (String name : List.of("index.html", "second.html")) {
            Document d = page(name);
            List<String> nav = d.select("nav a[href$=.html]").eachAttr("href");
            assertTrue(nav.containsAll(List.of("index.html", "second.html")), name + " nav " + nav);
            assertEquals(1, d.select("[aria-current=page]").size());
        }
        assertTrue(Files.size(fixture.out.resolve("assets/mathjax/tex-svg.js")) > 1_000_000);
        assertTrue(Files.exists(fixture.out.resolve("assets/style.css")));
        assertEquals(List.of(), LinkChecker.check(fixture.out));
    }

    @Test void mathReachesMathJaxUntouched() throws IOException {
        fixture.build(false, false);
        Element inline = page("index.html").selectFirst(".math.inline");
        assertEquals("\\(U_{ij} V_{ij} < 1 \\& x\\)", inline.wholeText());
        assertTrue(page("second.html").select(".math").eachText().stream().anyMatch(t -> t.contains("\\|W\\|_F^2 = \\sum_{ij} W_{ij}^2 \\label{eq:norm}")));
        assertTrue(page("index.html").select("em").isEmpty(), "no emphasis from underscores in math");
    }

    @Test void figuresAreNumberedAndReferencesResolveAcrossPages() throws IOException {
        fixture.build(false, false);
        Document second = page("second.html");
        Element figure = second.getElementById("fig:curve");
        assertTrue(figure.selectFirst("figcaption").text().startsWith("Figure 1.1."), "the second page is chapter 1");
        Element img = figure.selectFirst("img");
        assertTrue(Files.exists(fixture.out.resolve(img.attr("src"))));
        assertTrue(figure.select("a[href$=.csv]").size() == 1);
        assertTrue(second.getElementById("tab:summary").text().contains("Table 1.1."));
        Element link = page("index.html").select("a").stream().filter(a -> a.text().equals("Figure 1.1")).findFirst().orElseThrow();
        assertEquals("second.html#fig:curve", link.attr("href"));
        assertTrue(second.select(".math.inline").eachText().contains("\\(\\eqref{eq:norm}\\)"));
        assertTrue(second.text().contains("Back to Section 1.1."));
    }

    @Test void sectionsAreNumberedByChapterExceptOnTheHomePage() throws IOException {
        fixture.build(false, false);
        Document second = page("second.html");
        assertEquals("1.2", second.selectFirst("article.body h2[id=second-section] .section-number").text());
        assertEquals(List.of("1.1", "1.2"), second.select(".toc .section-number").eachText());
        assertTrue(page("index.html").select(".section-number").isEmpty());
    }

    @Test void equationsArePrefixedByTheirChapter() throws IOException {
        fixture.build(false, false);
        assertTrue(page("second.html").select("script").html().contains("tagformat: { number: (n) => '1.' + n }"));
        assertFalse(page("index.html").select("script").html().contains("tagformat"));
        assertTrue(Files.isRegularFile(fixture.out.resolve("assets/mathjax/input/tex/extensions/tagformat.js")), "the extension MathJax loads");
    }

    @Test void aShortLabelIsWhatASectionReferenceReads() throws IOException {
        fixture.page("second", Files.readString(fixture.content.resolve("second.md"))
                .replace("## Results", "## Results of the toy runs {#results short=\"the results\"}"));
        fixture.build(false, false);
        Document second = page("second.html");
        assertTrue(second.text().contains("Back to the results."), second.text());
        assertEquals("1.1 Results of the toy runs", second.getElementById("results").text());
    }

    @Test void quotedValuesComeFromTheRuns() throws IOException {
        fixture.build(false, false);
        // runs: seed 1 -> y = x^2 on 1..4 -> mean 7.5
        assertTrue(page("index.html").text().contains("the value 7.5"));
        assertTrue(page("second.html").select(".math").eachText().contains("\\(\\eta = 7.5\\)"));
    }

    @Test void editingProseRecomputesNothing() throws IOException {
        fixture.build(false, false);
        assertEquals(2, fixture.computed.get());
        fixture.page("index", Files.readString(fixture.content.resolve("index.md")).replace("Welcome", "Hello"));
        fixture.build(false, false);
        assertEquals(2, fixture.computed.get());
        assertTrue(fixture.lastLog.contains("reused"), fixture.lastLog);
        assertTrue(page("index.html").getElementById("hello") != null);
        fixture.build(true, false);
        assertEquals(4, fixture.computed.get(), "--fresh recomputes");
    }

    @Test void changingAParameterRecomputesOnlyTheNewRuns() throws IOException {
        fixture.build(false, false);
        Files.writeString(fixture.content.resolve("report.yaml"), "toy:\n  seeds: 3\n");
        fixture.build(false, false);
        assertEquals(3, fixture.computed.get());
    }

    @Test void shardsFillTheCacheAndAPlainBuildAssemblesWithoutComputing() throws IOException {
        Files.writeString(fixture.content.resolve("report.yaml"), "toy:\n  seeds: 5\n");
        for (int i = 1; i <= 2; i++) {
            SiteBuilder.Summary s = fixture.build(new SiteBuilder.Options(fixture.content, Path.of("templates"), fixture.out, fixture.cache,
                    dir, true, false, 1, false, new org.optreport.build.Shard(i, 2)));
            assertEquals(i == 1 ? 3 : 2, s.runs());
        }
        assertFalse(Files.exists(fixture.out), "a shard writes no site");
        assertEquals(5, fixture.computed.get());
        fixture.build(false, false);
        assertEquals(5, fixture.computed.get());
        assertTrue(Files.exists(fixture.out.resolve("second.html")));
    }

    @Test void twoBuildsAreIdenticalApartFromTheStamp() throws IOException {
        fixture.build(false, false);
        Map<String, String> first = snapshot(fixture.out);
        fixture.build(true, false);
        assertEquals(first, snapshot(fixture.out));
    }

    private static Map<String, String> snapshot(Path site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String text;
                if (p.toString().endsWith(".html")) {
                    Document d = Jsoup.parse(p.toFile(), "UTF-8");
                    d.select("footer").remove(); // the build stamp: date and duration differ by design
                    text = d.outerHtml();
                } else {
                    text = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                }
                files.put(site.relativize(p).toString(), text);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private void assertFailsKeepingTheOldSite(Class<? extends Throwable> type, String expected) throws IOException {
        Map<String, String> before = snapshot(fixture.out);
        Throwable e = assertThrows(type, () -> fixture.build(false, false));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(before, snapshot(fixture.out), "the previous site must be untouched");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains("building")), "no staging folder left behind");
        }
    }

    @Test void unknownFigureNameFailsWithPageAndLineAndKeepsTheOldSite() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\n::: figure toy.nothing\nCaption.\n:::\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5: no figure named 'toy.nothing'");
    }

    @Test void unknownDirectiveFailsWithPageAndLine() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\n::: chart toy.curve\nCaption.\n:::\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5");
    }

    @Test void missingReferenceFailsWithPageAndLine() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\nSee @fig:nowhere.\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5: reference @fig:nowhere points to nothing");
    }

    @Test void citationsLinkToAReferencesSectionAtTheEndOfThePage() throws IOException {
        Files.writeString(fixture.content.resolve("references.bib"),
                "@article{lan2013,\n  author = {Ghadimi, Saeed and Lan, Guanghui},\n  title = {T},\n  year = {2013}\n}\n");
        Files.writeString(fixture.content.resolve("report.yaml"), "citations:\n  style: numeric\n");
        fixture.page("third", "---\ntitle: Third\n---\n\nAs @lan2013 show [@lan2013, Thm. 2.1].\n");
        fixture.build(false, false);
        Document third = page("third.html");
        assertEquals("As Ghadimi and Lan [1] show [1, Thm. 2.1].", third.selectFirst("article p").text());
        assertEquals(List.of("#ref-lan2013", "#ref-lan2013"), third.select("a.citation").eachAttr("href"));
        Element entry = third.selectFirst("section.references li#ref-lan2013");
        assertTrue(entry.text().startsWith("Ghadimi, S. and Lan, G. T."), entry.text());
        assertTrue(page("index.html").select("section.references").isEmpty(), "a page that cites nothing has no References");
        assertEquals(List.of(), LinkChecker.check(fixture.out));
    }

    @Test void aReferencesPageListsEveryCitedWorkWithThePagesThatCiteIt() throws IOException {
        Files.writeString(fixture.content.resolve("references.bib"),
                "@article{lan2013,\n  author = {Ghadimi, Saeed and Lan, Guanghui},\n  title = {T},\n  year = {2013}\n}\n"
                + "@misc{unused,\n  author = {Nobody, N.},\n  title = {U},\n  year = {2000}\n}\n");
        fixture.page("third", "---\ntitle: Third\n---\n\nAs [@lan2013] show.\n");
        fixture.build(false, false);
        Document list = page("bibliography.html");
        assertEquals(List.of("ref-lan2013"), list.select("article li").eachAttr("id"), "only cited works");
        assertEquals("third.html#ref-lan2013", list.selectFirst("li#ref-lan2013 .cited-on a").attr("href"));
        assertTrue(page("index.html").select("nav a[href=bibliography.html]").size() == 1);
        assertEquals(List.of(), LinkChecker.check(fixture.out));
    }

    @Test void aQuickBuildIsMarkedAsAPreviewOnEveryPage() throws IOException {
        fixture.build(false, false); // the fixture builds with --quick
        for (String name : List.of("index.html", "second.html"))
            assertTrue(page(name).selectFirst(".preview-banner").text().startsWith("Preview (quick sizes)."), name);
        fixture.build(new SiteBuilder.Options(fixture.content, Path.of("templates"), fixture.out, fixture.cache, dir, false, false, 2, false, null));
        assertTrue(page("index.html").select(".preview-banner").isEmpty(), "a full build is not a preview");
    }

    @Test void theConsoleShowsProgressAndCountsWhileTheLogFileHasEveryRun() throws IOException {
        fixture.build(false, false);
        assertTrue(fixture.lastLog.contains("2 runs (2 computed, 0 reused)"), fixture.lastLog);
        assertFalse(fixture.lastLog.contains("computed toy"), "no line per run on the console: " + fixture.lastLog);
        String file = Files.readString(fixture.cache.resolve(SiteBuilder.LOG_FILE));
        assertTrue(file.contains("computed toy"), file);
        fixture.build(false, false);
        assertTrue(fixture.lastLog.contains("2 runs (0 computed, 2 reused)"), fixture.lastLog);
    }

    @Test void everyFooterShowsTheBuildTimeTheSummaryLineGives() throws IOException {
        SiteBuilder.Summary summary = fixture.build(false, false);
        java.util.regex.Matcher done = java.util.regex.Pattern.compile("done .*; ([0-9]+\\.[0-9]) s").matcher(fixture.lastLog);
        assertTrue(done.find(), fixture.lastLog);
        String logged = done.group(1);
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", summary.seconds()), logged);
        for (String name : List.of("index.html", "second.html")) {
            String footer = page(name).selectFirst("footer").text();
            assertTrue(footer.contains(" in " + logged + " s "), name + ": " + footer + " (the log says " + logged + " s)");
        }
    }

    @Test void theBudgetShowsThisBuildsTimeFromAnEmptyCacheAndRecordsItThenTheRebuild() throws IOException {
        fixture.page("budget", """
                ---
                title: Budget
                order: 3
                ---
                ## Budget

                Target {{build.quickTargetSeconds}} s.

                ::: table build.budget {#tab:budget}
                The budget.
                :::
                """);
        SiteBuilder.Summary first = fixture.build(false, false);
        String logged = String.format(java.util.Locale.ROOT, "%.1f", first.seconds());
        var preview = page("budget.html").select("tr").stream().filter(r -> r.text().startsWith("preview")).findFirst().orElseThrow();
        assertTrue(preview.text().contains(logged + " s, this build (2 runs computed"), preview.text() + " (the log says " + logged + " s)");
        assertTrue(preview.select("td").last().text().matches("met|missed"), preview.text());
        assertEquals(BuildRecords.Kind.QUICK, BuildRecords.read(fixture.cache).keySet().iterator().next());

        fixture.build(false, false);
        var records = BuildRecords.read(fixture.cache);
        assertTrue(records.containsKey(BuildRecords.Kind.WATCH),
                "the second build computed and drew nothing in the JVM of the first, as serve --watch rebuilds: " + records);
        var rebuild = page("budget.html").select("tr").stream().filter(r -> r.text().startsWith("preview")).findFirst().orElseThrow();
        assertTrue(rebuild.text().contains("2 runs computed") && rebuild.text().contains("recorded") && !rebuild.text().contains("this build"),
                "the first build, now a record: " + rebuild.text());
    }

    private SiteBuilder.Options quickOptions() {
        return new SiteBuilder.Options(fixture.content, Path.of("templates"), fixture.out, fixture.cache, dir, true, false, 2, false, null);
    }

    @Test void onlyRendersOnePageAndKeepsThePreviousBuildsOthers() throws IOException {
        fixture.build(false, false);
        String second = Files.readString(fixture.out.resolve("second.html"));
        fixture.page("index", Files.readString(fixture.content.resolve("index.md")).replace("Welcome", "Hello"));
        fixture.page("second", Files.readString(fixture.content.resolve("second.md")).replace("Back to", "Return to"));
        SiteBuilder.Summary s = fixture.build(quickOptions().onlyPage("index"));
        assertEquals(1, s.pages(), "one page rendered");
        assertTrue(page("index.html").getElementById("hello") != null, "the page is rebuilt");
        assertEquals(second, Files.readString(fixture.out.resolve("second.html")), "the other page is the previous build's");
        assertEquals(List.of(), LinkChecker.check(fixture.out));
    }

    @Test void aPlainBuildWritesNoPdfAndNoLinkToOne() throws IOException {
        fixture.build(false, false);
        assertFalse(Files.exists(fixture.out.resolve("report.pdf")));
        assertTrue(page("index.html").select("a[href$=report.pdf]").isEmpty(), "no link to a PDF that was not built");
    }

    @Test void aPaperSizeThatIsNeitherA4NorLetterFailsNamingTheKey() throws IOException {
        Files.writeString(fixture.content.resolve("report.yaml"), "pdf:\n  paper: a5\n");
        ConfigException e = assertThrows(ConfigException.class, () -> fixture.build(false, false));
        assertTrue(e.getMessage().contains("pdf.paper") && e.getMessage().contains("'a5' is not a paper size (sizes: a4, letter)"), e.getMessage());
    }

    @Test void onlyNamesTheClosestPageWhenTheNameIsWrong() throws IOException {
        fixture.build(false, false);
        ContentException e = assertThrows(ContentException.class, () -> fixture.build(quickOptions().onlyPage("secnd")));
        assertTrue(e.getMessage().contains("no page named 'secnd' (did you mean 'second'?)"), e.getMessage());
    }

    @Test void onlyNeedsAPreviousSite() {
        ContentException e = assertThrows(ContentException.class, () -> fixture.build(quickOptions().onlyPage("index")));
        assertTrue(e.getMessage().contains("build the whole report once first"), e.getMessage());
    }

    @Test void aPanelThatTheFigureLacksIsNamedWithTheLettersItHas() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\n::: figure toy.curve panels=b\nAgain.\n:::\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5: panels=b: figure 'toy.curve' has 1 panel (a)");
    }

    @Test void withoutCitationsThereIsNoReferencesPage() throws IOException {
        fixture.build(false, false);
        assertFalse(Files.exists(fixture.out.resolve("bibliography.html")));
    }

    @Test void unknownCitationKeyFailsWithPageAndLineAndKeepsTheOldSite() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\nAs [@nobody2000] shows.\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5: @nobody2000: no such entry in references.bib");
    }

    @Test void unknownValueFailsWithPageAndLine() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\nA {{toy.median}}.\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5: no value named 'toy.median'");
    }

    @Test void aMisspeltValueOrFigureSuggestsTheNameItWasMeantToBe() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\nA {{toy.maen}}.\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5: no value named 'toy.maen' (did you mean 'toy.mean'? `list toy` shows all 1 value)");
        fixture.page("third", "---\ntitle: Third\n---\n\n::: figure toy.curv\nC.\n:::\n");
        assertFailsKeepingTheOldSite(ContentException.class, "no figure named 'toy.curv' (did you mean 'toy.curve'?");
    }

    @Test void aMisspeltStudySuggestsTheStudyItWasMeantToBe() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: Third\n---\n\nA {{toi.mean}}.\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:5: 'toi.mean' names no study output (expected STUDY.NAME; did you mean 'toy'?");
    }

    @Test void malformedFrontMatterFailsWithPageAndLine() throws IOException {
        fixture.build(false, false);
        fixture.page("third", "---\ntitle: [unclosed\n---\n\nText.\n");
        assertFailsKeepingTheOldSite(ContentException.class, "third.md:");
    }

    @Test void invalidConfigurationNamesFileKeyAndRange() throws IOException {
        fixture.build(false, false);
        Files.writeString(fixture.content.resolve("report.yaml"), "toy:\n  seeds: 0\n");
        assertFailsKeepingTheOldSite(ConfigException.class, "report.yaml:2: toy.seeds: '0' is not allowed: expected an integer in [1, 10]");
        Files.writeString(fixture.content.resolve("report.yaml"), "toy:\n  sedes: 2\n");
        assertFailsKeepingTheOldSite(ConfigException.class, "toy.sedes: unknown key");
        Files.writeString(fixture.content.resolve("report.yaml"), "tyo:\n  seeds: 2\n");
        assertFailsKeepingTheOldSite(ConfigException.class, "tyo: no such study");
    }

    @Test void templateErrorNamesTemplateLineAndVariable() throws IOException {
        fixture.build(false, false);
        Path templates = Files.createDirectories(dir.resolve("templates"));
        for (String t : List.of("page.ftlh", "figure.ftlh", "table.ftlh")) Files.copy(Path.of("templates", t), templates.resolve(t));
        Files.writeString(templates.resolve("table.ftlh"), "<table>\n${nosuchvariable}\n</table>\n");
        Map<String, String> before = snapshot(fixture.out);
        ContentException e = assertThrows(ContentException.class, () -> fixture.build(new SiteBuilder.Options(fixture.content, templates,
                fixture.out, fixture.cache, dir, true, false, 1, false, null)));
        assertTrue(e.getMessage().contains("table.ftlh:2"), e.getMessage());
        assertTrue(e.getMessage().contains("nosuchvariable"), e.getMessage());
        assertEquals(before, snapshot(fixture.out));
    }

    @Test void missingContentFolderIsAClearError() {
        ContentException e = assertThrows(ContentException.class, () -> fixture.build(new SiteBuilder.Options(dir.resolve("nowhere"),
                Path.of("templates"), fixture.out, fixture.cache, dir, true, false, 1, false, null)));
        assertTrue(e.getMessage().contains("nowhere: content folder not found"));
    }

    @Test void unwritableOutputIsAClearErrorAndWritesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("blocker"), "x");
        Exception e = assertThrows(Exception.class, () -> fixture.build(new SiteBuilder.Options(fixture.content, Path.of("templates"),
                file.resolve("site"), fixture.cache, dir, true, false, 1, false, null)));
        assertTrue(e.getMessage().contains("cannot write beside the output folder") && e.getMessage().contains("blocker"), e.getMessage());
    }

    @Test void divergedRunIsAWarningOrAStrictFailure() throws IOException {
        Files.writeString(fixture.content.resolve("report.yaml"), "toy:\n  diverge: true\n");
        fixture.build(false, false);
        Element alert = page("second.html").selectFirst("[role=alert]");
        assertTrue(alert != null && alert.text().contains("diverged") && alert.text().contains("seed=1"), String.valueOf(alert));
        assertThrows(SiteBuilder.DivergedException.class, () -> fixture.build(false, true));
    }

    @Test void divergenceAStudyExpectsIsNeitherWarnedNorStrictlyFatal() throws IOException {
        Files.writeString(fixture.content.resolve("report.yaml"), "toy:\n  diverge: true\n  expected: true\n");
        fixture.build(false, true);
        assertTrue(page("second.html").select("[role=alert]").isEmpty());
    }

    /** Two builds sharing an output folder and a cache took turns badly: one published a half-written PNG. */
    @Test void twoBuildsAtOnceTakeTurnsAndPublishWholeFigures() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<SiteBuilder.Summary>> builds = List.of(
                    pool.submit(() -> fixture.build(false, false)), pool.submit(() -> fixture.build(false, false)));
            for (var b : builds) b.get();
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> pngs = Files.list(fixture.out.resolve("figures"))) {
            for (Path png : pngs.filter(p -> p.toString().endsWith(".png")).toList()) {
                byte[] bytes = Files.readAllBytes(png);
                byte[] end = java.util.Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length);
                assertEquals("IEND", new String(end, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), png + " is cut short");
            }
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains("building")), "no staging folder left behind");
        }
    }
}
