package org.optreport.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.optreport.build.BuildLog;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.settings.SettingType;
import org.optreport.report.Studies;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;

/**
 * A small content folder and a tiny study ("toy": one seeded run per seed, figures, a table, values, numbers) for
 * end-to-end tests of the site build; counts the runs it really computed.
 */
final class SiteFixture {
    final Path root;
    final Path content;
    final Path out;
    final Path cache;
    final AtomicInteger computed = new AtomicInteger();
    String lastLog = "";

    SiteFixture(Path root) throws IOException {
        this.root = root;
        this.content = Files.createDirectories(root.resolve("content"));
        this.out = root.resolve("site");
        this.cache = root.resolve("cache");
        page("index", """
                ---
                title: Toy report
                order: 0
                ---
                ## Welcome

                See @page:second and @fig:curve. Inline $U_{ij} V_{ij} < 1 \\& x$ and the value {{toy.mean}}.
                """);
        page("second", """
                ---
                title: Second page
                order: 2
                description: with a figure and a table
                ---
                ## Results

                \\begin{equation}
                \\|W\\|_F^2 = \\sum_{ij} W_{ij}^2 \\label{eq:norm}
                \\end{equation}

                As @eq:norm shows, and @fig:curve and @tab:summary, with $\\eta = {{toy.mean}}$.

                ::: figure toy.curve {#fig:curve}
                A curve with $x_i^*$ in the caption.
                :::

                ::: table toy.summary {#tab:summary}
                The summary.
                :::

                ## Second section

                Back to @sec:results.
                """);
    }

    void page(String name, String text) throws IOException {
        Files.writeString(content.resolve(name + ".md"), text);
    }

    SiteBuilder.Summary build(boolean fresh, boolean strict) throws IOException {
        return build(new SiteBuilder.Options(content, Path.of("templates"), out, cache, root, true, fresh, 2, strict, null));
    }

    /** A build that, with {@link ClaimMode#WARN}, marks failed claims instead of failing. */
    SiteBuilder.Summary build(ClaimMode claims) throws IOException {
        return build(new SiteBuilder.Options(content, Path.of("templates"), out, cache, root, true, false, 2, false, null,
                org.optreport.experiment.RunLimits.standard(), claims));
    }

    SiteBuilder.Summary build(SiteBuilder.Options options) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            return new SiteBuilder(registry(), new Studies(List.of(new ToyStudy())))
                    .build(options, new BuildLog(new PrintStream(log, true, StandardCharsets.UTF_8), false));
        } finally {
            lastLog = log.toString(StandardCharsets.UTF_8);
        }
    }

    ExperimentRegistry registry() {
        return new ExperimentRegistry(List.of(new ToyExperiment()));
    }

    static final Setting<Long> TOY_SEED = Setting.of("seed", SettingType.seed(), 1L, "seed");
    static final Setting<String> TOY_DIVERGE = Setting.of("diverge", SettingType.choice("false", "true"), "false", "make the run diverge");

    /** y = seed * x^2 on a few points; diverges (NaN loss) when asked. */
    final class ToyExperiment implements Experiment {
        @Override public String name() { return "toy"; }

        @Override public List<Setting<?>> parameters() { return List.of(TOY_SEED, TOY_DIVERGE); }

        @Override public ObjectNode run(Parameters p, Progress progress) {
            computed.incrementAndGet();
            double s = p.get(TOY_SEED);
            double[] x = {1, 2, 3, 4}, y = new double[4];
            for (int i = 0; i < 4; i++) y[i] = s * x[i] * x[i];
            ObjectNode o = Json.object().put("schema", "toy/v1");
            o.set("x", Json.array(x));
            o.set("y", Json.array(y));
            o.put("diverged", p.get(TOY_DIVERGE).equals("true"));
            o.put("divergence", p.get(TOY_DIVERGE).equals("true") ? "loss became NaN at step 3" : null);
            return o;
        }
    }

    /** A result of the toy experiment, read as a record as the report's studies read theirs. */
    record ToyResult(String schema, Map<String, String> parameters, double[] x, double[] y, boolean diverged, String divergence) {}

    static final class ToyStudy implements Study<List<Run<ToyResult>>> {
        static final Setting<Integer> SEEDS = Setting.of("seeds", SettingType.integer(1, 10), 2, "runs, seeds 1..seeds");
        static final Setting<String> DIVERGE = Setting.of("diverge", SettingType.choice("false", "true"), "false", "make the runs diverge");
        static final Setting<String> EXPECTED = Setting.of("expected", SettingType.choice("false", "true"), "false", "divergence is expected");

        @Override public String name() { return "toy"; }

        @Override public List<Setting<?>> settings() { return List.of(SEEDS, DIVERGE, EXPECTED); }

        @Override public List<Run<ToyResult>> plan(StudyConfig config, RunPlan runs) {
            int seeds = config.get(SEEDS);
            String diverge = config.get(DIVERGE);
            boolean expected = config.get(EXPECTED).equals("true");
            List<Run<ToyResult>> planned = new java.util.ArrayList<>();
            for (int s = 1; s <= seeds; s++) {
                Map<String, String> p = Map.of("seed", Integer.toString(s), "diverge", diverge);
                planned.add(expected ? runs.addProbe(ToyResult.class, "toy", p) : runs.add(ToyResult.class, "toy", p));
            }
            return planned;
        }

        @Override public StudyOutput analyze(List<Run<ToyResult>> runs, RunResults results) {
            ToyResult first = results.get(runs.get(0));
            double[] x = first.x(), y = first.y();
            double mean = java.util.Arrays.stream(y).average().orElseThrow();
            Figure curve = Figure.of(new Panel("main", "toy", Axis.linear("x"), Axis.log("y"), List.of(Series.line("y", x, y))));
            Table summary = new Table(List.of("runs", "mean"), List.of(List.of(Integer.toString(runs.size()), Double.toString(mean))));
            // for claims: the mean, and a family with one peak per seed (y = seed * 16 at x = 4)
            Map<String, Double> numbers = new java.util.HashMap<>(Map.of("mean", mean));
            for (int s = 1; s <= runs.size(); s++)
                numbers.put("peak.seed" + s, java.util.Arrays.stream(results.get(runs.get(s - 1)).y()).max().orElseThrow());
            return new StudyOutput(Map.of("curve", curve), Map.of("summary", summary), Map.of("mean", Double.toString(mean)),
                    Map.of("mean", "mean of the toy runs' values"), numbers, List.of());
        }
    }
}
