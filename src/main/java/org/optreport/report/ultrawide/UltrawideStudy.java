package org.optreport.report.ultrawide;

import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.integers;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.wordOr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.optreport.experiment.DatasetParameters;
import org.optreport.experiment.Json;
import org.optreport.model.KernelDynamics;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.output.Figure;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.report.study.StudyDataset;
import org.optreport.report.ultrawide.UltrawideScaling.Fits;
import org.optreport.results.Trace;
import org.optreport.results.UltrawideResult;
import org.optreport.results.UltrawideResult.NetworkRun;
import org.optreport.results.UltrawideResult.Traces;

/**
 * Part 3: wide two-layer ReLU networks against their infinite-width kernel dynamics. One run per (width, seed),
 * so the build spreads them over its threads; the analysis merges them by width (median over seeds, min..max
 * bands), fits power laws against width, and splits the residual along the eigenvectors of H*.
 */
public final class UltrawideStudy implements Study<UltrawideStudy.Plan> {
    static final List<Integer> FULL_WIDTHS = List.of(10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000);
    static final List<Integer> QUICK_WIDTHS = List.of(10, 30, 100, 300, 1_000);

    @Override public String name() { return "ultrawide"; }

    /** The settings read and each width's runs in seed order, widest width first (the order they were planned in). */
    record Plan(Settings settings, Map<Integer, List<Run<UltrawideResult>>> runsByWidth, StudyConfig config) {
        List<Run<UltrawideResult>> runs() { return runsByWidth.values().stream().flatMap(List::stream).toList(); }
    }

    @Override public Plan plan(StudyConfig config, RunPlan runs) {
        Settings s = settings(config);
        Map<Integer, List<Run<UltrawideResult>>> byWidth = new LinkedHashMap<>();
        // Widest first: the build's threads take runs in this order, and starting the longest ones first packs them best.
        List<Integer> widestFirst = new ArrayList<>(s.widths);
        Collections.reverse(widestFirst);
        for (int width : widestFirst)
            for (int seed = 1; seed <= s.seeds; seed++)
                byWidth.computeIfAbsent(width, w -> new ArrayList<>()).add(runs.add(UltrawideResult.class, "ultrawide", parameters(s, width, seed)));
        return new Plan(s, byWidth, config);
    }

    private static Map<String, String> parameters(Settings s, int width, int seed) {
        Map<String, String> p = new HashMap<>();
        s.data.addTo(p);
        // a dataset with fewer rows than the setting asks for gives all of them
        p.put("samples", Integer.toString(Math.min(s.samples, s.data.data().samples())));
        p.put("widths", Integer.toString(width));
        p.put("seeds", Integer.toString(seed));
        p.put("steps", Integer.toString(s.steps));
        p.put("learningRate", "auto");
        p.put("learningRateFraction", Double.toString(s.learningRateFraction));
        p.put("records", Integer.toString(s.records));
        p.put("traceBuckets", Integer.toString(s.traceBuckets));
        return p;
    }

    private record Settings(StudyDataset data, int samples, List<Integer> widths, int seeds, int steps, double learningRateFraction,
                            int records, int traceBuckets, int fitMinWidth) {
        static final Setting<Integer> SAMPLES = Setting.of("samples", integer(2, 1_000_000), 256,
                "the first n samples of the dataset (all of them if it has fewer)").withQuickDefault(64);
        static final Setting<List<Integer>> WIDTHS = Setting.of("widths", integers(1, 10_000_000), FULL_WIDTHS, "hidden widths m")
                .withQuickDefault(QUICK_WIDTHS);
        static final Setting<Integer> SEEDS = Setting.of("seeds", integer(1, 100), 5, "seeds 1..seeds per width, one run each")
                .withQuickDefault(2);
        static final Setting<Integer> STEPS = Setting.of("steps", integer(10, 1_000_000), 1000, "gradient steps").withQuickDefault(300);
        static final Setting<Double> LEARNING_RATE_FRACTION = Setting.of("learningRateFraction", real(openClosed(0, 1.99)), 1.0,
                "eta = fraction / lambda_max(H*), below 2");
        static final Setting<Integer> RECORDS = Setting.of("records", integer(5, 1000), 60, "log-spaced recorded steps").withQuickDefault(40);
        static final Setting<Integer> TRACE_BUCKETS = Setting.of("traceBuckets", integer(1, 100_000), 100,
                "log-spaced buckets of the every-step loss and distance traces (every step kept while steps <= 4 x buckets)");
        /** The largest distance follows m^{-1/2} only once m is large against n: auto fits the widest decade. */
        static final Setting<Optional<Integer>> FIT_MIN_WIDTH = Setting.of("fitMinWidth", wordOr("auto", integer(1, 10_000_000)), Optional.empty(),
                "slopes are fitted over widths >= this; auto: the widest / 10");
        static final List<Setting<?>> ALL = List.of(DatasetParameters.DATASET, DatasetParameters.INPUTS, DatasetParameters.TARGETS, SAMPLES, WIDTHS, SEEDS, STEPS, LEARNING_RATE_FRACTION, RECORDS, TRACE_BUCKETS,
                FIT_MIN_WIDTH);
    }

