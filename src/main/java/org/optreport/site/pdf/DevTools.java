package org.optreport.site.pdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal client of the Chrome DevTools Protocol over the browser's WebSocket (the JDK's {@code java.net.http}
 * and Jackson, no other library): commands with their replies, and events awaited by name. Page commands go to a
 * page's session ({@code Target.attachToTarget} with {@code flatten}), on the same socket.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final List<EventWaiter> waiters = new CopyOnWriteArrayList<>();
    private final Duration timeout;

    private record EventWaiter(String method, String sessionId, Predicate<JsonNode> accepts, CompletableFuture<JsonNode> future) {}

    private DevTools(WebSocket socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** Connects to the browser's DevTools endpoint ({@code ws://127.0.0.1:PORT/devtools/browser/ID}). */
    static DevTools connect(URI endpoint, Duration timeout) throws IOException {
        Listener listener = new Listener();
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(endpoint, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            DevTools devTools = new DevTools(socket, timeout);
            listener.devTools.complete(devTools);
            return devTools;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to the browser's DevTools at " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to the browser", e);
        }
    }

    /** Sends a browser-level command and waits for its result. */
    JsonNode send(String method, Map<String, ?> params) throws IOException { return send(null, method, params); }

    /** Sends a command to a page's session ({@code null}: the browser) and waits for its result; a protocol error throws. */
    JsonNode send(String sessionId, String method, Map<String, ?> params) throws IOException {
        return await(sendAsync(sessionId, method, params), method);
    }

    CompletableFuture<JsonNode> sendAsync(String sessionId, String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) message.put("sessionId", sessionId);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        synchronized (socket) { // one message at a time: the WebSocket refuses a send while another is pending
            socket.sendText(message.toString(), true).join();
        }
        return reply;
    }

    /** A future event of a session whose parameters {@code accepts}; register it before the command that causes it. */
    CompletableFuture<JsonNode> nextEvent(String sessionId, String method, Predicate<JsonNode> accepts) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        waiters.add(new EventWaiter(method, sessionId, accepts, future));
        return future;
    }

    JsonNode await(CompletableFuture<JsonNode> future, String what) throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the browser did not answer " + what + " within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("the browser failed " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the browser (" + what + ")", e);
        }
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not JSON: nothing the protocol sends, and nothing anyone waits for
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
            if (reply == null) return;
            if (message.has("error")) reply.completeExceptionally(new IOException(message.get("error").path("message").asText()
                    + " " + message.get("error").path("data").asText("")));
            else reply.complete(message.path("result"));
            return;
        }
        String method = message.path("method").asText();
        String session = message.has("sessionId") ? message.get("sessionId").asText() : null;
        for (EventWaiter w : waiters) {
            if (!w.method().equals(method) || !java.util.Objects.equals(w.sessionId(), session)) continue;
            if (!w.accepts().test(message.path("params"))) continue;
            waiters.remove(w);
            w.future().complete(message.path("params"));
        }
    }

    private void closed(Throwable why) {
        IOException e = new IOException("the browser closed its DevTools connection" + (why == null ? "" : ": " + why), why);
        replies.values().forEach(r -> r.completeExceptionally(e));
        waiters.forEach(w -> w.future().completeExceptionally(e));
    }

    @Override public void close() {
        socket.abort();
    }

    /** Reassembles messages the socket delivers in parts (a printed PDF arrives as megabytes of base64). */
    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<DevTools> devTools = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                devTools.thenAccept(d -> d.receive(text));
            }
            socket.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            devTools.thenAccept(d -> d.closed(null));
            return null;
        }

        @Override public void onError(WebSocket socket, Throwable error) {
            devTools.thenAccept(d -> d.closed(error));
        }
    }
}
