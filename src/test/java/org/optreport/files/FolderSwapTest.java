package org.optreport.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSwapTest {
    @TempDir Path dir;

    private FolderSwap swap(Path site) { return new FolderSwap(OutputFolder.of(site, ".optreport-site")); }

    private List<String> siblings() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path staged(FolderSwap swap, String text) throws Exception {
        Path staging = swap.stage();
        Files.writeString(staging.resolve("index.html"), text);
        return staging;
    }

    @Test void publishingReplacesTheOldVersionAndLeavesNothingBeside() throws Exception {
        Path site = dir.resolve("site");
        FolderSwap swap = swap(site);
        swap.publish(staged(swap, "one"), m -> { });
        swap.publish(staged(swap, "two"), m -> { });
        assertEquals("two", Files.readString(site.resolve("index.html")));
        assertTrue(Files.isRegularFile(site.resolve(".optreport-site")), "the marker lets the next build replace it");
        assertEquals(List.of("site"), siblings());
    }

    @Test void aLinkedOutputFolderIsReplacedBehindTheLink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("www"));
        Path link = Files.createSymbolicLink(dir.resolve("site"), real);
        FolderSwap swap = swap(link);
        swap.publish(staged(swap, "one"), m -> { });
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("one", Files.readString(link.resolve("index.html")));
    }

    /** Killed between the two renames of the journalled swap: the staged site is put in place at the next start. */
    @Test void anInterruptedSwapIsCompleted() throws Exception {
        Path site = dir.resolve("site");
        OutputFolder out = OutputFolder.of(site, ".optreport-site");
        Path previous = Files.createDirectories(out.sibling("old-1"));
        Path staging = Files.createDirectories(out.sibling("building-2"));
        Files.writeString(staging.resolve("index.html"), "new");
        Files.writeString(out.sibling("swap"), site.relativize(previous) + "\n" + site.relativize(staging) + "\n");
        List<String> said = new ArrayList<>();
        new FolderSwap(out).recover(said::add);
        assertEquals("new", Files.readString(site.resolve("index.html")));
        assertEquals(List.of("site"), siblings());
        assertTrue(said.get(0).contains("completed"), said.toString());
    }

    @Test void anInterruptedSwapWhoseStagedSiteIsGoneIsRolledBack() throws Exception {
        Path site = dir.resolve("site");
        OutputFolder out = OutputFolder.of(site, ".optreport-site");
        Path previous = Files.createDirectories(out.sibling("old-1"));
        Files.writeString(previous.resolve("index.html"), "old");
        Files.writeString(out.sibling("swap"), site.relativize(previous) + "\n" + site.relativize(out.sibling("building-2")) + "\n");
        new FolderSwap(out).recover(m -> { });
        assertEquals("old", Files.readString(site.resolve("index.html")));
        assertEquals(List.of("site"), siblings());
    }

    @Test void leftoversOfKilledBuildsAreRemovedButNothingElse() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        OutputFolder out = OutputFolder.of(site, ".optreport-site");
        Files.createDirectories(out.sibling("building-123"));
        Files.createDirectories(dir.resolve(".site-old-4567"));      // the names earlier versions used
        Files.createDirectories(dir.resolve(".site-building-89"));
        Files.createDirectories(dir.resolve(".site-notes"));         // not ours
        Files.createDirectories(dir.resolve("other"));
        new FolderSwap(out).recover(m -> { });
        assertEquals(List.of(".site-notes", "other", "site"), siblings());
    }

    @Test void deletingATreeDoesNotFollowLinksOutOfIt() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("link"), outside);
        FolderSwap.deleteTree(tree);
        assertFalse(Files.exists(tree));
        assertEquals("keep", Files.readString(outside.resolve("keep.txt")));
    }

    @Test void theJournalledSwapAlsoReplacesTheOldVersion() throws Exception {
        Path site = dir.resolve("site");
        FolderSwap swap = new FolderSwap(OutputFolder.of(site, ".optreport-site"), false);
        swap.publish(staged(swap, "one"), m -> { });
        swap.publish(staged(swap, "two"), m -> { });
        assertEquals("two", Files.readString(site.resolve("index.html")));
        assertEquals(List.of("site"), siblings());
    }

    /** A reader polling the site while it is replaced again and again never finds it missing (Linux: one atomic step). */
    @Test void aReaderNeverFindsTheSiteMissing() throws Exception {
        Assumptions.assumeTrue(RenameExchange.exchange(Files.createDirectories(dir.resolve("a")), Files.createDirectories(dir.resolve("b"))),
                "renameat2(RENAME_EXCHANGE) is not available here");
        FolderSwap.deleteTree(dir.resolve("a"));
        FolderSwap.deleteTree(dir.resolve("b"));
        Path site = dir.resolve("site");
        FolderSwap swap = swap(site);
        swap.publish(staged(swap, "0"), m -> { });
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger missing = new AtomicInteger(), seen = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                if (Files.isRegularFile(site.resolve("index.html"))) seen.incrementAndGet();
                else missing.incrementAndGet();
            }
        });
        reader.start();
        for (int i = 1; i <= 300; i++) swap.publish(staged(swap, Integer.toString(i)), m -> { });
        done.set(true);
        reader.join();
        assertEquals(0, missing.get(), "the site was missing " + missing.get() + " times out of " + (missing.get() + seen.get()));
        assertEquals("300", Files.readString(site.resolve("index.html")));
    }
}
