package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCheckerTest {
    @Test void wholeSiteHasNoBrokenLinks(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<a href='b.html#x'>b</a><a href='#top' id='top'>t</a><a href='https://example.org/'>e</a>");
        Files.writeString(site.resolve("b.html"), "<h2 id='x'>x</h2><img src='fig.png'>");
        Files.write(site.resolve("fig.png"), new byte[] {1});
        assertEquals(List.of(), LinkChecker.check(site));
    }

    @Test void missingFileAnchorImageAndRootRelativeAreNamed(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"),
                "<a href='gone.html'>a</a><a href='index.html#nowhere'>b</a><img src='missing.png'><link rel=stylesheet href='/assets/s.css'>");
        List<String> broken = LinkChecker.check(site);
        assertEquals(4, broken.size(), broken.toString());
        assertTrue(broken.contains("index.html: gone.html (no such file)"));
        assertTrue(broken.contains("index.html: index.html#nowhere (no such anchor)"));
        assertTrue(broken.contains("index.html: missing.png (no such file)"));
        assertTrue(broken.get(3).contains("root-relative"));
    }
}
