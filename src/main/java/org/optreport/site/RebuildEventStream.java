package org.optreport.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The server-sent event stream an open page listens to under {@code serve --watch}: a {@code reload} event after a
 * successful rebuild, a {@code failed} event (JSON: file, line, message) after a failed one, and the current failure
 * as soon as a page connects, so that a page opened meanwhile shows it too.
 *
 * <p>A stream holds one of the server's workers, so it is bounded twice: each ends after {@link #WINDOW} (the
 * browser's EventSource reconnects by itself, sending the last id it saw, so nothing is missed) and at most
 * {@link #MAX_STREAMS} are open at once (beyond that, 503: the page's script tries again later). The rest of the
 * workers stay free for files and for the stalled-client protection. The window also stays below the JDK server's
 * response time limit, which would otherwise cut the stream.
 */
final class RebuildEventStream {
    static final Duration WINDOW = Duration.ofSeconds(20);
    static final int MAX_STREAMS = 8;
    /** What the browser waits before reconnecting after a stream ends. */
    private static final int RETRY_MILLIS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RebuildStatus status;
    private final Duration window;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    RebuildEventStream(RebuildStatus status, Duration window) {
        this.status = status;
        this.window = window;
    }

    /** Serves one stream, or 503 when {@link #MAX_STREAMS} are open; the caller closes the exchange. */
    void serve(HttpExchange exchange) throws IOException {
        if (!streams.tryAcquire()) {
            byte[] body = "too many open event streams; the page retries\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Retry-After", "5");
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
            return;
        }
        try {
            stream(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // the server is closing
        } catch (IOException gone) {
            // the page went away (closed, reloaded): nothing to tell anyone
        } finally {
            streams.release();
        }
    }

    private void stream(HttpExchange exchange) throws IOException, InterruptedException {
        String seen = lastSeen(exchange);
        long deadline = System.nanoTime() + window.toNanos();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, "retry: " + RETRY_MILLIS + "\n\n");
        RebuildStatus.Outcome outcome = status.current();
        // a failure is shown to every page that connects; a success only to pages older than it
        if (outcome.failure() == null && outcome.id().equals(seen)) outcome = status.awaitOtherThan(seen, deadline);
        while (outcome != null) {
            write(out, event(outcome));
            if (outcome.failure() == null) return;   // the page reloads: its new copy opens its own stream
            outcome = status.awaitOtherThan(outcome.id(), deadline);
        }
    }

    /** The last event id the browser saw (sent on its reconnects), else the id the page was served with. */
    private static String lastSeen(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (header != null && !header.isBlank()) return header.trim();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) for (String pair : query.split("&"))
            if (pair.startsWith("since=")) return URLDecoder.decode(pair.substring("since=".length()), StandardCharsets.UTF_8);
        return "";
    }

    static String event(RebuildStatus.Outcome outcome) throws IOException {
        if (outcome.failure() == null) return "id: " + outcome.id() + "\nevent: reload\ndata: reload\n\n";
        RebuildFailure failure = outcome.failure();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("file", failure.file());
        data.put("line", failure.line());
        data.put("location", failure.location());
        data.put("message", failure.message());
        // one line: Jackson escapes the message's line breaks, which would otherwise split the event's data
        return "id: " + outcome.id() + "\nevent: failed\ndata: " + JSON.writeValueAsString(data) + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
