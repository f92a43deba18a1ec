package org.optreport.site.pdf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium (or Chrome) started for printing: its own throw-away profile, the DevTools endpoint on a free
 * port read from its standard error, every host name but the loopback unresolvable (the pages are local files and must
 * print the same without a network). Closing it ends the browser and deletes the profile.
 */
final class Chromium implements AutoCloseable {
    /** The names a Chromium-based browser is installed under, in the order they are tried on the PATH. */
    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");

    private static final Pattern ENDPOINT = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final URI endpoint;

    private Chromium(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.endpoint = endpoint;
    }

    /** An environment variable naming the browser to use, for one installed off the PATH (macOS, a CI action). */
    static final String BROWSER_VARIABLE = "OPTREPORT_BROWSER";

    /** The browser {@code build --pdf} will use, or a message saying what to install. */
    static Path locate() throws BrowserNotFoundException {
        return locate(System.getenv(BROWSER_VARIABLE), System.getenv("PATH"));
    }

    static Path locate(String named, String searchPath) throws BrowserNotFoundException {
        if (named != null && !named.isBlank()) {
            Path browser = Path.of(named);
            if (Files.isRegularFile(browser) && Files.isExecutable(browser)) return browser;
            throw new BrowserNotFoundException(BROWSER_VARIABLE + "=" + named + " names no executable file: set it to the path of "
                    + "Chromium or Chrome, or unset it to look for one on the PATH");
        }
        Optional<Path> found = find(searchPath);
        if (found.isPresent()) return found.get();
        throw new BrowserNotFoundException("build --pdf prints the pages with a headless Chromium, and none is installed (looked for "
                + String.join(", ", NAMES) + " on the PATH, and " + BROWSER_VARIABLE + " is not set): install Chromium (Debian and Ubuntu: apt-get install chromium; "
                + ".ci/run installs it) or Google Chrome, or build without --pdf");
    }

    static Optional<Path> find(String searchPath) {
        if (searchPath == null) return Optional.empty();
        for (String name : NAMES)
            for (String dir : searchPath.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        return Optional.empty();
    }

    /** Starts {@code executable} headless; its DevTools endpoint is known when this returns. */
    static Chromium start(Path executable) throws IOException {
        Path profile = Files.createTempDirectory("optreport-chromium-");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                // inside containers (and as root) Chromium's sandbox cannot start; it only ever opens our own files
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--hide-scrollbars", "--mute-audio", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "about:blank"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        StringBuilder stderr = new StringBuilder();
        Thread reader = new Thread(() -> readStandardError(process, endpoint, stderr), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, profile, endpoint.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            stop(process);
            deleteQuietly(profile);
            String said;
            synchronized (stderr) { said = stderr.toString().strip(); }
            throw new IOException(executable + " did not start a DevTools endpoint within " + START_TIMEOUT.toSeconds() + " s"
                    + (said.isEmpty() ? "" : "; it said:\n" + said), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            deleteQuietly(profile);
            throw new IOException("interrupted while starting " + executable, e);
        }
    }

    /** Reads standard error to its end (a full pipe would stall the browser), picking the endpoint out of it. */
    private static void readStandardError(Process process, CompletableFuture<URI> endpoint, StringBuilder kept) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                Matcher m = ENDPOINT.matcher(line);
                if (m.find()) endpoint.complete(URI.create(m.group(1)));
                else if (!endpoint.isDone()) synchronized (kept) { if (kept.length() < 8192) kept.append(line).append('\n'); }
            }
        } catch (IOException e) {
            // the browser is gone; whoever waits for the endpoint hears it below
        }
        endpoint.completeExceptionally(new IOException("the browser exited"));
    }

    URI endpoint() { return endpoint; }

    @Override public void close() {
        stop(process);
        deleteQuietly(profile);
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary folder is harmless
        }
    }
}
