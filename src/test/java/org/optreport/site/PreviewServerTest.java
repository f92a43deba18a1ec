package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
