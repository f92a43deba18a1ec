package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Live reload in a real browser (headless Chromium, as {@link BrowserTest}): the injected script follows the preview
 * server's rebuilds. The rebuilds are announced directly, without building, so this takes seconds.
 */
class LiveReloadBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Bounds each wait for the page to react: a page that never does fails the test instead of hanging it. */
    private static final Duration REACTION = Duration.ofSeconds(20);

    @TempDir Path dir;
    private Path site;
    private PreviewServer server;
    private ChromeDriver browser;

    @BeforeEach void serveAndOpen() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && !"true".equals(System.getenv("CI")))
            Assumptions.abort("Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        assertTrue(installed, "CI must install chromium and chromium-driver");
        site = Files.createDirectories(dir.resolve("site"));
        page("first version");
        server = new PreviewServer(site, 0, new RebuildStatus());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("chrome-profile"), "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterEach void close() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private void page(String text) throws IOException {
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><head><title>t</title></head><body><p id=text>" + text + "</p></body></html>");
    }

    private String text() { return (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById('text').textContent;"); }

    /** The overlay's text, or null when there is none. */
    private String overlay() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const host = document.getElementById('optreport-rebuild-error'); return host ? host.shadowRoot.textContent : null;");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + REACTION.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited " + REACTION.toSeconds() + " s for " + what);
            Thread.sleep(50);
        }
    }

    @Test void aFailureShowsOverThePageAndTheNextSuccessReloadsIt() throws IOException, InterruptedException {
        RebuildStatus rebuilds = server.rebuilds();
        browser.get("http://127.0.0.1:" + server.port() + "/");
        assertEquals("first version", text());
        rebuilds.failed(new RebuildFailure("content/index.md", 7, "unknown figure 'landscape.los'"));
        await("the failure shown over the page", () -> overlay() != null);
        assertTrue(overlay().contains("content/index.md:7") && overlay().contains("unknown figure 'landscape.los'"), overlay());
        assertEquals("first version", text(), "the previous build stays under the overlay");
        page("second version");
        rebuilds.succeeded();
        await("the page reloaded after the success", () -> "second version".equals(text()));
        assertEquals(null, overlay());
    }

    /** A restarted server (same port, a new id) is found again by the open page, which reloads from it. */
    @Test void anOpenPageReconnectsToARestartedServer() throws IOException, InterruptedException {
        int port = server.port();
        browser.get("http://127.0.0.1:" + port + "/");
        assertEquals("first version", text());
        server.close();
        page("after the restart");
        server = new PreviewServer(site, port, new RebuildStatus());
        await("the page reloaded from the restarted server", () -> "after the restart".equals(text()));
    }
}
