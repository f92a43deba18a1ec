package org.optreport.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.experiment.Json;
import org.optreport.model.KernelDynamics;

/**
 * Part 3: wide two-layer ReLU networks against their infinite-width kernel dynamics. One run per (width, seed),
 * so the build spreads them over its threads; the analysis merges them by width (median over seeds, min..max
 * bands), fits power laws against width, and splits the residual along the eigenvectors of H*.
 */
public final class UltrawideStudy implements Study {
    static final List<Integer> FULL_WIDTHS = List.of(10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000);
    static final List<Integer> QUICK_WIDTHS = List.of(10, 30, 100, 300, 1_000);
    /** Eigen-directions are grouped by their time scale 1/(eta lambda_i): under 10 steps, 10..100, over 100. */
    static final double[] BAND_EDGES = {0.1, 0.01};
    static final String[] BAND_NAMES = {"fast (ηλ ≥ 0.1)", "middle", "slow (ηλ < 0.01)"};

    @Override public String name() { return "ultrawide"; }

    @Override public List<RunRequest> runs(StudyConfig config) {
        Settings s = settings(config);
        List<RunRequest> runs = new ArrayList<>();
        // Widest first: the build's threads take runs in this order, and starting the longest ones first packs them best.
        List<Integer> widestFirst = new ArrayList<>(s.widths);
        Collections.reverse(widestFirst);
        for (int width : widestFirst)
            for (int seed = 1; seed <= s.seeds; seed++) {
                Map<String, String> p = new HashMap<>();
                p.put("dataset", s.dataset);
                p.put("samples", Integer.toString(s.samples));
                p.put("widths", Integer.toString(width));
                p.put("seeds", Integer.toString(seed));
                p.put("steps", Integer.toString(s.steps));
                p.put("learningRate", "auto");
                p.put("learningRateFraction", Double.toString(s.learningRateFraction));
                p.put("records", Integer.toString(s.records));
                runs.add(RunRequest.of("ultrawide", p));
            }
        return runs;
    }

    private record Settings(String dataset, int samples, List<Integer> widths, int seeds, int steps, double learningRateFraction,
                            int records, int fitMinWidth) {}

    private static Settings settings(StudyConfig c) {
        List<Integer> widths = c.integers("widths", FULL_WIDTHS, QUICK_WIDTHS, 1, 10_000_000).stream().distinct().sorted().toList();
        int widest = widths.get(widths.size() - 1);
        return new Settings(
                c.choice("dataset", "diabetes", "diabetes", "diabetes"),
                c.integer("samples", 256, 64, 2, 442),
                widths,
                c.integer("seeds", 3, 2, 1, 100),
                c.integer("steps", 1000, 300, 10, 1_000_000),
                c.real("learningRateFraction", 1, 1, 0, 1.99),
                c.integer("records", 60, 40, 5, 1000),
                // The largest distance follows m^{-1/2} only once m is large against n; by default fit the widest decade.
                c.integer("fitMinWidth", Math.max(1, widest / 10), Math.max(1, widest / 10), 1, 10_000_000));
    }

    /** The runs of one width, in seed order. */
    private record WidthRuns(int width, List<JsonNode> runs) {}

