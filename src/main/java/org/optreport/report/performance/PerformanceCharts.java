package org.optreport.report.performance;

import static org.optreport.report.performance.ScalingExponents.MAX_DEPTH;
import static org.optreport.report.performance.ScalingExponents.exponent;
import static org.optreport.report.performance.ScalingExponents.sizes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.stats.RatioInterval;

/** The page's two figures: time against size per kernel and depth (with fitted slopes), and flop rates. */
final class PerformanceCharts {
    /** One marker shape per kernel where kernels share a panel, so that points at nearly equal x do not hide each other. */
    static final List<Series.Marker> KERNEL_MARKERS = List.of(Series.Marker.CIRCLE, Series.Marker.SQUARE, Series.Marker.TRIANGLE,
            Series.Marker.DIAMOND, Series.Marker.INVERTED_TRIANGLE, Series.Marker.CROSS);

    private PerformanceCharts() {}

    static Map<String, Figure> figures(BenchmarkResult result) {
        return Map.of(
                "scaling", Figure.of(
                        scalingPanel("first-order", "gradient and Hessian-vector product", result, "gradient", "hvp"),
                        scalingPanel("hessians", "full Hessian", result, "hessian", "fdHessian"),
                        scalingPanel("extremes", "extreme eigenvalues", result, "denseExtremes", "lanczosExtremes"),
                        reluPanel(result.of("reluStep"))),
                "rates", Figure.of(matmulPanel(result), ratePanel(result)));
    }

    private static Panel reluPanel(List<Measurement> steps) {
        List<Series> series = new ArrayList<>();
        addInColourOf(series, withIterations(withFit(timeSeries("GD step, 256 samples" + slopeNote(exponent(steps)), steps), steps), steps));
        return PaddedAxes.padded(new Panel("relu", "two-layer ReLU network", Axis.log("width m"), Axis.log("time per operation (s)"), series));
    }

    private static Panel scalingPanel(String id, String title, BenchmarkResult result, String... kernels) {
        List<Series> series = new ArrayList<>();
        // depth N keeps its colour of every page; the panel's second kernel is told apart by a dashed line and rings
        for (int k = 0; k < kernels.length; k++) {
            for (int depth = 1; depth <= MAX_DEPTH; depth++) {
                List<Measurement> d = BenchmarkResult.atDepth(result.of(kernels[k]), depth);
                if (d.isEmpty()) continue;
                String name = d.get(0).kernel().title() + ", depth " + depth + slopeNote(exponent(d));
                Series time = timeSeries(name, d).inDepthColour(depth);
                if (k > 0) time = time.styled(Series.Style.DASHED);
                List<Series> family = new ArrayList<>(withIterations(withFit(time, d), d));
                if (k > 0) family.replaceAll(m -> m.style() == Series.Style.MARKERS ? m.styled(Series.Style.OPEN_MARKERS) : m);
                addInColourOf(series, family);
            }
        }
        return PaddedAxes.padded(new Panel(id, title, Axis.log("parameters"), Axis.log("time per operation (s)"), series));
    }

    /**
     * Adds a measured series (the family's first) and what belongs to it (its fitted line, its iterations), these in its
     * colour, so that a reader matches markers and fits to their series.
     */
    private static void addInColourOf(List<Series> panel, List<Series> family) {
        int main = panel.size();
        panel.add(family.get(0));
        for (Series member : family.subList(1, family.size())) panel.add(member.inColourOf(main));
    }

    private static String slopeNote(double slope) {
        return Double.isNaN(slope) ? "" : " (slope " + Format.sig(slope, 2) + ")";
    }

    /**
     * Time per call against size, with the 95% interval of the fork means as a band (none with one replicate); the
     * interval is on the log scale, so its lower end is positive and the band needs no clipping on the log axis.
     */
    private static Series timeSeries(String name, List<Measurement> ms) {
        double[] lower = new double[ms.size()], upper = new double[ms.size()];
        for (int i = 0; i < lower.length; i++) {
            double mean = ms.get(i).seconds();
            RatioInterval interval = ms.get(i).time().interval95();
            lower[i] = Double.isNaN(interval.lower()) ? mean : interval.lower();
            upper[i] = Double.isNaN(interval.upper()) ? mean : interval.upper();
        }
        return new Series(name, sizes(ms), seconds(ms), lower, upper, Series.Style.LINE_MARKERS);
    }

    /** The series and every measured iteration as markers (JMH's raw data: it goes into the figure's CSV file too). */
    private static List<Series> withIterations(List<Series> series, List<Measurement> ms) {
        int count = ms.stream().mapToInt(m -> m.iterations().length).sum();
        if (count == 0) return series;
        double[] x = new double[count], y = new double[count];
        int i = 0;
        for (Measurement m : ms)
            for (double t : m.iterations()) {
                x[i] = m.point().size();
                y[i++] = t;
            }
        List<Series> out = new ArrayList<>(series);
        out.add(Series.markers(series.get(0).name().replaceAll(" \\(slope.*", "") + ": every iteration", x, y));
        return out;
    }

