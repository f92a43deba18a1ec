package org.optreport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.optreport.site.SiteBuilder;
import picocli.CommandLine.Option;

/** The {@code build} options for a sweep split over machines (with {@code --shard}): a settings profile, a plan, and the assembling build's guarantee. */
final class SweepOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Experiment settings from this file instead of report.yaml in the "
            + "content folder, e.g. content/sweep.yaml, the sweep profile (too large for one small machine: run it in shards).")
    Path config;

    @Option(names = "--require-cached", description = "Compute nothing: every run must already be in the cache (the build that assembles "
            + "a sweep's merged shards). A missing run fails the build, naming it.")
    boolean requireCached;

    @Option(names = "--plan", description = "Print the runs the build (with --shard: that shard) would compute and reuse, with their "
            + "expected times (recorded ones where an earlier computation left them, else the cost model's), and stop.")
    boolean plan;

    /** {@code sharded}: with {@code --shard}, which computes its part and builds no site, so --require-cached has nothing to guard. */
    SiteBuilder.Sweep toSweep(boolean sharded) {
        if (sharded && requireCached)
            throw new OptionException("--require-cached is for the build that assembles the shards; a --shard build computes its part");
        if (config != null && !Files.isRegularFile(config))
            throw new OptionException("--config: no such file: " + config);
        return new SiteBuilder.Sweep(config, requireCached, plan);
    }
}
