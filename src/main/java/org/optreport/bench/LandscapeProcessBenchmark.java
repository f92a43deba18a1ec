package org.optreport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The landscape target's three runs (depths 2, 3 and 4) as one process: the wall-clock time from starting a JVM on
 * {@link LandscapeSpectraProcess} to its exit, start-up and class loading included, beside the in-process figure of
 * {@link LandscapeSpectraBenchmark}. The child JVM runs on this fork's class path with the JVM's defaults (no options),
 * as a user's {@code java -jar} would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LandscapeProcessBenchmark {
    /** The depths the process runs; one size, named as the target names it. */
    @Param({"2,3,4"})
    public String depths;
    private List<String> command;

    @Setup
    public void setUp() {
        String java = ProcessHandle.current().info().command().orElse("java");
        command = List.of(java, "-cp", System.getProperty("java.class.path"), LandscapeSpectraProcess.class.getName());
    }

    @Benchmark
    public String run() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) throw new IllegalStateException("the landscape process exited with " + code + ": " + out);
        return out;
    }
}
