package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.optreport.build.BuildLog;

/**
 * The real report (quick sizes) in a real browser: headless Chromium loads every page from the preview server
 * under a sub-path, as GitHub Pages serves a project site, with every host but the loopback unreachable. MathJax
 * must typeset every formula without an error node, every image must load, the console must stay free of errors.
 * A screenshot of each page is kept with the test reports, in target/surefire-reports/browser-screenshots/.
 * Claims are checked on a page of the toy fixture, served beside the report: the report's pages may hold none.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SUB_PATH = "optreport";
    private static final String CLAIMS_PATH = "claims";

    @TempDir static Path dir;
    static PreviewServer server;
    static ChromeDriver browser;
    static List<String> pages;

    @BeforeAll static void buildServeAndOpen() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && !"true".equals(System.getenv("CI")))
            Assumptions.abort("Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        assertTrue(installed, "CI must install chromium and chromium-driver");

        Path site = dir.resolve("pages-root").resolve(SUB_PATH);
        SiteBuilder.standard().build(new SiteBuilder.Options(Path.of("content"), Path.of("templates"), site, dir.resolve("cache"),
                Path.of("").toAbsolutePath(), true, false, Runtime.getRuntime().availableProcessors(), false, null), BuildLog.silent());
        try (Stream<Path> files = Files.list(site)) {
            pages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        SiteFixture claims = new SiteFixture(dir.resolve("pages-root").resolve(CLAIMS_PATH));
        claims.page("third", "---\ntitle: Claims\n---\n\nThe mean stays below 10 {{claim toy.mean < 10}}, as promised.\n");
        claims.build(false, false);
        server = new PreviewServer(dir.resolve("pages-root"), 0);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1280,1600", "--user-data-dir=" + dir.resolve("chrome-profile"),
                // the network is off: every host name fails to resolve except the loopback the site is served on
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll static void close() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private String url(String page) { return "http://127.0.0.1:" + server.port() + "/" + SUB_PATH + "/" + page; }

    /** Waits for MathJax's first typesetting pass; returns its error if it failed. */
    private Object awaitMathJax() {
        return ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const wait = () => (window.MathJax && MathJax.startup && MathJax.startup.promise)
                    ? MathJax.startup.promise.then(() => done(null), e => done(String(e)))
                    : setTimeout(wait, 50);
                wait();""");
    }

    @Test void everyPageTypesetsItsMathLoadsItsImagesAndLogsNoErrors() throws IOException {
        assertTrue(pages.size() >= 2, "pages: " + pages);
        Path shots = Files.createDirectories(Path.of("target", "surefire-reports", "browser-screenshots"));
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            browser.get(url(page));
            Object failure = awaitMathJax();
            if (failure != null) problems.add(page + ": MathJax failed: " + failure);
            JavascriptExecutor js = browser;
            long math = (Long) js.executeScript("return document.querySelectorAll('.math').length;");
            long typeset = (Long) js.executeScript("return document.querySelectorAll('.math mjx-container').length;");
            long errors = (Long) js.executeScript("return document.querySelectorAll('mjx-merror, [data-mjx-error], [data-mml-node=merror]').length;");
            if (typeset != math) problems.add(page + ": " + typeset + " of " + math + " formulas typeset");
            if (errors > 0) problems.add(page + ": " + errors + " MathJax error nodes");
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) js.executeScript(
                    "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));");
            // lazy images load when scrolled into view: load them all before judging
            if (!broken.isEmpty()) {
                js.executeScript("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager');");
                js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null))).then(() => done());");
                @SuppressWarnings("unchecked")
                List<String> still = (List<String>) js.executeScript(
                        "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));");
                broken = still;
            }
            for (String src : broken) problems.add(page + ": image did not load: " + src);
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER))
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) problems.add(page + ": console: " + entry.getMessage());
            Files.write(shots.resolve(page.replace(".html", ".png")), browser.getScreenshotAs(OutputType.BYTES));
        }
        assertEquals(List.of(), problems);
    }

    @Test void aPassingInlineClaimShowsADiscreetMarkTitledWithItsValues() {
        browser.get("http://127.0.0.1:" + server.port() + "/" + CLAIMS_PATH + "/site/third.html");
        WebElement mark = browser.findElement(By.cssSelector("main p span.claim"));
        assertTrue(mark.isDisplayed());
        assertEquals("✓", mark.getText());
        assertEquals("Checked when the report was built: toy.mean = 7.5 < 10", mark.getDomAttribute("title"));
        double markSize = pixels(mark.getCssValue("font-size"));
        double textSize = pixels(browser.findElement(By.cssSelector("main p")).getCssValue("font-size"));
        assertTrue(markSize < textSize, "the mark is discreet: " + markSize + "px in " + textSize + "px text");
    }

    private static double pixels(String cssLength) { return Double.parseDouble(cssLength.replace("px", "")); }

    @Test void relativeLinksWorkUnderTheProjectSubPath() {
        browser.get(url("index.html"));
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('nav a')).map(a => a.href);");
        assertFalse(hrefs.isEmpty());
        for (String href : hrefs) assertTrue(href.startsWith(url("")), href + " leaves the project path");
        String css = (String) browser.executeScript("return Array.from(document.styleSheets).map(s => s.href).join(' ');");
        assertTrue(css.contains("/" + SUB_PATH + "/assets/style.css"), css);
    }
}
