package org.optreport.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.ParameterException;
import org.optreport.experiment.settings.Setting;
import org.optreport.files.AtomicFiles;
import org.optreport.files.OutputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one experiment and writes its result file (JSON, see docs/results-format.md).",
        footerHeading = "%nExperiments and their keys (each with its default and what it allows):%n")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment (listed below).")
    String experiment;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "A parameter; repeat for several.")
    List<String> params = List.of();

    @Mixin RunLimitOptions limits;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.json", required = true, description = "The result file to write (a new file, or an earlier result file, which is replaced); "
            + "'-' writes the result to standard output (messages go to standard error).")
    Path out;

    @Option(names = "--strict", description = "Exit with 1 when the run diverged (the result file is written all the same).")
    boolean strict;

    @Override public Integer call() throws Exception {
        Experiment e = ExperimentRegistry.standard().get(experiment);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String kv : params) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new ParameterException("parameter '" + kv + "' must look like KEY=VALUE");
            String key = kv.substring(0, eq).trim();
            if (overrides.put(key, kv.substring(eq + 1).trim()) != null)
                throw new ParameterException("parameter '" + key + "' is given twice; give each key once");
        }
        var parameters = org.optreport.experiment.Parameters.of(e.name(), e.parameters(), overrides);
        var cost = limits.toLimits().check(e, parameters);
        boolean toStdout = out.toString().equals("-");
        if (cost.seconds() > 10) (toStdout ? System.err : System.out).println(experiment + ": estimated " + cost.summary());
        if (!toStdout) checkReplaceable(out); // before the run, not after minutes of computing
        var result = e.run(parameters, message -> System.err.println(experiment + ": " + message));
        if (toStdout) {
            System.out.print(Json.write(result));
            System.out.flush();
        } else {
            AtomicFiles.write(out, Json.write(result));
            System.out.println("wrote " + out);
        }
        // a diverged run is a result, not a failure, unless --strict: said on stderr so that a script's log shows it
        List<DivergedRuns.Divergence> divergences = DivergedRuns.in(result);
        for (DivergedRuns.Divergence d : divergences)
            System.err.println("optreport: " + d.describe(e.name()) + "; " + (toStdout ? "the result" : out) + " records it" + (strict ? " (--strict)" : ""));
        return strict && !divergences.isEmpty() ? Main.FAILURE : 0;
    }

    /** The result file may replace only an earlier result file (or an empty one): never the user's other files. */
    static void checkReplaceable(Path target) throws IOException {
        AtomicFiles.requireRegularOrAbsent(target);
        if (!Files.exists(target) || Files.size(target) == 0 || isResultFile(target)) return;
        throw new OutputException(target, "it is a file that is not an optreport result (no \"schema\" field); name a new file");
    }

    /** A JSON object with a top-level "schema" field, read as a stream: a large file is not loaded whole. */
    private static boolean isResultFile(Path file) {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (parser.currentName().equals("schema")) return true;
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The --help footer: every experiment with its keys as they are declared. */
    static String experimentHelp() {
        StringBuilder s = new StringBuilder();
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (String name : registry.names()) {
            s.append("  ").append(name).append('\n');
            for (Setting<?> p : registry.get(name).parameters()) {
                s.append(wrapped(String.format("      %-21s %s", p.key(), p.description())));
                s.append(wrapped(" ".repeat(HELP_INDENT) + "default " + p.defaultText() + "; " + p.allowed()));
            }
        }
        return s.toString();
    }

    /** Where a key's description starts, and the width Main gives the help. */
    private static final int HELP_INDENT = 28, HELP_WIDTH = 120;

    /** The line broken at spaces to fit the help's width, continued under the description: picocli would start them at column 0. */
    private static String wrapped(String line) {
        StringBuilder out = new StringBuilder();
        while (line.length() > HELP_WIDTH) {
            int cut = line.lastIndexOf(' ', HELP_WIDTH);
            if (cut <= HELP_INDENT) break;
            out.append(line, 0, cut).append('\n');
            line = " ".repeat(HELP_INDENT) + line.substring(cut + 1);
        }
        return out.append(line).append('\n').toString();
    }
}