    /**
     * The series and, where the exponent is fitted, the fitted power law over the fitted sizes: dotted, or solid without
     * markers for a dashed series (a panel's second kernel), so that neither fit looks like the other kernel's series of
     * the same depth (the first kernel's is solid with markers, the second's dashed).
     */
    private static List<Series> withFit(Series data, List<Measurement> ms) {
        ExponentFit fit = ExponentFit.of(ms);
        if (!fit.adequate()) return List.of(data);
        // named after its kernel: two fits of one colour share the panel, and "fit" alone does not say whose it is
        String kernel = data.name().replaceAll(" \\(slope.*", "");
        Series line = Series.dashed("fit to " + kernel + ": slope " + Format.sig(fit.slope(), 2), new double[] {fit.from(), fit.to()},
                new double[] {fit.line().at(fit.from()), fit.line().at(fit.to())});
        line = line.styled(data.style() == Series.Style.DASHED ? Series.Style.LINE : Series.Style.DOTTED);
        return List.of(data, line);
    }

    /** Both matrix products' rates against n: OpenBLAS's DGEMM (the yardstick) and EJML's unblocked product. */
    private static Panel matmulPanel(BenchmarkResult result) {
        List<Series> series = new ArrayList<>();
        for (String key : List.of("dgemm", "matmul")) {
            List<Measurement> ms = result.of(key);
            if (ms.isEmpty()) continue;
            double[] rate = ms.stream().mapToDouble(m -> m.flopRate() / 1e9).toArray();
            double[] lower = ms.stream().mapToDouble(m -> rateBound(m, +1)).toArray();
            double[] upper = ms.stream().mapToDouble(m -> rateBound(m, -1)).toArray();
            series.add(new Series(ms.get(0).kernel().title(), sizes(ms), rate, lower, upper, Series.Style.LINE_MARKERS));
        }
        return PaddedAxes.padded(new Panel("matmul", "matrix product n × n", Axis.log("n"), Axis.linear("GFLOP/s"), series));
    }

    /**
     * Every kernel's rate against its parameters, with the yardstick (DGEMM) as the attainable rate: each series (kernel
     * and depth) in its own colour, each kernel with its own marker shape, every interval drawn.
     */
    private static Panel ratePanel(BenchmarkResult result) {
        List<Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        List<String> kernels = List.of("gradient", "hvp", "hessian", "fdHessian", "denseExtremes", "reluStep");
        for (String key : kernels) {
            for (int depth = 0; depth <= MAX_DEPTH; depth++) {
                List<Measurement> d = BenchmarkResult.atDepth(result.of(key), depth);
                if (d.isEmpty()) continue;
                double[] x = d.stream().mapToDouble(m -> m.point().parameters()).toArray();
                double[] y = d.stream().mapToDouble(m -> m.flopRate() / 1e9).toArray();
                double[] lower = d.stream().mapToDouble(m -> rateBound(m, +1)).toArray();
                double[] upper = d.stream().mapToDouble(m -> rateBound(m, -1)).toArray();
                for (double v : x) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                String name = d.get(0).kernel().title() + (depth > 0 ? ", depth " + depth : "");
                series.add(new Series(name, x, y, lower, upper, Series.Style.LINE_MARKERS)
                        .withMarker(KERNEL_MARKERS.get(kernels.indexOf(key) % KERNEL_MARKERS.size())));
            }
        }
        double yardstickRate = result.yardstickRate();
        if (hi > 0 && !Double.isNaN(yardstickRate))
            series.add(Series.dashed("yardstick: " + result.yardstick().kernel().title(), new double[] {lo, hi}, new double[] {yardstickRate / 1e9, yardstickRate / 1e9})
                    .asTheory(false));
        return PaddedAxes.padded(new Panel("kernels", "kernels' flop rates", Axis.log("parameters"), Axis.log("GFLOP/s"), series));
    }

    /**
     * The rate (GFLOP/s) at an end of the time's two-sided 95% interval (log scale, both ends positive): +1 the slower
     * end (lower rate), -1 the faster; the rate itself where there is no interval.
     */
    static double rateBound(Measurement m, int side) {
        RatioInterval interval = m.time().interval95();
        double t = Double.isNaN(interval.lower()) ? m.seconds() : side > 0 ? interval.upper() : interval.lower();
        return m.point().flops() / t / 1e9;
    }

    private static double[] seconds(List<Measurement> ms) { return ms.stream().mapToDouble(Measurement::seconds).toArray(); }
}
