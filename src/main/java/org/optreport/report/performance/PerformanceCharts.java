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

/** The page's two figures: time against size per kernel and depth (with fitted slopes), and flop rates. */
final class PerformanceCharts {
    private PerformanceCharts() {}

    static Map<String, Figure> figures(BenchmarkResult result) {
        return Map.of(
                "scaling", Figure.of(
                        scalingPanel("first-order", "gradient and Hessian-vector product", result, "gradient", "hvp"),
                        scalingPanel("hessians", "full Hessian", result, "hessian", "fdHessian"),
                        scalingPanel("extremes", "extreme eigenvalues", result, "denseExtremes", "lanczosExtremes"),
                        reluPanel(result.of("reluStep"))),
                "rates", Figure.of(matmulPanel(result.of("matmul")), ratePanel(result)));
    }

    private static Panel reluPanel(List<Measurement> steps) {
        return new Panel("relu", "two-layer ReLU network", Axis.log("width m"), Axis.log("time per operation (s)"),
                List.of(new Series("GD step, 256 samples" + slopeNote(exponent(steps)), sizes(steps), seconds(steps), null, null,
                        Series.Style.LINE_MARKERS)));
    }

    private static Panel scalingPanel(String id, String title, BenchmarkResult result, String... kernels) {
        List<Series> series = new ArrayList<>();
        for (String key : kernels) {
            for (int depth = 1; depth <= MAX_DEPTH; depth++) {
                List<Measurement> d = BenchmarkResult.atDepth(result.of(key), depth);
                if (d.isEmpty()) continue;
                String name = d.get(0).kernel().title() + ", depth " + depth + slopeNote(exponent(d));
                series.add(new Series(name, sizes(d), seconds(d), null, null, Series.Style.LINE_MARKERS));
            }
        }
        return new Panel(id, title, Axis.log("parameters"), Axis.log("time per operation (s)"), series);
    }

    private static String slopeNote(double slope) {
        return Double.isNaN(slope) ? " (one size)" : " (slope " + Format.sig(slope, 2) + ")";
    }

    private static Panel matmulPanel(List<Measurement> matmul) {
        double[] rate = matmul.stream().mapToDouble(m -> m.flopRate() / 1e9).toArray();
        return new Panel("matmul", "matrix product n × n", Axis.log("n"), Axis.linear("GFLOP/s"),
                List.of(new Series("EJML CommonOps_DDRM.mult", sizes(matmul), rate, null, null, Series.Style.LINE_MARKERS)));
    }

    /** Every kernel's rate against its parameters, with the best matrix product as the attainable rate. */
    private static Panel ratePanel(BenchmarkResult result) {
        List<Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (String key : List.of("gradient", "hvp", "hessian", "fdHessian", "denseExtremes", "reluStep")) {
            for (int depth = 0; depth <= MAX_DEPTH; depth++) {
                List<Measurement> d = BenchmarkResult.atDepth(result.of(key), depth);
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
        double matmulRate = result.matmulRate();
        if (hi > 0 && !Double.isNaN(matmulRate))
            series.add(Series.dashed("best matrix product", new double[] {lo, hi}, new double[] {matmulRate / 1e9, matmulRate / 1e9})
                    .asTheory(false));
        return new Panel("kernels", "kernels' flop rates", Axis.log("parameters"), Axis.log("GFLOP/s"), series);
    }

    private static double[] seconds(List<Measurement> ms) { return ms.stream().mapToDouble(Measurement::seconds).toArray(); }
}
