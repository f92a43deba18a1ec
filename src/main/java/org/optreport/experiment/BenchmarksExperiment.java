package org.optreport.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.optreport.bench.BenchmarkSuite;
import org.optreport.bench.BenchmarkSuite.Setting;
import org.optreport.host.Machine;

/**
 * The JMH benchmarks of the kernels, run inside the report build. The {@code machine} key defaults to a description
 * of this machine, so the run cache (keyed by parameters and the code fingerprint) measures again on another machine
 * or after a code change, and reuses the figures when only prose changed. Exclusive: timings need the machine alone.
 */
public final class BenchmarksExperiment implements Experiment {
    @Override public String name() { return "benchmarks"; }

    @Override public boolean exclusive() { return true; }

    @Override public List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec("setting", "quick", "quick (the whole suite in about a minute) or thorough (publication)"),
                new ParameterSpec("machine", Machine.describe(), "the machine measured (a cache key; defaults to this one)"));
    }

    /** The benchmarks run in forked JVMs with their own heap: here they cost time only (JMH's schedule). */
    @Override public RunCost cost(Parameters p) {
        Setting setting = Setting.parse(p.choice("setting", "quick", "thorough"));
        return new CostEstimate(p)
                .seconds("the " + setting.label() + " benchmark suite, JMH's forks, warm-ups and measurements", BenchmarkSuite.estimatedSeconds(setting), "setting")
                .cost();
    }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        Setting setting = Setting.parse(p.choice("setting", "quick", "thorough"));
        ObjectNode out = Json.object();
        out.put("schema", "benchmarks/v2");
        out.set("parameters", Json.parameters(p.asMap()));
        ObjectNode machine = out.putObject("machine");
        machine.put("description", Machine.describe()).put("cpu", Machine.cpu()).put("cores", Machine.cores()).put("jvm", Machine.jvm());
        ObjectNode settings = BenchmarkSuite.Settings.of(setting).toJson();
        settings.put("setting", setting.label());
        out.set("settings", settings);
        out.set("kernels", KernelDescriptions.kernels());
        ArrayNode jmh = BenchmarkSuite.run(setting, false, progress::report);
        KernelDescriptions.describe(jmh);
        out.set("jmh", jmh);
        return out;
    }
}
