package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live-reload half of the preview server under --watch: the event stream and the script it serves. */
class RebuildEventStreamTest {
    /** Bounds every read, so that a missing event fails the test instead of hanging it. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    @TempDir Path dir;
    private final RebuildStatus rebuilds = new RebuildStatus();
    private PreviewServer server;

    @BeforeEach void start() throws IOException {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/index.html"), "<html><body><p>home</p></body></html>");
        server = new PreviewServer(dir.resolve("site"), 0, rebuilds);
    }

    @AfterEach void stop() { server.close(); }

    /** An open page's event stream, read line by line. */
    private BufferedReader events(String since) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/_optreport/events?since=" + since).openConnection();
        c.setReadTimeout(READ_TIMEOUT_MILLIS);
        assertEquals(200, c.getResponseCode());
        assertTrue(c.getContentType().startsWith("text/event-stream"), c.getContentType());
        BufferedReader reader = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
        assertTrue(reader.readLine().startsWith("retry: "), "the stream starts by telling the browser how soon to reconnect");
        return reader;
    }

    /** The next event's lines (up to its blank line), or null when the stream ended. */
    private static List<String> nextEvent(BufferedReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty() && !lines.isEmpty()) return lines;
            if (!line.isEmpty()) lines.add(line);
        }
        return lines.isEmpty() ? null : lines;
    }

    @Test void aSuccessfulRebuildReachesAConnectedPageAsAReload() throws IOException {
        try (BufferedReader page = events(rebuilds.current().id())) {
            rebuilds.succeeded();
            List<String> event = nextEvent(page);
            assertEquals(List.of("id: " + rebuilds.current().id(), "event: reload", "data: reload"), event);
        }
    }

    @Test void aFailedRebuildReachesAConnectedPageWithFileLineAndMessage() throws IOException {
        try (BufferedReader page = events(rebuilds.current().id())) {
            rebuilds.failed(new RebuildFailure("content/a.md", 12, "unknown figure 'landscape.los'\nknown: landscape.loss"));
            List<String> event = nextEvent(page);
            assertEquals("event: failed", event.get(1));
            assertEquals("data: {\"file\":\"content/a.md\",\"line\":12,\"location\":\"content/a.md:12\","
                    + "\"message\":\"unknown figure 'landscape.los'\\nknown: landscape.loss\"}", event.get(2));
            rebuilds.succeeded();
            assertEquals("event: reload", nextEvent(page).get(1), "the next success reloads the page");
        }
    }

    @Test void aPageOpenedAfterAFailureSeesItAtOnce() throws IOException {
        rebuilds.failed(new RebuildFailure(null, 0, "content/report.yaml: landscape.seeds: must be in [1, 100], got 0"));
        try (BufferedReader page = events(rebuilds.current().id())) {
            assertEquals("event: failed", nextEvent(page).get(1));
        }
    }

    /** A page that missed a rebuild while reconnecting, or was served by an earlier run of the server, reloads. */
    @Test void aPageServedBeforeTheLatestRebuildOrByAnotherServerReloadsAtOnce() throws IOException {
        String before = rebuilds.current().id();
        rebuilds.succeeded();
        try (BufferedReader page = events(before)) {
            assertEquals("event: reload", nextEvent(page).get(1));
        }
        try (BufferedReader page = events(new RebuildStatus().current().id())) {
            assertEquals("event: reload", nextEvent(page).get(1));
        }
    }

    /** A stream does not hold its worker forever: it ends, and the browser reconnects with the last id it saw. */
    @Test void aQuietStreamEndsAfterItsWindow() throws IOException {
        server.close();
        server = new PreviewServer(dir.resolve("site"), 0, rebuilds, Duration.ofMillis(300));
        try (BufferedReader page = events(rebuilds.current().id())) {
            try {
                assertEquals(null, nextEvent(page));
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a stream with nothing to say was still open after " + READ_TIMEOUT_MILLIS + " ms", e);
            }
        }
    }

    @Test void servedPagesCarryTheScriptButTheFilesDoNot() throws IOException {
        String served = get("/index.html");
        assertTrue(served.contains("<script src=\"/_optreport/live-reload.js\" data-since=\"" + rebuilds.current().id() + "\"></script>\n</body>"), served);
        assertEquals("<html><body><p>home</p></body></html>", Files.readString(dir.resolve("site/index.html")));
        assertTrue(get("/_optreport/live-reload.js").contains("new EventSource("));
    }

    @Test void withoutWatchNothingIsInjectedAndThereIsNoStream() throws IOException {
        server.close();
        server = new PreviewServer(dir.resolve("site"), 0);
        assertEquals("<html><body><p>home</p></body></html>", get("/index.html"));
        for (String path : new String[] {"/_optreport/events", "/_optreport/live-reload.js"}) {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + path).openConnection();
            assertEquals(404, c.getResponseCode(), path);
        }
    }

    @Test void otherFilesAreNotTouched() throws IOException {
        Files.writeString(dir.resolve("site/notes.txt"), "</body>");
        assertEquals("</body>", get("/notes.txt"));
    }

    /**
     * Open streams and stalled clients together cannot take every worker: past its limit a stream is refused (503,
     * the page's script retries), and a page is still served.
     */
    @Test void openStreamsAndStalledClientsDoNotBlockOthers() throws IOException {
        List<BufferedReader> pages = new ArrayList<>();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < RebuildEventStream.MAX_STREAMS; i++) pages.add(events(rebuilds.current().id()));
            HttpURLConnection refused = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/_optreport/events").openConnection();
            refused.setReadTimeout(READ_TIMEOUT_MILLIS);
            assertEquals(503, refused.getResponseCode());
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            String home;
            try {
                home = get("/");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("open streams and stalled clients blocked the server", e);
            }
            assertTrue(home.contains("<p>home</p>"));
        } finally {
            for (BufferedReader page : pages) page.close();
            for (Socket s : stalled) s.close();
        }
    }

    @Test void closingTheServerEndsOpenStreams() throws IOException {
        try (BufferedReader page = events(rebuilds.current().id())) {
            server.close();
            try {
                assertFalse(nextEvent(page) != null, "an event after close");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("close() left an event stream open", e);
            } catch (IOException reset) {
                // dropped
            }
        }
    }

    private String get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + path).openConnection();
        c.setReadTimeout(READ_TIMEOUT_MILLIS);
        assertEquals(200, c.getResponseCode(), path);
        try (var in = c.getInputStream()) { return new String(in.readAllBytes(), StandardCharsets.UTF_8); }
    }
}
