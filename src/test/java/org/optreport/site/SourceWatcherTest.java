package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the real file system: inotify on Linux, so each test waits well under a second. */
class SourceWatcherTest {
    private static final Duration QUIET = Duration.ofMillis(200), WAIT = Duration.ofSeconds(10), NONE = Duration.ofMillis(800);

    @TempDir Path project;
    private Path content, templates;

    @BeforeEach void sources() throws Exception {
        content = Files.createDirectories(project.resolve("content"));
        templates = Files.createDirectories(project.resolve("templates"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: A\n---\n");
        Files.writeString(content.resolve("report.yaml"), "landscape: {}\n");
        Files.writeString(templates.resolve("page.ftlh"), "<html></html>");
    }

    private SourceWatcher watcher() throws Exception { return new SourceWatcher(List.of(content, templates), QUIET); }

    @Test void editingAPageRebuildsExactlyOnce() throws Exception {
        AtomicInteger rebuilds = new AtomicInteger();
        try (SourceWatcher w = watcher()) {
            Thread loop = new Thread(() -> w.watch(rebuilds::incrementAndGet));
            loop.start();
            Files.writeString(content.resolve("index.md"), "---\ntitle: B\n---\n");
            long until = System.nanoTime() + WAIT.toNanos();
            while (rebuilds.get() == 0 && System.nanoTime() < until) Thread.sleep(20);
            Thread.sleep(NONE.toMillis());   // a second rebuild would come within the quiet period
            assertEquals(1, rebuilds.get());
            w.close();
            loop.join(WAIT.toMillis());
            assertFalse(loop.isAlive(), "closing the watcher ends the loop");
        }
    }

    @Test void aBurstOfWritesIsOneChange() throws Exception {
        try (SourceWatcher w = watcher()) {
            for (int i = 0; i < 20; i++) {
                Files.writeString(content.resolve("page" + i + ".md"), "x");
                Files.writeString(templates.resolve("page.ftlh"), "<html>" + i + "</html>");
                Thread.sleep(5);
            }
            assertTrue(w.awaitChange(WAIT));
            assertFalse(w.awaitChange(NONE));
        }
    }

    @Test void reportYamlAndTemplatesCountAsSources() throws Exception {
        try (SourceWatcher w = watcher()) {
            Files.writeString(content.resolve("report.yaml"), "landscape: {seeds: 2}\n");
            assertTrue(w.awaitChange(WAIT));
            Files.writeString(templates.resolve("page.ftlh"), "<html>new</html>");
            assertTrue(w.awaitChange(WAIT));
        }
    }

    @Test void aFolderCreatedLaterIsWatchedToo() throws Exception {
        try (SourceWatcher w = watcher()) {
            Path images = Files.createDirectories(content.resolve("images/2024"));
            assertTrue(w.awaitChange(WAIT));
            Files.writeString(images.resolve("plot.svg"), "<svg/>");
            assertTrue(w.awaitChange(WAIT));
        }
    }

    @Test void nothingChangedIsNoChange() throws Exception {
        try (SourceWatcher w = watcher()) {
            Files.readString(content.resolve("index.md"));
            assertFalse(w.awaitChange(NONE));
        }
    }

    @Test void aRootCreatedAfterStartIsWatchedAndItsNeighboursAreNot() throws Exception {
        Path later = project.resolve("later");
        try (SourceWatcher w = new SourceWatcher(List.of(content, later), QUIET)) {
            Files.createDirectories(project.resolve("site"));   // a build's output beside the sources
            assertFalse(w.awaitChange(NONE));
            Files.createDirectories(later);
            assertTrue(w.awaitChange(WAIT));
            Files.writeString(later.resolve("page.ftlh"), "x");
            assertTrue(w.awaitChange(WAIT));
        }
    }

    @Test void aRootRemovedAndCheckedOutAgainIsWatchedAgain() throws Exception {
        try (SourceWatcher w = watcher()) {
            Files.delete(templates.resolve("page.ftlh"));
            Files.delete(templates);
            assertTrue(w.awaitChange(WAIT));
            Files.createDirectories(templates);
            Files.writeString(templates.resolve("page.ftlh"), "<html>again</html>");
            assertTrue(w.awaitChange(WAIT));
            Files.writeString(templates.resolve("page.ftlh"), "<html>edited</html>");
            assertTrue(w.awaitChange(WAIT));
        }
    }
}