    @Override public StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results) {
        Settings s = settings(config);
        List<RunRequest> requests = runs(config);
        JsonNode first = results.get(requests.get(0));
        double eta = first.get("learningRate").asDouble();
        double lambdaMin = first.get("lambdaMin").asDouble(), lambdaMax = first.get("lambdaMax").asDouble();
        int steps = first.get("steps").asInt();
        double[] eigenvalues = Json.doubles(first.get("kernelEigenvalues"));
        double[] targetProjections = Json.doubles(first.get("targetProjections"));
        List<String> warnings = new ArrayList<>();

        Map<Integer, List<JsonNode>> byWidth = new TreeMap<>();
        double cpuTotal = 0;
        for (RunRequest r : requests) {
            JsonNode run = results.get(r).get("runs").get(0);
            cpuTotal += run.get("timings").get("cpuSeconds").asDouble();
            if (run.path("diverged").asBoolean(false)) {
                warnings.add(String.format(Locale.ROOT, "The network of width %d, seed %d diverged (%s); it is left out of the figures.",
                        run.get("width").asInt(), run.get("seed").asInt(), run.path("divergence").asText()));
                continue;
            }
            byWidth.computeIfAbsent(run.get("width").asInt(), w -> new ArrayList<>()).add(run);
        }
        if (byWidth.isEmpty()) throw new IllegalStateException("every ultrawide run diverged: lower learningRateFraction");
        List<WidthRuns> widths = new ArrayList<>();
        byWidth.forEach((w, runs) -> widths.add(new WidthRuns(w, runs)));

        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("losses", lossFigure(widths, eta, lambdaMin));
        figures.put("distance", distanceFigure(widths));
        Fit distanceFit = fit(widths, s.fitMinWidth, run -> run.get("maxDistance").asDouble());
        Fit deviationFit = fit(widths, 1, run -> run.get("kernelDeviationSpectral").asDouble());
        Fit movementFit = fit(widths, s.fitMinWidth, UltrawideStudy::finalMovement);
        Fit flipFit = fit(widths, s.fitMinWidth, UltrawideStudy::finalFlips);
        figures.put("scaling", Figure.of(
                scalingPanel("largest-distance", "largest distance max_k ‖u_net(k) − u_ker(k)‖", "max distance", widths,
                        run -> run.get("maxDistance").asDouble(), distanceFit),
                scalingPanel("kernel-deviation", "kernel at initialization ‖H(0) − H*‖₂", "‖H(0) − H*‖₂", widths,
                        run -> run.get("kernelDeviationSpectral").asDouble(), deviationFit)));
        figures.put("lazy", Figure.of(
                scalingPanel("movement", "largest neuron movement max_r ‖w_r(T) − w_r(0)‖", "max movement", widths,
                        UltrawideStudy::finalMovement, movementFit),
                scalingPanel("flips", "activation patterns flipped by step T", "fraction flipped", widths,
                        UltrawideStudy::finalFlips, flipFit)));
        WidthRuns widest = widths.get(widths.size() - 1);
        JsonNode spectralRun = widest.runs().get(0);
        KernelDynamics basis = eigenbasis(first);
        figures.put("spectrum", spectrumFigure(basis, spectralRun, eigenvalues, eta));

        Map<String, String> values = new HashMap<>();
        values.put("samples", Integer.toString(first.get("dataset").get("x").size()));
        values.put("inputDimension", Integer.toString(first.get("dataset").get("x").get(0).size()));
        values.put("learningRate", Format.sig(eta, 3));
        values.put("learningRateFraction", trimZeros(Format.sig(eta * lambdaMax, 3)));
        values.put("lambdaMin", Format.sig(lambdaMin, 3));
        values.put("lambdaMax", Format.sig(lambdaMax, 3));
        values.put("stabilityLimit", Format.sig(2 / lambdaMax, 3));
        values.put("conditionNumber", Format.sig(lambdaMax / lambdaMin, 3));
        values.put("steps", Format.integer(steps));
        values.put("seeds", Integer.toString(s.seeds));
        values.put("widthCount", Integer.toString(widths.size()));
        values.put("smallestWidth", Format.integer(widths.get(0).width()));
        values.put("widestWidth", Format.integer(widest.width()));
        values.put("widthList", String.join(", ", widths.stream().map(w -> Format.integer(w.width())).toList()));
        values.put("boundFactor", Format.sig(Math.pow(1 - eta * lambdaMin, 2.0 * steps), 3));
        values.put("boundFall", Format.sig(Math.pow(1 - eta * lambdaMin, -2.0 * steps), 3));
        values.put("etaLambdaMin", Format.sig(eta * lambdaMin, 3));

        double kernelFall = median(widest.runs(), run -> initial(run, "kernelLoss") / last(run, "kernelLoss"));
        values.put("kernelLossFall", Format.sig(kernelFall, 3));
        values.put("kernelLossFallMin", Format.sig(minOver(widths, run -> initial(run, "kernelLoss") / last(run, "kernelLoss")), 3));
        values.put("networkLossFallWidest", Format.sig(median(widest.runs(), run -> initial(run, "networkLoss") / last(run, "networkLoss")), 3));
        values.put("networkLossFallSmallest", Format.sig(median(widths.get(0).runs(), run -> initial(run, "networkLoss") / last(run, "networkLoss")), 3));
        values.put("initialLossWidest", Format.sig(median(widest.runs(), run -> initial(run, "networkLoss")), 3));
        values.put("finalKernelLossWidest", Format.sig(median(widest.runs(), run -> last(run, "kernelLoss")), 3));
        values.put("finalNetworkLossWidest", Format.sig(median(widest.runs(), run -> last(run, "networkLoss")), 3));
        values.put("finalNetworkLossSmallest", Format.sig(median(widths.get(0).runs(), run -> last(run, "networkLoss")), 3));
        values.put("finalLossRatioSmallest", Format.sig(median(widths.get(0).runs(), run -> last(run, "networkLoss") / last(run, "kernelLoss")), 2));
        values.put("finalLossRatioWidest", Format.sig(median(widest.runs(), run -> last(run, "networkLoss") / last(run, "kernelLoss")), 2));
        double yNorm = norm(column(first.get("dataset").get("y")));
        values.put("targetNorm", Format.sig(yNorm, 3));

        values.put("distanceSlope", Format.sig(distanceFit.slope, 3));
        values.put("distanceFitMinWidth", Format.integer(distanceFit.minWidth));
        values.put("distanceFitMaxWidth", Format.integer(distanceFit.maxWidth));
        values.put("distanceFitWidths", Integer.toString(distanceFit.points));
        values.put("fitMinWidthSetting", Format.integer(s.fitMinWidth));
        values.put("distanceSmallest", Format.sig(median(widths.get(0).runs(), run -> run.get("maxDistance").asDouble()), 3));
        values.put("distanceWidest", Format.sig(median(widest.runs(), run -> run.get("maxDistance").asDouble()), 3));
        values.put("distanceWidestRelative", Format.sig(median(widest.runs(), run -> run.get("maxDistance").asDouble()) / yNorm, 2));
        values.put("distanceAtEndFraction", Integer.toString((int) Math.round(100.0 * fractionPeakingLate(widths, steps))));
        values.put("deviationSlope", Format.sig(deviationFit.slope, 3));
        values.put("deviationSmallest", Format.sig(median(widths.get(0).runs(), run -> run.get("kernelDeviationSpectral").asDouble()), 3));
        values.put("deviationWidest", Format.sig(median(widest.runs(), run -> run.get("kernelDeviationSpectral").asDouble()), 3));
        values.put("kernelChangeWidest", Format.sig(median(widest.runs(), run -> run.get("kernelChangeSpectral").asDouble()), 3));
        values.put("movementSlope", Format.sig(movementFit.slope, 3));
        values.put("flipSlope", Format.sig(flipFit.slope, 3));
        values.put("movementSmallest", Format.sig(median(widths.get(0).runs(), UltrawideStudy::finalMovement), 3));
        values.put("movementWidest", Format.sig(median(widest.runs(), UltrawideStudy::finalMovement), 3));
        values.put("flipPercentSmallest", Format.sig(100 * median(widths.get(0).runs(), UltrawideStudy::finalFlips), 3));
        values.put("flipPercentWidest", Format.sig(100 * median(widest.runs(), UltrawideStudy::finalFlips), 3));

        values.put("cpuSecondsWidest", Format.sig(median(widest.runs(), UltrawideStudy::cpuSeconds), 3));
        values.put("cpuSecondsSmallest", Format.sig(median(widths.get(0).runs(), UltrawideStudy::cpuSeconds), 3));
        values.put("cpuSecondsTotal", Format.sig(cpuTotal, 3));
        values.put("runCount", Integer.toString(requests.size()));

        double[] bandTarget = bandEnergy(eigenvalues, targetProjections, eta);
        double[] residual0 = basis.projections(Json.doubles(spectralRun.get("series").get("networkOutputs").get(0)));
        double[] bandResidual = bandEnergy(eigenvalues, residual0, eta);
        double targetTotal = bandTarget[0] + bandTarget[1] + bandTarget[2], residualTotal = bandResidual[0] + bandResidual[1] + bandResidual[2];
        String[] bandKeys = {"Fast", "Middle", "Slow"};
        int[] bandSizes = bandSizes(eigenvalues, eta);
        for (int b = 0; b < 3; b++) {
            values.put("targetPercent" + bandKeys[b], Format.sig(100 * bandTarget[b] / targetTotal, 3));
            values.put("residualPercent" + bandKeys[b], Format.sig(100 * bandResidual[b] / residualTotal, 3));
            values.put("bandSize" + bandKeys[b], Integer.toString(bandSizes[b]));
        }
        values.put("fastEdge", Format.sig(BAND_EDGES[0] / eta, 3));
        values.put("slowEdge", Format.sig(BAND_EDGES[1] / eta, 3));

        Map<String, Table> tables = Map.of("widths", widthTable(widths));
        return new StudyOutput(figures, tables, values, warnings);
    }

    // ---- figures ----

    private static Figure lossFigure(List<WidthRuns> widths, double eta, double lambdaMin) {
        List<WidthRuns> shown = new ArrayList<>();
        shown.add(widths.get(0));
        if (widths.size() > 2) shown.add(widths.get(widths.size() / 2));
        if (widths.size() > 1) shown.add(widths.get(widths.size() - 1));
        List<Panel> panels = new ArrayList<>();
        for (WidthRuns w : shown) {
            double[] step = steps(w.runs());
            Band net = band(w.runs(), "networkLoss"), ker = band(w.runs(), "kernelLoss");
            double initial = net.median[0];
            double[] bound = new double[step.length];
            for (int k = 0; k < step.length; k++) bound[k] = Math.pow(1 - eta * lambdaMin, 2 * step[k]) * initial;
            panels.add(new Panel("loss-m" + w.width(), "width m = " + Format.integer(w.width()), Axis.linear("step k"), Axis.log("loss ½‖u − y‖²"),
                    List.of(Series.band("network", step, net.median, net.min, net.max),
                            Series.band("kernel dynamics", step, ker.median, ker.min, ker.max),
                            Series.dashed("bound (1 − ηλ₀)²ᵏ L(0)", step, bound))));
        }
        return new Figure(panels);
    }

    private static Figure distanceFigure(List<WidthRuns> widths) {
        List<Series> lines = new ArrayList<>();
        for (WidthRuns w : widths) {
            Band d = band(w.runs(), "distance");
            double[] step = steps(w.runs());
            // Step 0 has distance exactly 0 (same starting outputs): it has no place on a log axis.
            int from = step.length > 1 && step[0] == 0 ? 1 : 0;
            lines.add(Series.band("m = " + Format.integer(w.width()), tail(step, from), tail(d.median, from), tail(d.min, from), tail(d.max, from)));
        }
        return Figure.of(new Panel("distance", "‖u_net(k) − u_ker(k)‖ through training", Axis.log("step k"), Axis.log("distance"), lines));
    }

    private static Panel scalingPanel(String id, String title, String yLabel, List<WidthRuns> widths, Metric metric, Fit fit) {
        double[] m = new double[widths.size()], med = new double[m.length], lo = new double[m.length], hi = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            List<JsonNode> runs = widths.get(i).runs();
            m[i] = widths.get(i).width();
            med[i] = median(runs, metric);
            lo[i] = runs.stream().mapToDouble(metric::of).min().orElseThrow();
            hi[i] = runs.stream().mapToDouble(metric::of).max().orElseThrow();
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series("median, band over seeds", m, med, lo, hi, Series.Style.LINE_MARKERS));
        if (fit.points >= 2) {
            double[] fx = {fit.minWidth, fit.maxWidth};
            double[] fy = {fit.at(fit.minWidth), fit.at(fit.maxWidth)};
            series.add(Series.dashed("fit: slope " + Format.sig(fit.slope, 3), fx, fy));
        }
        // The m^{-1/2} reference runs through the widest median, so slopes can be compared by eye.
        double anchorM = m[m.length - 1], anchorY = med[m.length - 1];
        double[] rx = {m[0], anchorM}, ry = {anchorY * Math.sqrt(anchorM / m[0]), anchorY};
        series.add(Series.dashed("slope −1/2", rx, ry));
        return new Panel(id, title, Axis.log("width m"), Axis.log(yLabel), series);
    }

    private static Figure spectrumFigure(KernelDynamics basis, JsonNode run, double[] eigenvalues, double eta) {
        int n = eigenvalues.length;
        double[] index = new double[n];
        for (int i = 0; i < n; i++) index[i] = i + 1;
        double[] fast = new double[] {1, n}, fastY = {BAND_EDGES[0] / eta, BAND_EDGES[0] / eta};
        double[] slowY = {BAND_EDGES[1] / eta, BAND_EDGES[1] / eta};
        Panel spectrum = new Panel("eigenvalues", "eigenvalues of H*", Axis.log("index i"), Axis.log("λᵢ"),
                List.of(Series.markers("λᵢ (decreasing)", index, eigenvalues),
                        Series.dashed("ηλ = 0.1", fast, fastY), Series.dashed("ηλ = 0.01", fast, slowY)));

        JsonNode series = run.get("series");
        double[] step = Json.doubles(series.get("step"));
        int from = step.length > 1 && step[0] == 0 ? 1 : 0;
        double[][] kernelBands = new double[3][step.length], networkBands = new double[3][step.length];
        for (int k = 0; k < step.length; k++) {
            double[] kb = bandEnergy(eigenvalues, basis.projections(Json.doubles(series.get("kernelOutputs").get(k))), eta);
            double[] nb = bandEnergy(eigenvalues, basis.projections(Json.doubles(series.get("networkOutputs").get(k))), eta);
            for (int b = 0; b < 3; b++) {
                kernelBands[b][k] = kb[b] / 2;
                networkBands[b][k] = nb[b] / 2;
            }
        }
        // The fast group of the kernel falls to rounding level; cut the axis 10^-6 below the largest start.
        double top = 0;
        for (int b = 0; b < 3; b++) top = Math.max(top, Math.max(kernelBands[b][0], networkBands[b][0]));
        Axis lossAxis = new Axis("½‖P (u − y)‖²", true, top * 1e-6, top * 2);
        String who = "m = " + Format.integer(run.get("width").asInt()) + ", seed " + run.get("seed").asInt();
        List<Series> kernelLines = new ArrayList<>(), networkLines = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            kernelLines.add(Series.line(BAND_NAMES[b], tail(step, from), clampBelow(tail(kernelBands[b], from), top * 1e-6)));
            networkLines.add(Series.line(BAND_NAMES[b], tail(step, from), clampBelow(tail(networkBands[b], from), top * 1e-6)));
        }
        Panel kernelSplit = new Panel("kernel-split", "kernel dynamics from u(0) of " + who, Axis.log("step k"), lossAxis, kernelLines);
        Panel networkSplit = new Panel("network-split", "network, " + who, Axis.log("step k"), lossAxis, networkLines);
        return Figure.of(spectrum, kernelSplit, networkSplit);
    }

    private static Table widthTable(List<WidthRuns> widths) {
        List<List<String>> rows = new ArrayList<>();
        double previousM = Double.NaN, previousD = Double.NaN;
        for (WidthRuns w : widths) {
            double d = median(w.runs(), run -> run.get("maxDistance").asDouble());
            String local = Double.isNaN(previousM) ? "–" : Format.sig(Math.log(d / previousD) / Math.log(w.width() / previousM), 2);
            rows.add(List.of(
                    Format.integer(w.width()),
                    Integer.toString(w.runs().size()),
                    Format.sig(median(w.runs(), UltrawideStudy::cpuSeconds), 2),
                    Format.sig(median(w.runs(), run -> last(run, "networkLoss")), 3),
                    Format.sig(median(w.runs(), run -> last(run, "kernelLoss")), 3),
                    Format.sig(d, 3),
                    local,
                    Format.sig(median(w.runs(), run -> run.get("kernelDeviationSpectral").asDouble()), 3),
                    Format.sig(median(w.runs(), UltrawideStudy::finalMovement), 3),
                    Format.sig(100 * median(w.runs(), UltrawideStudy::finalFlips), 3)));
            previousM = w.width();
            previousD = d;
        }
        return new Table(List.of("width m", "seeds", "CPU s per run", "final network loss", "final kernel loss", "largest distance",
                "local slope", "‖H(0) − H*‖₂", "max movement", "flipped %"), rows);
    }

    // ---- numbers ----

    @FunctionalInterface
    private interface Metric {
        double of(JsonNode run);
    }

    /** Least-squares line through (log m, log median metric) for the widths in [minWidth, widest]. */
    private record Fit(double slope, double intercept, int minWidth, int maxWidth, int points) {
        double at(double m) { return Math.exp(intercept + slope * Math.log(m)); }
    }

    private static Fit fit(List<WidthRuns> widths, int minWidth, Metric metric) {
        List<double[]> points = new ArrayList<>();
        int lo = Integer.MAX_VALUE, hi = 0;
        for (WidthRuns w : widths) {
            if (w.width() < minWidth) continue;
            double v = median(w.runs(), metric);
            if (!(v > 0)) continue;
            points.add(new double[] {Math.log(w.width()), Math.log(v)});
            lo = Math.min(lo, w.width());
            hi = Math.max(hi, w.width());
        }
        if (points.size() < 2) return new Fit(Double.NaN, Double.NaN, lo, hi, points.size());
        double mx = 0, my = 0;
        for (double[] p : points) { mx += p[0] / points.size(); my += p[1] / points.size(); }
        double sxy = 0, sxx = 0;
        for (double[] p : points) { sxy += (p[0] - mx) * (p[1] - my); sxx += (p[0] - mx) * (p[0] - mx); }
        double slope = sxy / sxx;
        return new Fit(slope, my - slope * mx, lo, hi, points.size());
    }

    private static double median(List<JsonNode> runs, Metric metric) {
        double[] v = runs.stream().mapToDouble(metric::of).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double minOver(List<WidthRuns> widths, Metric metric) {
        return widths.stream().flatMap(w -> w.runs().stream()).mapToDouble(metric::of).min().orElse(Double.NaN);
    }

    /** Median and min..max over seeds of a recorded series, index by index (runs of a width share one schedule). */
    private record Band(double[] median, double[] min, double[] max) {}

    private static Band band(List<JsonNode> runs, String key) {
        int length = runs.stream().mapToInt(r -> r.get("series").get(key).size()).min().orElseThrow();
        double[] med = new double[length], lo = new double[length], hi = new double[length];
        for (int k = 0; k < length; k++) {
            int index = k;
            med[k] = median(runs, r -> r.get("series").get(key).get(index).asDouble());
            lo[k] = runs.stream().mapToDouble(r -> r.get("series").get(key).get(index).asDouble()).min().orElseThrow();
            hi[k] = runs.stream().mapToDouble(r -> r.get("series").get(key).get(index).asDouble()).max().orElseThrow();
        }
        return new Band(med, lo, hi);
    }

    private static double[] steps(List<JsonNode> runs) {
        int length = runs.stream().mapToInt(r -> r.get("series").get("step").size()).min().orElseThrow();
        double[] all = Json.doubles(runs.get(0).get("series").get("step"));
        return Arrays.copyOf(all, length);
    }

    /** "1.00" reads as a measurement; the fraction is a chosen setting, so "1". */
    private static String trimZeros(String number) {
        return number.contains(".") && !number.contains("×") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }

    /** Values below the axis floor are drawn on the floor, so a line that leaves the chart stays visible. */
    private static double[] clampBelow(double[] v, double floor) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] = Math.max(out[i], floor);
        return out;
    }

    private static double[] tail(double[] v, int from) { return Arrays.copyOfRange(v, from, v.length); }

    private static double initial(JsonNode run, String key) { return run.get("series").get(key).get(0).asDouble(); }

    private static double last(JsonNode run, String key) {
        JsonNode s = run.get("series").get(key);
        return s.get(s.size() - 1).asDouble();
    }

    private static double finalMovement(JsonNode run) { return last(run, "maxWeightMovement"); }

    private static double finalFlips(JsonNode run) { return last(run, "activationFlipFraction"); }

    private static double cpuSeconds(JsonNode run) { return run.get("timings").get("cpuSeconds").asDouble(); }

    /** The share of runs whose largest distance is reached in the last tenth of training. */
    private static double fractionPeakingLate(List<WidthRuns> widths, int steps) {
        long all = 0, late = 0;
        for (WidthRuns w : widths)
            for (JsonNode run : w.runs()) {
                all++;
                if (run.get("maxDistanceStep").asInt() >= 0.9 * steps) late++;
            }
        return (double) late / all;
    }

    private static double[] column(JsonNode rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = rows.get(i).get(0).asDouble();
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** The eigenbasis of the file's H* (eigenvectors in decreasing eigenvalue order), with the file's y as target. */
    private static KernelDynamics eigenbasis(JsonNode result) {
        double[] y = column(result.get("dataset").get("y"));
        return new KernelDynamics(Json.toMatrix(result.get("kernelGram")), y, new double[y.length], result.get("learningRate").asDouble());
    }

    /** Squared projections summed within the fast, middle and slow bands of eta lambda_i. */
    private static double[] bandEnergy(double[] eigenvalues, double[] projections, double eta) {
        double[] out = new double[3];
        for (int i = 0; i < eigenvalues.length; i++) out[band(eta * eigenvalues[i])] += projections[i] * projections[i];
        return out;
    }

    private static int[] bandSizes(double[] eigenvalues, double eta) {
        int[] out = new int[3];
        for (double l : eigenvalues) out[band(eta * l)]++;
        return out;
    }

    private static int band(double etaLambda) {
        return etaLambda >= BAND_EDGES[0] ? 0 : etaLambda >= BAND_EDGES[1] ? 1 : 2;
    }
}
