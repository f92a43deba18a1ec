package org.optreport.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optreport.build.CacheMerge;
import org.optreport.build.CodeFingerprint;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.files.FolderLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cache merge}: the shards' run caches of a sweep into one, which a plain build then assembles without computing. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Run cache maintenance.",
        subcommands = CacheCommand.Merge.class)
final class CacheCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a cache command is required: merge");
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Merges run caches (each shard's of a sweep, `build --shard I/N`) into one, checking every entry: its checksum, "
                    + "its key, and that this code made it. Identical copies of an entry are fine; two different results for one run stop "
                    + "the merge, naming it, before anything is written. Damaged entries and entries made by other code are reported and "
                    + "skipped, never used. Drawn figures are not merged (the assembling build draws them)."})
    static final class Merge implements Callable<Integer> {
        /** The skipped entries printed one per line; beyond this, a count. */
        private static final int LISTED = 20;

        @Parameters(arity = "1..*", paramLabel = "CACHE", description = "The cache folders to merge.")
        List<Path> sources;

        @Option(names = "--into", required = true, paramLabel = "DIR", description = "The cache to merge into (created if absent; "
                + "its entries are kept and checked against the others), e.g. .optreport/cache.")
        Path into;

        @Override public Integer call() throws Exception {
            for (Path source : sources)
                if (source.toAbsolutePath().normalize().equals(into.toAbsolutePath().normalize()))
                    throw new OptionException("cache merge: " + source + " is the target itself (--into)");
            CacheMerge.Report report;
            try (FolderLock lock = FolderLock.acquire(into.resolve(".lock"), "the cache " + into, System.out::println)) {
                report = new CacheMerge(ExperimentRegistry.standard(), CodeFingerprint.running()).merge(sources, into, m -> { });
            }
            List<String> skipped = report.skipped();
            for (String s : skipped.subList(0, Math.min(LISTED, skipped.size()))) System.out.println("skipped " + s);
            if (skipped.size() > LISTED) System.out.println("skipped " + (skipped.size() - LISTED) + " more entries");
            System.out.println("merged " + sources.size() + " caches into " + into + ": " + report.copied() + " entries copied, "
                    + report.identicalCopies() + " identical copies of entries already taken, " + skipped.size() + " skipped (damaged or made by other code; never used)");
            return 0;
        }
    }
}
