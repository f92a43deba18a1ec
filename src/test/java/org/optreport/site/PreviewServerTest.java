package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewServerTest {
    @TempDir Path dir;
    PreviewServer server;

    @BeforeEach void start() throws IOException {
        Files.createDirectories(dir.resolve("site/sub"));
        Files.writeString(dir.resolve("site/index.html"), "<p>home</p>");
        Files.writeString(dir.resolve("site/sub/page.html"), "<p>page</p>");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        server = new PreviewServer(dir.resolve("site"), 0);
    }

    @AfterEach void stop() { server.close(); }

    /** Sends a raw request line so that the client does not normalize the path for us. */
    private String raw(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test void bindsToLoopbackOnly() {
        assertTrue(server.address().getAddress().isLoopbackAddress());
    }

    @Test void servesFilesAndIndex() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/sub/page.html").openConnection();
        assertEquals(200, c.getResponseCode());
        assertTrue(c.getContentType().startsWith("text/html"));
        assertTrue(raw("/").contains("<p>home</p>"));
    }

    @Test void unknownPathIs404() throws IOException {
        assertTrue(raw("/nope.html").startsWith("HTTP/1.1 404"));
    }

    @Test void traversalIsRefusedPlainAndEncoded() throws IOException {
        for (String attack : new String[] {"/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt"}) {
            String response = raw(attack);
            assertTrue(response.startsWith("HTTP/1.1 403") || response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"), attack + " -> " + response);
            assertTrue(!response.contains("secret"), attack + " leaked the file");
        }
    }

    /** Half-sent requests that then stall (slowloris) must not take every worker: others are still served. */
    @Test void stalledClientsDoNotBlockOthers() throws IOException {
        for (int stalled : new int[] {4, 8}) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < stalled; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    sockets.add(s);
                }
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    s.setSoTimeout(5_000); // bounded wait: a blocked server fails the test instead of hanging it
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    String response;
                    try {
                        response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError(stalled + " stalled connections blocked the server for 5 s", e);
                    }
                    assertTrue(response.startsWith("HTTP/1.1 200") && response.contains("<p>home</p>"), response);
                }
            } finally {
                for (Socket s : sockets) s.close();
            }
        }
    }

    /** More stalled clients than workers are only held off by the header timeout: the server must drop them. */
    @Test void stalledClientIsDroppedAfterTheHeaderTimeout() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout((PreviewServer.HEADER_TIMEOUT_SECONDS + 5) * 1000);
            long start = System.nanoTime();
            try {
                assertEquals(-1, s.getInputStream().read(), "the server answered a request it never fully received");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a client stalled in its headers was still connected after "
                        + (PreviewServer.HEADER_TIMEOUT_SECONDS + 5) + " s", e);
            } catch (IOException reset) {
                // a reset is a drop too
            }
            assertTrue(System.nanoTime() - start < (PreviewServer.HEADER_TIMEOUT_SECONDS + 5) * 1_000_000_000L);
        }
    }

    /** close() stops listening and drops connections, even one stalled in a worker mid-headers. */
    @Test void closeStopsListeningAndDropsConnections() throws IOException, InterruptedException {
        int port = server.port();
        try (Socket stalled = new Socket("127.0.0.1", port)) {
            stalled.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(200); // let a worker take it
            server.close();
            stalled.setSoTimeout(2_000);
            try {
                assertEquals(-1, stalled.getInputStream().read());
            } catch (SocketTimeoutException e) {
                throw new AssertionError("close() left a stalled connection open", e);
            } catch (IOException reset) {
                // dropped
            }
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }
}
