package org.optreport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.optreport.build.BuildLog;
import org.optreport.files.OutputFolder;
import org.optreport.site.PreviewServer;
import org.optreport.site.SiteBuilder;
import org.optreport.site.SourceWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the built site on http://127.0.0.1:PORT/ for previewing (loopback only); "
                + "with --watch, rebuilds it whenever a page, report.yaml or a template changes.")
final class ServeCommand implements Callable<Integer> {
    /** How long the sources must be still before a rebuild: an editor's save or a checkout is one change. */
    private static final Duration QUIET = Duration.ofMillis(300);

    @Option(names = "--dir", defaultValue = "site", description = "Folder to serve (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    /** With --watch: what to rebuild from. */
    @Mixin SourceOptions sources;

    @Option(names = "--watch", description = "Rebuild (reusing cached runs) when content or templates change.")
    boolean watch;

    @Override public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new OptionException("--port must be in [0, 65535], got " + port);
        if (!watch && !Files.isDirectory(dir)) throw new OptionException(dir + ": no such folder; run 'build' first");
        if (watch) {
            // refused now, with exit 2, rather than at every edit: the folder rebuilt must be one a build may replace
            OutputFolder.of(dir, SiteBuilder.MARKER).checkReplaceable(List.of(sources.content, sources.templates, sources.cache));
            if (!Files.isDirectory(dir)) build(); // nothing to serve yet: a failure ends the command with its own exit code
        }
        try (PreviewServer server = new PreviewServer(dir, port)) {
            System.out.println("Serving " + dir.toAbsolutePath() + " at http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops)");
            if (!watch) {
                Thread.currentThread().join();   // serves until the process is stopped
                return 0;
            }
            try (SourceWatcher sourceWatcher = new SourceWatcher(List.of(sources.content, sources.templates), QUIET)) {
                sourceWatcher.watch(this::rebuild);
            }
        }
        return 0;
    }

    /** A failed rebuild is reported and the previous site keeps being served. */
    private void rebuild() {
        try {
            build();
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // whatever one rebuild did, the server goes on with the site it has
            FailureKind kind = FailureKind.of(e);
            System.err.println("optreport: rebuild failed, still serving the previous site: " + kind.label + FailureMessage.of(e));
            if (kind.alwaysPrintsTrace) e.printStackTrace();
        }
    }

    private void build() throws IOException {
        SiteBuilder.standard().build(new SiteBuilder.Options(sources.content, sources.templates, dir, sources.cache,
                Path.of("").toAbsolutePath(), sources.quick, false, Runtime.getRuntime().availableProcessors(), false, null, sources.limits.toLimits()),
                new BuildLog(System.out, false));
    }
}
