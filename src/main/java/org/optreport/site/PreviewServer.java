package org.optreport.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A static file server for previewing the site: bound to 127.0.0.1 only, serving only regular files under its
 * root (a request that leaves the root, plainly or encoded, gets 403), 404 for anything else, GET/HEAD only.
 * Given a {@link RebuildStatus} (under {@code serve --watch}) it also serves live reload: the script it adds to each
 * HTML page it sends (never to the files) and the event stream that script listens to, both under {@code /_optreport/}.
 */
public final class PreviewServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"));

    /** The script injected under --watch; not among the assets a build copies, so never in a site. */
    private static final String LIVE_RELOAD_SCRIPT = "/assets/live-reload.js";

    /** Seconds a client may take to send a request's headers before the JDK server drops the connection. */
    static final int HEADER_TIMEOUT_SECONDS = 5;

    static {
        // The JDK server reads request headers on a worker thread, blocking, with no timeout of its own: a few clients
        // that send half their headers and stall would hold every worker forever. These settings make its timer close
        // such connections (which frees the worker), responses nobody reads, and connections idle before or between
        // requests. The JDK reads them once, when the first HttpServer is created, so they are set here, not over the user's.
        setIfAbsent("sun.net.httpserver.maxReqTime", HEADER_TIMEOUT_SECONDS); // first bytes (queueing included) to headers read
        setIfAbsent("sun.net.httpserver.maxRspTime", 60);
        setIfAbsent("sun.net.httpserver.idleInterval", 30);
    }

    private static void setIfAbsent(String key, int seconds) {
        if (System.getProperty(key) == null) System.setProperty(key, Integer.toString(seconds));
    }

    private final Path root;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    /** Null without --watch: then nothing is injected and /_optreport/ is an ordinary (absent) path. */
    private final RebuildStatus rebuilds;
    private final RebuildEventStream events;

    /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 picks a free port). */
    public PreviewServer(Path root, int port) throws IOException { this(root, port, null); }

    /** Starts serving {@code root} with live reload following {@code rebuilds} (null: none). */
    public PreviewServer(Path root, int port, RebuildStatus rebuilds) throws IOException {
        this(root, port, rebuilds, RebuildEventStream.WINDOW);
    }

    /** {@code streamWindow}: how long one event stream stays open before the browser reconnects. */
    PreviewServer(Path root, int port, RebuildStatus rebuilds, Duration streamWindow) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.rebuilds = rebuilds;
        this.events = rebuilds == null ? null : new RebuildEventStream(rebuilds, streamWindow);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        if (rebuilds != null) server.createContext(ReloadScriptInjection.PREFIX, this::handleLiveReload);
        // Enough workers that a few stalled clients leave room for the browser's (about six) connections until the
        // header timeout drops them; past workers and queue a connection is refused (reset) rather than left waiting.
        this.workers = new ThreadPoolExecutor(32, 32, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "preview-server");
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        server.start();
    }

    public int port() { return server.getAddress().getPort(); }

    public InetSocketAddress address() { return server.getAddress(); }

    /** What live reload follows, or null without --watch. */
    RebuildStatus rebuilds() { return rebuilds; }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "method not allowed\n", "text/plain; charset=utf-8", method.equals("HEAD"));
                return;
            }
            Path file = resolve(exchange.getRequestURI());
            if (file == null) {
                send(exchange, 403, "forbidden\n", "text/plain; charset=utf-8", method.equals("HEAD"));
                return;
            }
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            if (!Files.isRegularFile(file) || !insideRoot(file)) {
                send(exchange, 404, "not found\n", "text/plain; charset=utf-8", method.equals("HEAD"));
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (rebuilds != null && type(file).startsWith("text/html")) body = ReloadScriptInjection.into(body, rebuilds.current().id());
            exchange.getResponseHeaders().set("Content-Type", type(file));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
            if (!method.equals("HEAD")) try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
        }
    }

    /** The live-reload script and event stream; anything else under the prefix is 404. */
    private void handleLiveReload(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET") && !head) send(exchange, 405, "method not allowed\n", "text/plain; charset=utf-8", head);
            else if (path.equals(ReloadScriptInjection.SCRIPT_PATH)) sendScript(exchange, head);
            else if (path.equals(ReloadScriptInjection.EVENTS_PATH) && !head) events.serve(exchange);
            else send(exchange, 404, "not found\n", "text/plain; charset=utf-8", head);
        }
    }

    private static void sendScript(HttpExchange exchange, boolean head) throws IOException {
        byte[] body;
        try (InputStream in = PreviewServer.class.getResourceAsStream(LIVE_RELOAD_SCRIPT)) {
            if (in == null) throw new IOException("missing from the jar: " + LIVE_RELOAD_SCRIPT);
            body = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", TYPES.get("js"));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
    }

    /** The file a request names, or null when the decoded path tries to leave the root. */
    Path resolve(URI uri) {
        String path = uri.getPath(); // decoded: %2e%2e becomes ..
        if (path == null || path.indexOf('\0') >= 0 || path.contains("\\")) return null;
        for (String segment : path.split("/")) if (segment.equals("..")) return null;
        Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
        return file.startsWith(root) ? file : null;
    }

    /** Symbolic links must not lead out of the root either. */
    private boolean insideRoot(Path file) throws IOException {
        return file.toRealPath().startsWith(root.toRealPath(LinkOption.NOFOLLOW_LINKS));
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String text, String type, boolean head) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) try (OutputStream out = exchange.getResponseBody()) { out.write(body); }
    }

    /** Stops listening, closes every connection and lets the workers end (the server does not own its executor). */
    @Override public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
