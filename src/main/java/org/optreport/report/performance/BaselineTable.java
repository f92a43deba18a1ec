package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Baselines.Baseline;
import org.optreport.report.stats.MeanEstimate;
import org.optreport.report.stats.RatioInterval;
import org.optreport.report.stats.Replicates;

/**
 * Our kernels beside the baselines of the same work on the same machine: per work and shape, our mean time (this
 * run's benchmark at the same kernel and size) and each implementation's recorded time with the ratio theirs / ours
 * (above 1: ours is faster). Every interval is two-sided 95% (ours: Student t over the fork means on the log scale,
 * {@link Replicates#interval}; theirs: symmetric over their repeats, as their script recorded it). The ratio's is the same as our own ratios' ({@link RatioInterval}: log scale, Welch's degrees of freedom);
 * the CSV records a baseline's mean, its interval and its repeats but not their standard deviation, which is read back
 * from the interval the script computed, mean ± t_{0.975, n-1} s / sqrt(n) ({@link MeanEstimate#fromInterval}).
 */
final class BaselineTable {
    static final List<String> IMPLEMENTATIONS = List.of("pytorch", "numpy");
    /** The level of every interval in the table, the baselines' own. */
    static final double CONFIDENCE = 0.95;

    private BaselineTable() {}

    static Table of(Baselines baselines, BenchmarkResult result, QuotedValues values) {
        Map<String, Map<String, Baseline>> byWorkShape = new LinkedHashMap<>();
        for (Baseline b : baselines.rows()) byWorkShape.computeIfAbsent(b.work() + " " + b.shape(), k -> new LinkedHashMap<>()).put(b.implementation(), b);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Baseline> row : byWorkShape.values()) {
            Baseline first = row.values().iterator().next();
            Measurement ours = ours(result, first.work(), first.shape());
            List<String> cells = new ArrayList<>(List.of(title(result, first.work()), first.shape(), ours == null ? "—" : time(ours.seconds())
                    + (Double.isNaN(ours.time().interval95().lower()) ? "" : " [" + time(ours.time().interval95().lower()) + ", "
                    + time(ours.time().interval95().upper()) + "]")));
            for (String impl : IMPLEMENTATIONS) {
                Baseline b = row.get(impl);
                cells.add(b == null ? "—" : time(b.seconds()) + (Double.isNaN(b.low95()) ? "" : " [" + time(b.low95()) + ", " + time(b.high95()) + "]"));
                cells.add(b == null || ours == null ? "—" : ratio(b, ours));
                if (b != null && ours != null)
                    values.put("ratio" + capital(impl) + capital(first.work()), Format.sig(b.seconds() / ours.seconds(), 3),
                            impl + "'s time over ours for the " + first.work() + " at its last recorded shape");
            }
            rows.add(cells);
        }
        putProvenance(baselines, values);
        return new Table(List.of("work", "shape", "optreport", "PyTorch", "PyTorch / optreport", "NumPy", "NumPy / optreport"), rows);
    }

    /** Date, versions and machine of the recorded baselines (each distinct text once), and the landscape run's time. */
    private static void putProvenance(Baselines baselines, QuotedValues values) {
        Set<String> dates = new LinkedHashSet<>(), machines = new LinkedHashSet<>();
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        for (Baseline b : baselines.rows()) {
            dates.add(b.date());
            machines.add(b.machine());
            versions.computeIfAbsent(b.implementation(), k -> new LinkedHashSet<>()).add(b.versions());
        }
        values.put("baselineDates", dates.isEmpty() ? NOT_MEASURED : String.join(", ", dates), "the dates the baselines were measured (UTC)");
        values.put("baselineMachine", machines.isEmpty() ? NOT_MEASURED : String.join("; ", machines), "the machine the baselines were measured on");
        for (String impl : IMPLEMENTATIONS)
            values.put("baselineVersions" + capital(impl), versions.containsKey(impl) ? String.join("; ", versions.get(impl)) : NOT_MEASURED,
                    "interpreter, library and BLAS versions of the " + impl + " baselines");
        values.put("baselineVersions", versionsOnce(versions), "the baselines' versions, said once where PyTorch's and NumPy's runs recorded the same");
        values.put("baselineFile", baselines.file().getFileName().toString(), "the file the baselines are read from");
        Baseline landscape = baselines.rows().stream().filter(b -> b.work().equals("landscape") && b.implementation().equals("pytorch")).findFirst().orElse(null);
        values.put("baselineLandscapeSeconds", landscape == null ? NOT_MEASURED : Format.sig(landscape.seconds(), 3),
                "seconds of the PyTorch landscape script's process (depths 2, 3, 4), as recorded (wall-clock unless recorded with --cpu)");
        values.put("baselineLandscapeThreads", landscape == null ? NOT_MEASURED : Integer.toString(landscape.threads()), "threads of that run");
        values.put("baselineLandscapeRecord", landscape == null ? NOT_MEASURED : record(landscape, "processes"),
                "how the PyTorch landscape time was recorded: repeats and interval, or a single run");
        Baseline relu = baselines.rows().stream().filter(b -> b.work().equals("reluStep") && b.implementation().equals("pytorch")).findFirst().orElse(null);
        values.put("baselineReluRecord", relu == null ? NOT_MEASURED : record(relu, "pairs of runs"),
                "how the PyTorch ReLU step was recorded: repeats and interval, or a single pair of runs");
    }

    /** "the mean of 5 processes, 95% interval [25.6 s, 31.8 s]", or that one run is taken as it is. */
    static String record(Baseline b, String repeats) {
        if (b.repeats() < 2 || Double.isNaN(b.low95())) return "from a single run, taken as it is (no interval)";
        return "the mean of " + b.repeats() + " " + repeats + ", 95% interval [" + time(b.low95()) + ", " + time(b.high95()) + "]";
    }

    /**
     * Each distinct versions text once, after the implementations that recorded it: "PyTorch and NumPy: V" where both
     * recorded the same (the scripts record the whole environment, so they usually do), "PyTorch and NumPy: V1, and
     * PyTorch: V2" where PyTorch also recorded another; "no baselines recorded" where none are.
     */
    static String versionsOnce(Map<String, Set<String>> versions) {
        if (versions.isEmpty()) return "no baselines recorded";
        Map<String, List<String>> byText = new LinkedHashMap<>();
        versions.forEach((impl, texts) -> texts.forEach(text -> byText.computeIfAbsent(text, k -> new ArrayList<>()).add(displayName(impl))));
        List<String> parts = new ArrayList<>();
        byText.forEach((text, impls) -> parts.add(String.join(" and ", impls) + ": " + text));
        return String.join(", and ", parts);   // each text has semicolons of its own
    }

    private static String displayName(String implementation) {
        return switch (implementation) {
            case "pytorch" -> "PyTorch";
            case "numpy" -> "NumPy";
            default -> implementation;
        };
    }

    /**
     * This run's measurement of the same work at the same shape (the kernel's key and size label), or null. The whole
     * landscape run is the landscape benchmark's depths together (in process, start-up not included): fork f of the sum
     * is the sum of every depth's fork f, independent forks of independent benchmarks.
     */
    private static Measurement ours(BenchmarkResult result, String work, String shape) {
        if (work.equals("landscape")) return landscapeDepthsTogether(result.of("landscapeSpectra"), shape);
        for (Measurement m : result.of(work)) if (m.point().label().equals(shape)) return m;
        return null;
    }

    static Measurement landscapeDepthsTogether(List<Measurement> depths, String shape) {
        List<Measurement> wanted = new ArrayList<>();
        for (int depth : PerformanceTargets.LANDSCAPE_TARGET_DEPTHS)
            BenchmarkResult.atDepth(depths, depth).stream().findFirst().ifPresent(wanted::add);
        if (wanted.size() != PerformanceTargets.LANDSCAPE_TARGET_DEPTHS.size()) return null;
        int forks = wanted.stream().mapToInt(m -> m.time().values().length).min().orElse(0);
        double[] sums = new double[forks];
        for (Measurement m : wanted) for (int f = 0; f < forks; f++) sums[f] += m.time().values()[f];
        Point point = new Point(Double.NaN, shape, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, null);
        return new Measurement(new Kernel("landscape", "Landscape run"), point, new Replicates(sums),
                Double.NaN, Double.NaN, "s/op", Double.NaN, Double.NaN, Double.NaN);
    }

    private static String title(BenchmarkResult result, String work) {
        if (work.equals("landscape")) return "Whole landscape run (ours in process, PyTorch's as a process)";
        for (Kernel k : result.kernels()) if (k.key().equals(work)) return k.title();
        return work;
    }

    private static String ratio(Baseline b, Measurement ours) {
        RatioInterval r = ratioInterval(b, ours);
        String estimate = Format.sig(r.estimate(), 3) + "×";
        if (Double.isNaN(r.lower())) return estimate;
        return estimate + " [" + Format.sig(r.lower(), 3) + ", " + Format.sig(r.upper(), 3) + "]";
    }

    /** Their time over ours with its two-sided 95% interval; NaN ends where either side has no interval. */
    static RatioInterval ratioInterval(Baseline b, Measurement ours) {
        MeanEstimate theirs = MeanEstimate.fromInterval(b.seconds(), b.low95(), b.high95(), b.repeats(), CONFIDENCE);
        return RatioInterval.of(1, List.of(theirs), List.of(ours.time().estimate()), CONFIDENCE);
    }

    /** Seconds in the unit that reads best: µs, ms or s. */
    static String time(double seconds) {
        if (seconds < 1e-3) return Format.sig(seconds * 1e6, 3) + " µs";
        if (seconds < 1) return Format.sig(seconds * 1e3, 3) + " ms";
        return Format.sig(seconds, 3) + " s";
    }

    private static String capital(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}
