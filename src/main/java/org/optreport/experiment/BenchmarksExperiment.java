package org.optreport.experiment;

import static org.optreport.experiment.settings.SettingType.choice;
import static org.optreport.experiment.settings.SettingType.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.optreport.bench.BenchmarkSuite;
import org.optreport.bench.LanczosExtremesBenchmark;
import org.optreport.experiment.settings.Setting;
import org.optreport.host.Machine;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.results.BenchmarksResult;

/**
 * The JMH benchmarks of the kernels, run inside the report build. The {@code machine} key defaults to a description
 * of this machine, so the run cache (keyed by parameters and the code fingerprint) measures again on another machine
 * or after a change to the code it measures, and reuses the figures when only prose changed. Exclusive: timings need
 * the machine alone.
 */
public final class BenchmarksExperiment implements Experiment {
    private static final Setting<String> SUITE_SETTING = Setting.of("setting", choice("smoke", "quick", "thorough"), "quick",
            "smoke (seconds, in-process), quick (the targets, the roofline and the fits, a few minutes) or thorough (publication)");
    private static final Setting<String> MACHINE = Setting.of("machine", text(), Machine.describe(),
            "the machine measured (a cache key; defaults to this one)");

    @Override public String name() { return "benchmarks"; }

    @Override public boolean exclusive() { return true; }

    /**
     * JMH runs the benchmark classes in forked JVMs, through entry points it generated and loads by name: they are
     * roots of their own, not just code this class happens to refer to. (The generated entry points follow from these
     * classes and JMH's version, both in the fingerprint.)
     */
    @Override public List<Class<?>> codeRoots() {
        List<Class<?>> roots = new ArrayList<>(List.of(getClass()));
        for (BenchmarkSuite.Entry e : BenchmarkSuite.ENTRIES) roots.add(e.benchmark());
        return List.copyOf(roots);
    }

    @Override public List<Setting<?>> parameters() { return List.of(SUITE_SETTING, MACHINE); }

    /** The benchmarks run in forked JVMs with their own heap: here they cost time only (JMH's schedule). */
    @Override public RunCost cost(Parameters p) {
        BenchmarkSuite.Setting setting = BenchmarkSuite.Setting.parse(p.get(SUITE_SETTING));
        return new CostEstimate(p)
                .seconds("the " + setting.label() + " benchmark suite, JMH's forks, warm-ups and measurements", BenchmarkSuite.estimatedSeconds(setting), "setting")
                .cost();
    }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        BenchmarkSuite.Setting setting = BenchmarkSuite.Setting.parse(p.get(SUITE_SETTING));
        ObjectNode out = Json.object();
        out.put("schema", BenchmarksResult.SCHEMA);
        out.set("parameters", Json.parameters(p.asMap()));
        ObjectNode machine = out.putObject("machine");
        machine.put("description", Machine.describe()).put("cpu", Machine.cpu()).put("cores", Machine.cores()).put("jvm", Machine.jvm());
        double clock = Machine.clockMHz();
        if (Double.isNaN(clock)) machine.putNull("clockMHz"); else machine.put("clockMHz", clock);
        machine.put("vectorBits", Machine.vectorBits()).put("caches", Machine.caches());
        ObjectNode settings = BenchmarkSuite.Settings.of(setting).toJson();
        settings.put("setting", setting.label()).put("jvmArgs", String.join(" ", BenchmarkSuite.jvmArgs(setting)));
        out.set("settings", settings);
        out.set("kernels", KernelDescriptions.kernels());
        ArrayNode jmh = BenchmarkSuite.run(setting, false, progress::report);
        KernelDescriptions.describe(jmh);
        out.set("jmh", jmh);
        out.put("denseEigenLimit", DeepLinearNetwork.DENSE_EIGEN_LIMIT); // the page says where the landscape switches to Lanczos
        // untimed, once: the page quotes how closely Lanczos's extremes agree with the dense path's
        LanczosExtremesBenchmark.DenseCheck check = LanczosExtremesBenchmark.againstDense(LanczosExtremesBenchmark.CHECK_SHAPE);
        out.putObject("lanczosAgainstDense").put("shape", check.shape().toString()).put("parameters", check.shape().parameterCount())
                .put("relativeDifference", check.relativeDifference()).put("tolerance", check.tolerance());
        return out;
    }
}
