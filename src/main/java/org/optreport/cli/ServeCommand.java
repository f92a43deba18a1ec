package org.optreport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.optreport.build.BuildLog;
import org.optreport.errors.ContentException;
import org.optreport.files.OutputFolder;
import org.optreport.site.PreviewServer;
import org.optreport.site.RebuildFailure;
import org.optreport.site.RebuildStatus;
import org.optreport.site.SiteBuilder;
import org.optreport.site.SourceWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the built site on http://127.0.0.1:PORT/ for previewing (loopback only); "
                + "with --watch, rebuilds it whenever a page, report.yaml or a template changes (with --quick: at quick "
                + "sizes, every time), and open pages reload themselves or show why the rebuild failed.")
final class ServeCommand implements Callable<Integer> {
    /** How long the sources must be still before a rebuild: an editor's save or a checkout is one change. */
    private static final Duration QUIET = Duration.ofMillis(300);
    /** Deeper cause chains are not followed: a chain may loop back on itself. */
    private static final int MAX_CAUSES = 64;

    @Option(names = "--dir", defaultValue = "site", description = "Folder to serve (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    /** With --watch: what to rebuild from, and whether at quick sizes. */
    @Mixin SourceOptions sources;

    @Option(names = "--watch", description = "Rebuild (reusing cached runs) when content or templates change, in the mode "
            + "started with (--quick or full), and reload the open pages.")
    boolean watch;

    private final RebuildStatus rebuilds = new RebuildStatus();

    @Override public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new OptionException("--port must be in [0, 65535], got " + port);
        if (!watch && !Files.isDirectory(dir)) throw new OptionException(dir + ": no such folder; run 'build' first");
        if (watch) {
            // refused now, with exit 2, rather than at every edit: the folder rebuilt must be one a build may replace
            OutputFolder.of(dir, SiteBuilder.MARKER).checkReplaceable(List.of(sources.content, sources.templates, sources.cache));
            if (!Files.isDirectory(dir)) {
                System.out.println("Nothing to serve in " + dir + " yet: building it " + mode() + " first");
                build(); // a failure ends the command with its own exit code
            }
        }
        try (PreviewServer server = new PreviewServer(dir, port, watch ? rebuilds : null)) {
            System.out.println("Serving " + dir.toAbsolutePath() + " at http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops)");
            if (!watch) {
                Thread.currentThread().join();   // serves until the process is stopped
                return 0;
            }
            // the mode is fixed for the whole session: a quick preview never turns into the full report's runs by surprise
            System.out.println("Watching " + sources.content + " and " + sources.templates + ": each change rebuilds " + mode()
                    + ", reusing cached runs; open pages reload, or show the error of a failed rebuild"
                    + (sources.quick ? "" : " (full sizes: a changed setting can take minutes; --quick previews fast)"));
            try (SourceWatcher sourceWatcher = new SourceWatcher(List.of(sources.content, sources.templates), QUIET)) {
                sourceWatcher.watch(this::rebuild);
            }
        }
        return 0;
    }

    /** "at quick sizes (--quick)" or "at full sizes": said at start and at every rebuild. */
    private String mode() { return sources.quick ? "at quick sizes (--quick)" : "at full sizes"; }

    /** A failed rebuild is reported, here and in the open pages, and the previous site keeps being served. */
    private void rebuild() {
        System.out.println("Change seen: rebuilding " + mode());
        long start = System.nanoTime();
        try {
            build();
            rebuilds.succeeded();
            System.out.println(String.format(Locale.ROOT, "Rebuilt %s in %.1f s; open pages reload", mode(), (System.nanoTime() - start) / 1e9));
            // The server lives through many rebuilds: without a collection between them the heap grows with their
            // garbage and the process's resident memory with it, past what one build needs (issue 18's 512 MB).
            System.gc();
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // whatever one rebuild did, the server goes on with the site it has
            FailureKind kind = FailureKind.of(e);
            String message = kind.label + FailureMessage.of(e);
            System.err.println("optreport: rebuild failed, still serving the previous site: " + message);
            if (kind.alwaysPrintsTrace) e.printStackTrace();
            rebuilds.failed(failure(e, message));
        }
    }

    /** The file and line of the content error in the chain, if any, apart from its message (which repeats them first). */
    static RebuildFailure failure(Throwable e, String message) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof ContentException c && c.file() != null) {
                RebuildFailure located = new RebuildFailure(c.file().toString(), c.line(), message);
                String prefix = located.location() + ": ";
                return message.startsWith(prefix) ? new RebuildFailure(located.file(), c.line(), message.substring(prefix.length())) : located;
            }
        }
        return new RebuildFailure(null, 0, message);
    }

    private void build() throws IOException {
        SiteBuilder.standard().build(new SiteBuilder.Options(sources.content, sources.templates, dir, sources.cache,
                Path.of("").toAbsolutePath(), sources.quick, false, Runtime.getRuntime().availableProcessors(), false, null, sources.limits.toLimits()),
                new BuildLog(System.out, false));
    }
}
