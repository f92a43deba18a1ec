package org.optreport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.optreport.build.BuildLog;
import org.optreport.files.OutputFolder;
import org.optreport.site.PreviewServer;
import org.optreport.site.SiteBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the built site on http://127.0.0.1:PORT/ for previewing (loopback only); "
                + "with --watch, rebuilds it whenever a page, report.yaml or a template changes.")
final class ServeCommand implements Callable<Integer> {
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
            long seen = lastModified();
            while (true) {
                Thread.sleep(1000);
                if (!watch) continue;
                long now = lastModified();
                if (now != seen) {
                    seen = now;
                    rebuild();
                }
            }
        }
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

    /**
     * A fingerprint of the watched files' names and modification times: changes on any edit, addition or removal.
     * Editors create and delete temporary files while saving; one that vanishes mid-scan counts as a change.
     */
    long lastModified() {
        long fingerprint = 17;
        for (Path root : new Path[] {sources.content, sources.templates}) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) fingerprint = 31 * fingerprint + f.hashCode() * 17L + modified(f);
            } catch (IOException | UncheckedIOException e) {
                fingerprint = 31 * fingerprint + System.nanoTime(); // a folder vanished while being listed
            }
        }
        return fingerprint;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1; // deleted since it was listed
        }
    }
}
