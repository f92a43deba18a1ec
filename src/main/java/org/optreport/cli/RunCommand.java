package org.optreport.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.ParameterException;
import org.optreport.experiment.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one experiment and writes its result file (JSON, see docs/results-format.md).",
        footerHeading = "%nExperiments and their keys (default in brackets):%n")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment (listed below).")
    String experiment;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter; repeat for several.")
    List<String> params = List.of();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.json", required = true, description = "The result file to write.")
    Path out;

    @Override public Integer call() throws Exception {
        Experiment e = ExperimentRegistry.standard().get(experiment);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String kv : params) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new ParameterException("parameter '" + kv + "' must look like KEY=VALUE");
            overrides.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        var parameters = org.optreport.experiment.Parameters.of(e.name(), e.parameters(), overrides);
        var result = e.run(parameters, message -> System.err.println(experiment + ": " + message));
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, Json.write(result), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.println("wrote " + out);
        return 0;
    }

    /** The --help footer: every experiment with its documented keys. */
    static String experimentHelp() {
        StringBuilder s = new StringBuilder();
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (String name : registry.names()) {
            s.append("  ").append(name).append('\n');
            for (ParameterSpec p : registry.get(name).parameters())
                s.append(String.format("      %-21s %s [%s]%n", p.key(), p.description(), p.defaultValue()));
        }
        return s.toString();
    }
}