    @Override public List<Setting<?>> settings() { return Settings.ALL; }

    private static Settings settings(StudyConfig c) {
        List<Integer> widths = c.get(Settings.WIDTHS).stream().distinct().sorted().toList();
        int widest = widths.get(widths.size() - 1);
        StudyDataset data = StudyDataset.read(c, DatasetParameters.STANDARD);
        if (data.data().outputDimension() != 1)
            throw c.unusable(DatasetParameters.TARGETS.key(), "the network has one output: choose one target column of " + data.dataset() + " (it gives "
                    + String.join(", ", data.data().targetColumns()) + ")");
        return new Settings(data, c.get(Settings.SAMPLES), widths, c.get(Settings.SEEDS), c.get(Settings.STEPS),
                c.get(Settings.LEARNING_RATE_FRACTION), c.get(Settings.RECORDS), c.get(Settings.TRACE_BUCKETS),
                c.get(Settings.FIT_MIN_WIDTH).orElse(Math.max(1, widest / 10)));
    }

    /** The runs of one width, in seed order. */
    record WidthRuns(int width, List<NetworkRun> runs) {
        /** Each run's trace of one quantity, in seed order. */
        List<Trace> traces(Function<Traces, Trace> quantity) { return runs.stream().map(run -> quantity.apply(run.trace())).toList(); }
    }

    @Override public StudyOutput analyze(Plan plan, RunResults results) {
        Settings s = plan.settings();
        List<Run<UltrawideResult>> planned = plan.runs();
        UltrawideResult first = results.get(planned.get(0));
        double eta = first.learningRate();
        double lambdaMin = first.lambdaMin();
        double[] eigenvalues = first.kernelEigenvalues();
        List<String> warnings = new ArrayList<>();

        Map<Integer, List<NetworkRun>> byWidth = new TreeMap<>();
        double cpuTotal = 0;
        for (Run<UltrawideResult> r : planned) {
            // Each planned run trains one (width, seed).
            NetworkRun run = results.get(r).runs().get(0);
            cpuTotal += run.timings().cpuSeconds();
            if (run.diverged()) {
                warnings.add(String.format(Locale.ROOT, "The network of width %d, seed %d diverged (%s); it is left out of the figures.",
                        run.width(), run.seed(), run.divergence()));
                continue;
            }
            byWidth.computeIfAbsent(run.width(), w -> new ArrayList<>()).add(run);
        }
        if (byWidth.isEmpty()) throw plan.config().unusable("learningRateFraction", "every ultrawide network diverged with it: lower it (below 2)");
        List<WidthRuns> widths = new ArrayList<>();
        byWidth.forEach((w, runs) -> widths.add(new WidthRuns(w, runs)));

        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("losses", UltrawideCharts.lossFigure(widths, eta, lambdaMin));
        figures.put("distance", UltrawideCharts.distanceFigure(widths));
        Fits fits = Fits.of(widths, s.fitMinWidth);
        figures.put("scaling", UltrawideCharts.scalingFigure(widths, fits, lambdaMin));
        figures.put("sources", UltrawideCharts.sourcesFigure(widths));
        figures.put("lazy", UltrawideCharts.lazyFigure(widths, fits));
        WidthRuns widest = widths.get(widths.size() - 1);
        NetworkRun spectralRun = widest.runs().get(0);
        figures.put("spectrum", UltrawideCharts.spectrumFigure(spectralRun, eigenvalues, first.bands(), eta));

        QuotedValues values = UltrawideSummary.values(first, widths, fits, s.seeds, s.fitMinWidth, cpuTotal, planned.size());
        UltrawideSpectrum.putBandValues(values, first, spectralRun);
        Map<String, Double> numbers = UltrawideNumbers.numbers(first, widths, fits, spectralRun);
        UltrawideNumbers.putValues(values, numbers, first, widths);
        UltrawideGapSources.put(numbers, values, widths, s.fitMinWidth);
        UltrawideTheorem.put(numbers, values, first, widths, fits.deviation(), s.fitMinWidth);
        UltrawideTheorem.putLambdaMaxGrowth(numbers, values, first.kernelBlocks());
        UltrawideSlopes.put(numbers, values, widths, s.fitMinWidth);
        UltrawideLag.put(numbers, values, widths, spectralRun);
        Map<String, Table> tables = Map.of("widths", UltrawideSummary.widthTable(widths, lambdaMin), "cost", UltrawideSummary.costTable(widths));
        return new StudyOutput(figures, tables, values, numbers, warnings);
    }
}
