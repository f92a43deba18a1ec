package org.optreport.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Replaces an output folder by a staged one so that a reader, or a build killed at any moment, never finds it
 * missing or half-written. On Linux the two folders swap places in one atomic step; elsewhere two renames are
 * recorded first in a journal, and {@link #recover} at the next start completes or rolls back a swap that was
 * interrupted between them. Staged and replaced folders live beside the output under ".optreport-NAME.*" names
 * (git-ignored) and are removed by {@link #recover} if a killed build left them behind.
 *
 * <p>Callers hold the output's {@link FolderLock} throughout, so no other build is using those names.
 */
public final class FolderSwap {
    private static final String STAGING = "building-", REPLACED = "old-", JOURNAL = "swap";

    private final OutputFolder out;
    private final boolean exchange;

    public FolderSwap(OutputFolder out) { this(out, true); }

    /** {@code exchange} false forces the journalled two-rename swap (what other platforms get). */
    FolderSwap(OutputFolder out, boolean exchange) {
        this.out = out;
        this.exchange = exchange;
    }

    /** A new, empty, world-readable folder beside the output to build the next version in. */
    public Path stage() throws IOException {
        Path target = out.path();
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), out.sibling(STAGING).getFileName().toString());
        AtomicFiles.worldReadable(staging);
        return staging;
    }

    /** Puts {@code staging} in the output's place; the previous version is deleted afterwards. */
    public void publish(Path staging, Consumer<String> warn) throws IOException {
        Path target = out.path();
        out.mark(staging);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path previous;
        if (exchange && RenameExchange.exchange(staging, target)) {
            previous = staging; // the swap left the old version under the staging name
        } else {
            previous = Files.createTempDirectory(target.getParent(), out.sibling(REPLACED).getFileName().toString());
            Files.delete(previous); // only its unique name is wanted
            AtomicFiles.write(out.sibling(JOURNAL), target.relativize(previous) + "\n" + target.relativize(staging) + "\n");
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(out.sibling(JOURNAL));
        }
        try {
            deleteTree(previous);
        } catch (IOException e) {
            warn.accept("the new version is in place, but the previous one could not be removed (" + FileErrors.describe(e)
                    + "); it will be retried on the next build");
        }
    }

    /** Completes or rolls back a swap a killed build interrupted, then removes folders such builds left behind. */
    public void recover(Consumer<String> log) throws IOException {
        Path target = out.path(), journal = out.sibling(JOURNAL);
        if (Files.isRegularFile(journal)) {
            List<String> names = Files.readAllLines(journal, StandardCharsets.UTF_8);
            if (names.size() == 2 && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path previous = target.resolve(names.get(0)).normalize(), staged = target.resolve(names.get(1)).normalize();
                Path restore = Files.isDirectory(staged) ? staged : previous;
                if (Files.isDirectory(restore)) {
                    Files.move(restore, target, StandardCopyOption.ATOMIC_MOVE);
                    log.accept("an interrupted publish was " + (restore == staged ? "completed" : "rolled back") + ": " + target);
                }
            }
            Files.delete(journal);
        }
        for (Path leftover : leftovers()) {
            log.accept("removing " + leftover.getFileName() + ", left behind by an interrupted build");
            deleteTree(leftover);
        }
    }

    private List<Path> leftovers() throws IOException {
        Path target = out.path();
        String staging = out.sibling(STAGING).getFileName().toString(), replaced = out.sibling(REPLACED).getFileName().toString();
        // the names earlier versions used: ".NAME-building-DIGITS", ".NAME-old-DIGITS"
        String legacy = "\\." + java.util.regex.Pattern.quote(target.getFileName().toString()) + "-(building|old)-\\d+";
        if (!Files.isDirectory(target.getParent())) return List.of();
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            return siblings.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(staging) || name.startsWith(replaced) || name.matches(legacy);
            }).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    /** Deletes a folder optreport created, depth first, without following symbolic links out of it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
