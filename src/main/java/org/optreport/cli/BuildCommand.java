package org.optreport.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optreport.build.BuildLog;
import org.optreport.build.Shard;
import org.optreport.site.ClaimMode;
import org.optreport.site.SiteBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the report: runs (or reuses from the cache) every experiment the pages need, draws the figures, "
                + "renders the pages into the output folder. The old site is replaced only when the whole build succeeded."})
final class BuildCommand implements Callable<Integer> {
    @Mixin SourceOptions sources;

    @Mixin SweepOptions sweep;

    /** Its --verbose also prints every run's settings and progress (always in the build log file). */
    @CommandLine.ParentCommand Main main;

    @Option(names = "--out", defaultValue = "site", description = "Output folder (default: ${DEFAULT-VALUE}): new, empty, or a site "
            + "optreport built; anything else is refused untouched.")
    Path out;

    @Option(names = "--fresh", description = "Ignore the run cache: recompute every run (and store the new results).")
    boolean fresh;

    @Option(names = "--jobs", description = "Runs in parallel (default: one per core; 0 also means one per core).",
            defaultValue = "${sys:optreport.jobs:-0}")
    int jobs;

    @Option(names = "--strict", description = "Fail the build when a run diverged, instead of showing a warning.")
    boolean strict;

    @Option(names = "--claims", paramLabel = "fail|warn", converter = ClaimModes.class,
            description = "What a claim in the pages that the numbers contradict does: fail the build, or warn: "
                    + "build the pages with it marked and list it at the end. Default: fail, but warn with --quick "
                    + "(the claims are about the report's own runs; the quick runs are smaller).")
    ClaimMode claims;

    @Option(names = "--only", paramLabel = "PAGE", description = "Render only this page (its file name, e.g. part2-landscape) "
            + "and compute only the runs it needs; the rest of the site is the previous build's.")
    String only;

    @Option(names = "--pdf", description = "Also print the report into report.pdf in the output folder (title page, contents, "
            + "every page with its typeset math, figures and links; every page links to it). Needs Chromium (Debian: apt-get install "
            + "chromium); the paper is report.yaml's pdf.paper (a4 or letter).")
    boolean pdf;

    @Option(names = "--shard", paramLabel = "I/N", description = "Compute only the I-th of N parts of the runs into the cache and stop "
            + "(no site). A later build without --shard assembles the report from the cache.")
    String shard;

    @Override public Integer call() throws Exception {
        if (jobs < 0) throw new OptionException("--jobs must be at least 1 (or 0 for one per core), got " + jobs);
        int threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        SiteBuilder.Options options = new SiteBuilder.Options(sources.content, sources.templates, out, sources.cache, Path.of("").toAbsolutePath(),
                sources.quick, fresh, threads, strict, shard(), sources.limits.toLimits(),
                claims != null ? claims : ClaimMode.defaultFor(sources.quick));
        if (only != null) options = options.onlyPage(only);
        options = options.with(sweep.toSweep(shard != null));
        if (pdf) {
            if (shard != null) throw new OptionException("--pdf prints the site, and --shard builds none: build the PDF in the build that assembles the shards");
            options = options.withPdf();
        }
        SiteBuilder.standard().build(options, new BuildLog(System.out, false, main != null && main.verbose));
        return 0;
    }

    /** "fail" or "warn", in any case; anything else is a usage error naming both. */
    static final class ClaimModes implements CommandLine.ITypeConverter<ClaimMode> {
        @Override public ClaimMode convert(String text) {
            try {
                return ClaimMode.of(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private Shard shard() {
        if (shard == null) return null;
        try {
            return Shard.parse(shard);
        } catch (IllegalArgumentException e) { // its message says what --shard must look like
            throw new OptionException("--shard: " + e.getMessage());
        }
    }
}
