package org.optreport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.optreport.site.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the built site on http://127.0.0.1:PORT/ for previewing (loopback only).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "site", description = "Folder to serve (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Override public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such folder; run 'build' first");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be in [0, 65535], got " + port);
        try (PreviewServer server = new PreviewServer(dir, port)) {
            System.out.println("Serving " + dir.toAbsolutePath() + " at http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops)");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
