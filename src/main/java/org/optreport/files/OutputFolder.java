package org.optreport.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * A folder optreport writes as a whole (the site, benchmark results) and may therefore replace: only if it is
 * absent, empty, or carries the marker file an earlier optreport run left in it. Anything else (a file, a folder
 * of the user's, a folder holding the pages, the cache or the current folder) is refused before anything is
 * written. A symbolic link to a folder is followed: the folder it names is replaced, the link stays.
 */
public final class OutputFolder {
    private final Path target;
    private final String marker;

    private OutputFolder(Path target, String marker) {
        this.target = target;
        this.marker = marker;
    }

    /** {@code requested} as a folder marked by a file named {@code marker} (e.g. {@code .optreport-site}). */
    public static OutputFolder of(Path requested, String marker) {
        Path absolute = requested.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            try {
                absolute = absolute.toRealPath();
            } catch (IOException e) {
                throw new OutputException(requested, "it is a symbolic link to nothing (" + FileErrors.reason(e) + ")");
            }
        }
        return new OutputFolder(absolute, marker);
    }

    public Path path() { return target; }

    /** A hidden name beside the folder for optreport's own use (lock, staging, journal): ".optreport-NAME.WHAT". */
    public Path sibling(String what) { return target.resolveSibling(".optreport-" + target.getFileName() + "." + what); }

    /**
     * Throws {@link OutputException} unless the folder may be replaced: it must not be, hold or lie inside any of
     * {@code inputs} (content, templates, cache) nor hold the current folder, and must be absent, empty or marked.
     */
    public void checkReplaceable(Collection<Path> inputs) {
        Path real = real(target);
        if (real.getParent() == null) throw new OutputException(target, "it is the root of the file system");
        Path here = real(Path.of(""));
        if (here.startsWith(real)) throw new OutputException(target, "it holds the current folder " + here);
        for (Path input : inputs) {
            Path in = real(input);
            if (in.startsWith(real)) throw new OutputException(target, (in.equals(real) ? "it is " : "it holds ") + input + ", an input of the build");
            if (real.startsWith(in)) throw new OutputException(target, "it lies inside " + input + ", an input of the build");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS))
            throw new OutputException(target, "it is " + AtomicFiles.kind(target) + "; name a folder");
        if (isEmpty() || Files.isRegularFile(target.resolve(marker), LinkOption.NOFOLLOW_LINKS) || isLegacySite()) return;
        throw new OutputException(target, "the folder is not empty and was not written by optreport (it has no " + marker
                + " file); name a new or empty folder, or remove this one yourself");
    }

    /** Leaves the marker in {@code folder} (a staged copy of this output) so that the next run may replace it. */
    public void mark(Path folder) throws IOException {
        AtomicFiles.write(folder.resolve(marker), "written by optreport; the next build may replace this folder\n");
    }

    private boolean isEmpty() {
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target + ": " + FileErrors.reason(e), e);
        }
    }

    /** Sites built before the marker existed: the bundled MathJax and the GitHub Pages switch are optreport's signature. */
    private boolean isLegacySite() {
        return marker.equals(".optreport-site") && Files.isRegularFile(target.resolve(".nojekyll"))
                && Files.isRegularFile(target.resolve("assets/mathjax/tex-svg.js")) && Files.isRegularFile(target.resolve("index.html"));
    }

    /** The path with symbolic links resolved as far as it exists, so that no link hides an overlap. */
    private static Path real(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return absolute;
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
