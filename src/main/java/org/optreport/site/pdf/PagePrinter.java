package org.optreport.site.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Prints HTML pages to PDF in one tab of a headless Chromium, through the DevTools protocol: load the page, wait
 * until MathJax has typeset it, its fonts are ready and every image is decoded, then {@code Page.printToPDF} with the
 * print stylesheet, the paper size and a running header. Every element id a link may target becomes a named
 * destination of the PDF, so that {@link ReportAssembler} can point links from other pages at it.
 */
final class PagePrinter implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * Runs in the loaded page. Lazy images are made eager (a printout never scrolls to them); MathJax's first pass is
     * awaited; then a hidden same-page link to every id, since Chromium writes a named destination only for the
     * targets of the page's own links. Returns what went wrong, if anything.
     */
    private static final String SETTLE = """
            (async () => {
              document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager');
              let math = null;
              if (window.MathJax && MathJax.startup && MathJax.startup.promise)
                await MathJax.startup.promise.catch(e => { math = String(e); });
              else if (document.querySelector('script[src*="mathjax"]')) math = 'MathJax did not start';
              await document.fonts.ready;
              await Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null)));
              const broken = Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));
              const errors = document.querySelectorAll('mjx-merror, [data-mjx-error]').length;
              const targets = document.createElement('div');
              targets.hidden = true;
              document.querySelectorAll('[id]').forEach(e => {
                const a = document.createElement('a');
                a.href = '#' + encodeURIComponent(e.id);
                targets.appendChild(a);
              });
              document.body.appendChild(targets);
              return JSON.stringify({math, errors, broken});
            })()""";

    private final DevTools devTools;
    private final String session;
    private final PaperSize paper;

    private PagePrinter(DevTools devTools, String session, PaperSize paper) {
        this.devTools = devTools;
        this.session = session;
        this.paper = paper;
    }

    /** Opens a tab in {@code browser} to print on {@code paper}. */
    static PagePrinter open(Chromium browser, PaperSize paper) throws IOException {
        DevTools devTools = DevTools.connect(browser.endpoint(), TIMEOUT);
        try {
            String target = devTools.send("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
            String session = devTools.send("Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asText();
            devTools.send(session, "Page.enable", Map.of());
            return new PagePrinter(devTools, session, paper);
        } catch (IOException | RuntimeException e) {
            devTools.close();
            throw e;
        }
    }

    /** The page at {@code url} as a PDF, with {@code header} (plain text; null: none) at the top of every sheet. */
    byte[] print(URI url, String header) throws IOException {
        CompletableFuture<JsonNode> loaded = devTools.nextEvent(session, "Page.loadEventFired", p -> true);
        JsonNode navigation = devTools.send(session, "Page.navigate", Map.of("url", url.toString()));
        if (navigation.hasNonNull("errorText") && !navigation.get("errorText").asText().isEmpty())
            throw new IOException("the browser could not open " + url + ": " + navigation.get("errorText").asText());
        devTools.await(loaded, "loading " + url);
        JsonNode settled = devTools.send(session, "Runtime.evaluate", Map.of("expression", SETTLE, "awaitPromise", true, "returnByValue", true));
        if (settled.has("exceptionDetails"))
            throw new IOException(url + ": the page's script failed before printing: " + settled.get("exceptionDetails").path("exception").path("description").asText());
        JsonNode state = new com.fasterxml.jackson.databind.ObjectMapper().readTree(settled.path("result").path("value").asText("{}"));
        if (!state.path("math").isNull()) throw new IOException(url + ": MathJax failed: " + state.path("math").asText());
        if (state.path("errors").asInt() > 0) throw new IOException(url + ": " + state.path("errors").asInt() + " formulas MathJax could not typeset");
        if (!state.path("broken").isEmpty()) throw new IOException(url + ": images that did not load: " + state.path("broken"));

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("paperWidth", paper.widthInches());
        options.put("paperHeight", paper.heightInches());
        // the margins are the print stylesheet's (@page); these apply only to a page without one
        options.put("marginTop", 0.8);
        options.put("marginBottom", 0.8);
        options.put("marginLeft", 0.7);
        options.put("marginRight", 0.7);
        options.put("preferCSSPageSize", true);
        options.put("printBackground", true);
        options.put("displayHeaderFooter", header != null);
        if (header != null) options.put("headerTemplate", "<div style=\"font: 8pt sans-serif; color: #555; width: 100%; margin: 0 0.7in; "
                + "border-bottom: 0.5pt solid #bbb; padding-bottom: 2pt\">" + escape(header) + "</div>");
        if (header != null) options.put("footerTemplate", "<div></div>"); // page numbers run through the whole report: ReportAssembler writes them
        options.put("generateTaggedPDF", true);
        options.put("generateDocumentOutline", true);
        JsonNode printed = devTools.send(session, "Page.printToPDF", options);
        return Base64.getDecoder().decode(printed.path("data").asText());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override public void close() {
        devTools.close();
    }
}
