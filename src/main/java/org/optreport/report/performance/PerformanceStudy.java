package org.optreport.report.performance;

import static org.optreport.experiment.settings.SettingType.choice;
import static org.optreport.experiment.settings.SettingType.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.performance.Speedups.Speedup;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.BenchmarksResult;

/**
 * The performance page: JMH figures of the kernels (one "benchmarks" run made by the build), their flop rates and
 * efficiency against the measured rate of OpenBLAS's DGEMM, fitted scaling exponents, speed-ups, and each target of the
 * issue with its measured figure and whether it is met.
 */
public final class PerformanceStudy implements Study<PerformanceStudy.Plan> {
    static final String NOT_MEASURED = "not measured";
    private static final Setting<String> SUITE_SETTING = Setting.of("setting", choice("smoke", "quick", "thorough"), "quick",
            "smoke (seconds, in-process: shows the pipeline works), quick (a few minutes: the targets, the roofline and the fits) or thorough (publication)")
            .withQuickDefault("smoke");

    private static final Setting<String> BASELINES_SETTING = Setting.of("baselines", text(), "baselines.csv",
            "CSV of the PyTorch and NumPy baselines measured on this machine (src/baselines), relative to this file");

    /** The benchmarks run and the baselines recorded beside it (read when the build plans, so a bad file stops it first). */
    public record Plan(Run<BenchmarksResult> run, Baselines baselines) {}

    @Override public String name() { return "performance"; }

    @Override public List<Setting<?>> settings() { return List.of(SUITE_SETTING, BASELINES_SETTING); }

    @Override public Plan plan(StudyConfig config, RunPlan runs) {
        Path folder = config.file().toAbsolutePath().getParent();
        Baselines baselines = Baselines.read(folder.resolve(config.get(BASELINES_SETTING)));
        return new Plan(runs.add(BenchmarksResult.class, "benchmarks", Map.of("setting", config.get(SUITE_SETTING))), baselines);
    }

    @Override public StudyOutput analyze(Plan plan, RunResults results) {
        BenchmarkResult result = BenchmarkResult.of(results.get(plan.run()));
        QuotedValues values = new QuotedValues();
        List<String> warnings = new ArrayList<>();
        Map<String, Table> tables = new HashMap<>();
        Roofline roofline = Roofline.of(result);
        RooflineValues.put(result, roofline, values);
        List<String> unmeasured = new ArrayList<>();
        for (Kernel k : result.kernels()) {
            if (result.of(k.key()).isEmpty()) unmeasured.add(k.title());
            tables.put(k.key(), KernelTable.of(result.of(k.key()), result.yardstick(), roofline));
        }
        if (!unmeasured.isEmpty())
            warnings.add("the benchmark run has no results for " + String.join("; ", unmeasured));
        SetupValues.put(result, values);
        ReluStepValues.put(result, values);
        ScalingExponents.put(result, values);

        List<Speedup> hessian = Speedups.pair(result.of("fdHessian"), result.of("hessian"));
        tables.put("hessianSpeedup", Speedups.table(hessian, "finite differences (ms)", "analytic (ms)"));
        tables.put("lanczosSpeedup", Speedups.table(Speedups.pair(result.of("denseExtremes"), result.of("lanczosExtremes")), "dense (ms)", "Lanczos (ms)"));
        tables.put("targets", PerformanceTargets.evaluate(result, hessian, plan.baselines(), values));
        tables.put("baselines", BaselineTable.of(plan.baselines(), result, values));
        if (plan.baselines().rows().isEmpty()) warnings.add("no baselines recorded in " + plan.baselines().file() + " (src/baselines/README.md)");
        Map<String, org.optreport.report.output.Figure> figures = new HashMap<>(PerformanceCharts.figures(result));
        figures.put("roofline", RooflineChart.figure(result, roofline));
        return new StudyOutput(figures, tables, values, warnings);
    }
}
