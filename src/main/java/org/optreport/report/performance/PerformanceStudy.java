package org.optreport.report.performance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.optreport.bench.Kernels;
import org.optreport.bench.Kernels.Kernel;
import org.optreport.bench.Kernels.Point;
import org.optreport.experiment.RunRequest;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.stats.LogLogFit;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;

/**
 * The performance page: JMH figures of the kernels (one "benchmarks" run made by the build), their flop rates and
 * efficiency against the measured matrix-product rate, fitted scaling exponents, speed-ups, and each target of the
 * issue with its measured figure and whether it is met.
 */
public final class PerformanceStudy implements Study {
    /** The report's default training sizes (trajectory: width 10, depths 2..4 on diabetes), where the gradient target applies. */
    static final Set<String> DEFAULT_GRADIENT_SHAPES = Set.of("10x10x1", "10x10x10x1", "10x10x10x10x1");
    static final double HESSIAN_TARGET_PARAMETERS = 300, HESSIAN_TARGET_SPEEDUP = 10;
    static final double LANCZOS_TARGET_PARAMETERS = 1e5, LANCZOS_TARGET_SECONDS = 1;
    static final double GRADIENT_TARGET_RATIO = 3;
    static final double RELU_TARGET_WIDTH = 1e5, RELU_TARGET_SECONDS = 0.1;
    static final String NOT_MEASURED = "not measured";

    /** One JMH result: the kernel, its size, the time per operation in seconds and JMH's own figures. */
    record Measurement(Kernel kernel, Point point, double seconds, double errorSeconds, double score, double error, String unit,
                       double bytesPerOp) {
        double flopRate() { return point.flops() / seconds; }
    }

    @Override public String name() { return "performance"; }

    @Override public List<RunRequest> runs(StudyConfig config) {
        return List.of(RunRequest.of("benchmarks", Map.of("setting", config.choice("setting", "quick", "quick", "quick", "thorough"))));
    }

