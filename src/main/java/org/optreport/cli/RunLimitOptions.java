package org.optreport.cli;

import org.optreport.experiment.RunLimits;
import picocli.CommandLine.Option;

/** How large a run may be, checked before it starts: shared by {@code build}, {@code serve --watch} and {@code run}. */
final class RunLimitOptions {
    @Option(names = "--max-run-seconds", paramLabel = "S", defaultValue = "3600",
            description = "Refuse, before starting, a run estimated to take longer (default: ${DEFAULT-VALUE}).")
    double maxRunSeconds;

    @Option(names = "--allow-large", description = "Lift the time limit per run (runs that cannot fit the heap are refused anyway).")
    boolean allowLarge;

    RunLimits toLimits() {
        if (!(maxRunSeconds > 0)) throw new OptionException("--max-run-seconds must be positive, got " + maxRunSeconds);
        return new RunLimits(Runtime.getRuntime().maxMemory(), maxRunSeconds, allowLarge);
    }
}
