package org.optreport.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a build reads from and caches into: shared by {@code build} and {@code serve --watch}, so both agree. */
final class SourceOptions {
    @Option(names = "--content", defaultValue = "content", description = "Markdown pages and report.yaml (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--templates", defaultValue = "templates", description = "Freemarker templates (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--cache", defaultValue = ".optreport/cache", description = "Run and figure cache folder (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--quick", description = "Small sizes: a fast preview of every figure.")
    boolean quick;

    @Mixin RunLimitOptions limits;
}