    @Override public StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results) {
        JsonNode r = results.get(runs(config).get(0));
        List<Measurement> all = measurements(r.get("jmh"));
        Map<String, List<Measurement>> byKernel = new LinkedHashMap<>();
        for (Kernel k : Kernels.ALL) byKernel.put(k.key(), new ArrayList<>());
        for (Measurement m : all) byKernel.get(m.kernel().key()).add(m);
        byKernel.values().forEach(list -> list.sort(Comparator.comparingInt((Measurement m) -> m.point().depth())
                .thenComparingDouble(m -> m.point().size())));

        double matmulRate = matmulRate(byKernel.get("matmul"));
        Map<String, String> values = new HashMap<>();
        values.put("denseEigenLimit", Format.integer(org.optreport.model.DeepLinearNetwork.DENSE_EIGEN_LIMIT));
        List<String> warnings = new ArrayList<>();
        Map<String, Table> tables = new HashMap<>();
        for (Kernel k : Kernels.ALL) {
            if (byKernel.get(k.key()).isEmpty()) warnings.add("the benchmark run has no results for " + k.title());
            tables.put(k.key(), kernelTable(byKernel.get(k.key()), matmulRate));
        }
        machineValues(r, matmulRate, byKernel.get("matmul"), values);
        slopeValues(byKernel, values);

        List<List<String>> hessianRows = new ArrayList<>(), lanczosRows = new ArrayList<>();
        List<double[]> hessianSpeedups = speedups(byKernel.get("fdHessian"), byKernel.get("hessian"), hessianRows);
        speedups(byKernel.get("denseExtremes"), byKernel.get("lanczosExtremes"), lanczosRows);
        List<String> speedupHeader = List.of("network", "parameters", "baseline (ms)", "fast path (ms)", "speed-up");
        tables.put("hessianSpeedup", new Table(rename(speedupHeader, "finite differences (ms)", "analytic (ms)"), hessianRows));
        tables.put("lanczosSpeedup", new Table(rename(speedupHeader, "dense (ms)", "Lanczos (ms)"), lanczosRows));

        List<List<String>> targets = new ArrayList<>();
        gradientTarget(byKernel.get("gradient"), matmulRate, values, targets);
        allocationTarget(byKernel.get("gradient"), byKernel.get("hvp"), values, targets);
        hessianTarget(hessianSpeedups, values, targets);
        flopRatio(byKernel.get("fdHessian"), byKernel.get("hessian"), values);
        lanczosTarget(byKernel.get("lanczosExtremes"), values, targets);
        reluTarget(byKernel.get("reluStep"), values, targets);
        tables.put("targets", new Table(List.of("target", "measured", "met"), targets));

        Map<String, Figure> figures = new HashMap<>();
        figures.put("scaling", Figure.of(
                scalingPanel("first-order", "gradient and Hessian-vector product", byKernel, "gradient", "hvp"),
                scalingPanel("hessians", "full Hessian", byKernel, "hessian", "fdHessian"),
                scalingPanel("extremes", "extreme eigenvalues", byKernel, "denseExtremes", "lanczosExtremes"),
                reluPanel(byKernel.get("reluStep"))));
        figures.put("rates", Figure.of(matmulPanel(byKernel.get("matmul")), ratePanel(byKernel, matmulRate)));
        return new StudyOutput(figures, tables, values, warnings);
    }

    static List<Measurement> measurements(JsonNode jmh) {
        List<Measurement> out = new ArrayList<>();
        for (JsonNode r : jmh) {
            Kernel k = Kernels.of(r.path("benchmark").asText());
            if (k == null) continue;
            Map<String, String> params = new TreeMap<>();
            r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = r.path("primaryMetric");
            String unit = primary.path("scoreUnit").asText();
            double score = primary.path("score").asDouble(), error = primary.path("scoreError").asDouble(Double.NaN);
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            out.add(new Measurement(k, k.point().apply(params), seconds(score, unit), seconds(error, unit), score, error, unit,
                    alloc.isMissingNode() ? Double.NaN : alloc.asDouble()));
        }
        return out;
    }

    /** A JMH average-time score in seconds per operation. */
    static double seconds(double score, String unit) {
        double scale = switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unexpected JMH unit '" + unit + "' (the benchmarks report average time)");
        };
        return score * scale;
    }

    /** The attainable rate (flop/s): the fastest matrix product measured. */
    static double matmulRate(List<Measurement> matmul) {
        double best = Double.NaN;
        for (Measurement m : matmul) if (!(m.flopRate() <= best)) best = m.flopRate();
        return best;
    }

    private static Table kernelTable(List<Measurement> ms, double matmulRate) {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : ms) {
            double rate = m.flopRate();
            rows.add(List.of(m.point().label(), Double.isNaN(m.point().parameters()) ? "—" : Format.integer((long) m.point().parameters()),
                    Format.sig(m.score(), 4), Double.isNaN(m.error()) ? "—" : Format.sig(m.error(), 2), m.unit(),
                    Double.isNaN(rate) ? "—" : Format.sig(rate / 1e9, 3),
                    Double.isNaN(rate) || Double.isNaN(matmulRate) ? "—" : percent(rate / matmulRate),
                    Double.isNaN(m.bytesPerOp()) ? "—" : Format.sig(m.bytesPerOp(), 3)));
        }
        return new Table(List.of("size", "parameters", "score", "error (99.9%)", "unit", "GFLOP/s", "efficiency", "B/op"), rows);
    }

    private static void machineValues(JsonNode r, double matmulRate, List<Measurement> matmul, Map<String, String> values) {
        JsonNode machine = r.path("machine"), s = r.path("settings");
        values.put("machine", machine.path("description").asText());
        values.put("cpu", machine.path("cpu").asText());
        values.put("cores", machine.path("cores").asText());
        values.put("jvm", machine.path("jvm").asText());
        values.put("setting", s.path("setting").asText());
        values.put("forks", s.path("forks").asText());
        values.put("warmup", s.path("warmupIterations").asText() + " × " + s.path("warmupMillis").asText() + " ms");
        values.put("measurement", s.path("measurementIterations").asText() + " × " + s.path("measurementMillis").asText() + " ms");
        values.put("jmhVersion", s.path("jmhVersion").asText());
        values.put("jvmArgs", s.path("jvmArgs").asText());
        values.put("matmulGflops", Double.isNaN(matmulRate) ? NOT_MEASURED : Format.sig(matmulRate / 1e9, 3));
        Measurement best = null;
        for (Measurement m : matmul) if (best == null || m.flopRate() > best.flopRate()) best = m;
        values.put("matmulSize", best == null ? NOT_MEASURED : best.point().label());
    }

    /**
     * The fitted exponent of time against size: slope{Kernel}D{depth} per depth for the deep-linear-network kernels,
     * slope{Kernel} for the others (against width or samples).
     */
    private static void slopeValues(Map<String, List<Measurement>> byKernel, Map<String, String> values) {
        for (Kernel k : Kernels.ALL) {
            if (k.key().equals("matmul")) continue;
            String key = "slope" + Character.toUpperCase(k.key().charAt(0)) + k.key().substring(1);
            List<Measurement> ms = byKernel.get(k.key());
            if (ms.stream().allMatch(m -> m.point().depth() == 0)) {
                double slope = slope(ms);
                values.put(key, Double.isNaN(slope) ? NOT_MEASURED : Format.sig(slope, 3));
                continue;
            }
            for (int depth = 1; depth <= 6; depth++) {
                double slope = slope(byDepth(ms, depth));
                values.put(key + "D" + depth, Double.isNaN(slope) ? NOT_MEASURED : Format.sig(slope, 3));
            }
        }
    }

    private static double slope(List<Measurement> ms) {
        double[] x = new double[ms.size()], y = new double[ms.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ms.get(i).point().size();
            y[i] = ms.get(i).seconds();
        }
        return LogLogFit.of(x, y).slope();
    }

    private static List<Measurement> byDepth(List<Measurement> ms, int depth) {
        return ms.stream().filter(m -> m.point().depth() == depth).toList();
    }

    /** Rows (and {parameters, speed-up} pairs, by parameters) for the sizes both kernels measured. */
    private static List<double[]> speedups(List<Measurement> baseline, List<Measurement> fast, List<List<String>> rows) {
        List<double[]> out = new ArrayList<>();
        for (Measurement b : baseline)
            for (Measurement f : fast)
                if (b.point().label().equals(f.point().label())) {
                    double speedup = b.seconds() / f.seconds();
                    out.add(new double[] {b.point().size(), speedup});
                    rows.add(List.of(b.point().label(), Format.integer((long) b.point().size()), Format.sig(b.seconds() * 1e3, 3),
                            Format.sig(f.seconds() * 1e3, 3), Format.sig(speedup, 3) + "×"));
                }
        out.sort(Comparator.comparingDouble(p -> p[0]));
        return out;
    }

    private static void gradientTarget(List<Measurement> gradient, double matmulRate, Map<String, String> values, List<List<String>> targets) {
        Measurement worst = null;
        double worstRatio = Double.NaN, bestRatio = Double.NaN;
        for (Measurement m : gradient) {
            double ratio = m.seconds() / (m.point().flops() / matmulRate);
            if (!(ratio >= bestRatio)) bestRatio = ratio;
            if (DEFAULT_GRADIENT_SHAPES.contains(m.point().label()) && !(ratio <= worstRatio)) {
                worstRatio = ratio;
                worst = m;
            }
        }
        values.put("gradientRatio", Double.isNaN(worstRatio) ? NOT_MEASURED : Format.sig(worstRatio, 3));
        values.put("gradientRatioShape", worst == null ? NOT_MEASURED : worst.point().label());
        values.put("gradientRatioBest", Double.isNaN(bestRatio) ? NOT_MEASURED : Format.sig(bestRatio, 3));
        String met = verdict(Double.isNaN(worstRatio) ? null : worstRatio <= GRADIENT_TARGET_RATIO);
        values.put("gradientTarget", met);
        values.put("gradientTargetRatio", Format.sig(GRADIENT_TARGET_RATIO, 2));
        targets.add(List.of("gradient at the default sizes within " + Format.sig(GRADIENT_TARGET_RATIO, 2) + "× of flops / matmul rate",
                Double.isNaN(worstRatio) ? NOT_MEASURED : "worst " + Format.sig(worstRatio, 3) + "× (" + worst.point().label() + ")", met));
    }

    /** About 0 B/op: less than one byte per parameter, so no parameter-sized array is allocated per operation. */
    private static void allocationTarget(List<Measurement> gradient, List<Measurement> hvp, Map<String, String> values, List<List<String>> targets) {
        double worstGradient = maxAlloc(gradient), worstHvp = maxAlloc(hvp);
        Boolean ok = null;
        for (Measurement m : concat(gradient, hvp)) {
            if (Double.isNaN(m.bytesPerOp())) continue;
            boolean fine = m.bytesPerOp() < m.point().parameters();
            ok = ok == null ? fine : ok && fine;
        }
        String met = verdict(ok);
        values.put("allocGradient", Double.isNaN(worstGradient) ? NOT_MEASURED : Format.sig(worstGradient, 3));
        values.put("allocHvp", Double.isNaN(worstHvp) ? NOT_MEASURED : Format.sig(worstHvp, 3));
        values.put("allocTarget", met);
        targets.add(List.of("about 0 B/op in the gradient and Hessian-vector product (below 1 B per parameter)",
                "at most " + values.get("allocGradient") + " B/op (gradient), " + values.get("allocHvp") + " B/op (HVP)", met));
    }

    private static void hessianTarget(List<double[]> speedups, Map<String, String> values, List<List<String>> targets) {
        double[] near = null;
        for (double[] s : speedups)
            if (near == null || Math.abs(Math.log(s[0] / HESSIAN_TARGET_PARAMETERS)) < Math.abs(Math.log(near[0] / HESSIAN_TARGET_PARAMETERS))) near = s;
        Boolean grows = null;
        if (speedups.size() >= 2) grows = speedups.get(speedups.size() - 1)[1] > speedups.get(0)[1];
        values.put("hessianSpeedup", near == null ? NOT_MEASURED : Format.sig(near[1], 3));
        values.put("hessianSpeedupParams", near == null ? NOT_MEASURED : Format.integer((long) near[0]));
        double[] largest = speedups.isEmpty() ? null : speedups.get(speedups.size() - 1);
        values.put("hessianSpeedupLargest", largest == null ? NOT_MEASURED : Format.sig(largest[1], 3));
        values.put("hessianSpeedupLargestParams", largest == null ? NOT_MEASURED : Format.integer((long) largest[0]));
        values.put("hessianGapGrows", grows == null ? NOT_MEASURED : grows ? "yes" : "no");
        String met = verdict(near == null ? null : near[1] >= HESSIAN_TARGET_SPEEDUP && !Boolean.FALSE.equals(grows));
        values.put("hessianTarget", met);
        targets.add(List.of("analytic Hessian ≥ " + Format.sig(HESSIAN_TARGET_SPEEDUP, 2) + "× faster than finite differences at ~300 parameters, gap growing",
                near == null ? NOT_MEASURED : Format.sig(near[1], 3) + "× at " + Format.integer((long) near[0]) + " parameters, "
                        + Format.sig(largest[1], 3) + "× at " + Format.integer((long) largest[0]), met));
    }

    /** Finite-difference flops over analytic flops at the size nearest 300 parameters: the speed-up at equal efficiency. */
    private static void flopRatio(List<Measurement> baseline, List<Measurement> fast, Map<String, String> values) {
        double best = Double.NaN, distance = Double.POSITIVE_INFINITY;
        for (Measurement b : baseline)
            for (Measurement f : fast)
                if (b.point().label().equals(f.point().label())
                        && Math.abs(Math.log(b.point().size() / HESSIAN_TARGET_PARAMETERS)) < distance) {
                    distance = Math.abs(Math.log(b.point().size() / HESSIAN_TARGET_PARAMETERS));
                    best = b.point().flops() / f.point().flops();
                }
        values.put("hessianFlopRatio", Double.isNaN(best) ? NOT_MEASURED : Format.sig(best, 3));
    }

    private static void lanczosTarget(List<Measurement> lanczos, Map<String, String> values, List<List<String>> targets) {
        Measurement near = null;
        for (Measurement m : lanczos)
            if (near == null || Math.abs(Math.log(m.point().size() / LANCZOS_TARGET_PARAMETERS))
                    < Math.abs(Math.log(near.point().size() / LANCZOS_TARGET_PARAMETERS))) near = m;
        boolean atScale = near != null && near.point().size() >= 0.9 * LANCZOS_TARGET_PARAMETERS;
        values.put("lanczosSeconds", atScale ? Format.sig(near.seconds(), 3) : NOT_MEASURED);
        values.put("lanczosParams", atScale ? Format.integer((long) near.point().size()) : NOT_MEASURED);
        values.put("lanczosShape", atScale ? near.point().label() : NOT_MEASURED);
        String met = verdict(atScale ? near.seconds() < LANCZOS_TARGET_SECONDS : null);
        values.put("lanczosTarget", met);
        targets.add(List.of("both extreme eigenvalues of a 10^5-parameter Hessian in under " + Format.sig(LANCZOS_TARGET_SECONDS, 2) + " s",
                atScale ? Format.sig(near.seconds(), 3) + " s at " + Format.integer((long) near.point().size()) + " parameters" : NOT_MEASURED, met));
    }

    private static void reluTarget(List<Measurement> steps, Map<String, String> values, List<List<String>> targets) {
        Measurement near = null;
        for (Measurement m : steps)
            if (near == null || Math.abs(Math.log(m.point().size() / RELU_TARGET_WIDTH)) < Math.abs(Math.log(near.point().size() / RELU_TARGET_WIDTH)))
                near = m;
        boolean atScale = near != null && near.point().size() >= 0.9 * RELU_TARGET_WIDTH;
        values.put("reluStepMillis", atScale ? Format.sig(near.seconds() * 1e3, 3) : NOT_MEASURED);
        values.put("reluWidth", atScale ? Format.integer((long) near.point().size()) : NOT_MEASURED);
        String met = verdict(atScale ? near.seconds() < RELU_TARGET_SECONDS : null);
        values.put("reluTarget", met);
        targets.add(List.of("one GD step of a width-10^5 ReLU network on 256 × 10 in under " + Format.sig(RELU_TARGET_SECONDS * 1e3, 3) + " ms",
                atScale ? Format.sig(near.seconds() * 1e3, 3) + " ms at width " + Format.integer((long) near.point().size()) : NOT_MEASURED, met));
    }

    private static Panel reluPanel(List<Measurement> steps) {
        double[] x = steps.stream().mapToDouble(m -> m.point().size()).toArray(), y = steps.stream().mapToDouble(Measurement::seconds).toArray();
        double slope = LogLogFit.of(x, y).slope();
        String name = "GD step, 256 samples" + (Double.isNaN(slope) ? " (one size)" : " (slope " + Format.sig(slope, 2) + ")");
        return new Panel("relu", "two-layer ReLU network", Axis.log("width m"), Axis.log("time per operation (s)"),
                List.of(new Series(name, x, y, null, null, Series.Style.LINE_MARKERS)));
    }

    private static Panel scalingPanel(String id, String title, Map<String, List<Measurement>> byKernel, String... kernels) {
        List<Series> series = new ArrayList<>();
        for (String key : kernels) {
            List<Measurement> ms = byKernel.get(key);
            for (int depth = 1; depth <= 6; depth++) {
                List<Measurement> d = byDepth(ms, depth);
                if (d.isEmpty()) continue;
                double[] x = d.stream().mapToDouble(m -> m.point().size()).toArray(), y = d.stream().mapToDouble(Measurement::seconds).toArray();
                double slope = LogLogFit.of(x, y).slope();
                String name = d.get(0).kernel().title() + ", depth " + depth
                        + (Double.isNaN(slope) ? " (one size)" : " (slope " + Format.sig(slope, 2) + ")");
                series.add(new Series(name, x, y, null, null, Series.Style.LINE_MARKERS));
            }
        }
        return new Panel(id, title, Axis.log("parameters"), Axis.log("time per operation (s)"), series);
    }

    private static Panel matmulPanel(List<Measurement> matmul) {
        double[] n = matmul.stream().mapToDouble(m -> m.point().size()).toArray();
        double[] rate = matmul.stream().mapToDouble(m -> m.flopRate() / 1e9).toArray();
        return new Panel("matmul", "matrix product n × n", Axis.log("n"), Axis.linear("GFLOP/s"),
                List.of(new Series("EJML CommonOps_DDRM.mult", n, rate, null, null, Series.Style.LINE_MARKERS)));
    }

    private static Panel ratePanel(Map<String, List<Measurement>> byKernel, double matmulRate) {
        List<Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (String key : List.of("gradient", "hvp", "hessian", "fdHessian", "denseExtremes", "reluStep")) {
            for (int depth = 0; depth <= 6; depth++) {
                List<Measurement> d = byDepth(byKernel.get(key), depth);
                if (d.isEmpty()) continue;
                double[] x = d.stream().mapToDouble(m -> m.point().parameters()).toArray();
                double[] y = d.stream().mapToDouble(m -> m.flopRate() / 1e9).toArray();
                for (double v : x) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                String name = d.get(0).kernel().title() + (depth > 0 ? ", depth " + depth : "");
                series.add(new Series(name, x, y, null, null, Series.Style.LINE_MARKERS));
            }
        }
        if (hi > 0 && !Double.isNaN(matmulRate))
            series.add(Series.dashed("best matrix product", new double[] {lo, hi}, new double[] {matmulRate / 1e9, matmulRate / 1e9}));
        return new Panel("kernels", "kernels' flop rates", Axis.log("parameters"), Axis.log("GFLOP/s"), series);
    }

    private static double maxAlloc(List<Measurement> ms) {
        double worst = Double.NaN;
        for (Measurement m : ms) if (!Double.isNaN(m.bytesPerOp()) && !(m.bytesPerOp() <= worst)) worst = m.bytesPerOp();
        return worst;
    }

    private static List<Measurement> concat(List<Measurement> a, List<Measurement> b) {
        List<Measurement> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> rename(List<String> header, String baseline, String fast) {
        return List.of(header.get(0), header.get(1), baseline, fast, header.get(4));
    }

    private static String verdict(Boolean met) {
        return met == null ? NOT_MEASURED : met ? "met" : "missed";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
