package org.optreport.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optreport.bench.BenchmarkSuite;
import org.optreport.bench.BenchmarkSuite.Setting;
import org.optreport.host.Machine;
import org.optreport.bench.ResultSummary;
import org.optreport.experiment.Json;
import org.optreport.files.AtomicFiles;
import org.optreport.files.OutputFolder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the JMH benchmarks of the kernels alone and writes JMH's JSON results into DIR.")
final class BenchCommand implements Callable<Integer> {
    static final class Mode {
        @Option(names = "--quick", required = true, description = "The targets' sizes, the roofline's references, one size of every other kernel and the fit sizes, in a few minutes (the default).")
        boolean quick;

        @Option(names = "--thorough", required = true, description = "More forks and iterations, every size: for publication.")
        boolean thorough;
    }

    /** Marks a folder of benchmark results, which a later run may therefore write into. */
    static final String MARKER = ".optreport-bench";

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "bench-results",
            description = "Folder for the results (default: ${DEFAULT-VALUE}): new, empty, or written by an earlier bench.")
    Path out;

    @Override public Integer call() throws Exception {
        Setting setting = mode != null && mode.thorough ? Setting.THOROUGH : Setting.QUICK;
        OutputFolder folder = OutputFolder.of(out, MARKER);
        folder.checkReplaceable(List.of());
        Files.createDirectories(folder.path());
        folder.mark(folder.path());
        System.out.println("machine: " + Machine.describe());
        ArrayNode results = BenchmarkSuite.run(setting, true, message -> System.err.println("bench: " + message));
        Path jmh = out.resolve("jmh-" + setting.label() + ".json");
        AtomicFiles.write(jmh, Json.write(results));
        ObjectNode settings = BenchmarkSuite.Settings.of(setting).toJson();
        settings.put("setting", setting.label()).put("machine", Machine.describe());
        AtomicFiles.write(out.resolve("settings-" + setting.label() + ".json"), Json.write(settings));
        ResultSummary.lines(results).forEach(System.out::println);
        System.out.println("wrote " + jmh);
        return 0;
    }
}
