package org.optreport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs the JMH benchmarks of the kernels.")
final class BenchCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw new UnsupportedOperationException("benchmarks are not wired yet");
    }
}
