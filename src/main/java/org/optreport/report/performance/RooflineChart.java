package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.List;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/**
 * The roofline: one roof per measured memory level, capped by the peak, and every kernel measured at its intensity and
 * rate. Every roof carries a band between its curves at the ends of the 95% intervals of the peak (the clock's) and of
 * its bandwidth (the triad's); every kernel's points carry the flop rates at the ends of their time's 95% interval,
 * drawn as error bars and written to the figure's CSV file (lower, upper). Kernels of nearly equal intensity would hide
 * each other's dots, so each kernel has its own marker shape as well as a colour it shares with at most one other, drawn
 * filled for one and as rings for the other.
 */
final class RooflineChart {
    /**
     * In pairs that share a colour, the second drawn as rings (the two products, the first-order kernels, the two Hessians,
     * the two eigenvalue paths, the two whole-step kernels (the ReLU step, the landscape run), the kernel dynamics' two
     * parts): more kernels than the palette has colours.
     */
    static final List<String> KERNELS = List.of("dgemm", "matmul", "gradient", "hvp", "hessian", "fdHessian", "denseExtremes", "lanczosExtremes",
            "reluStep", "landscapeSpectra", "kernelSetup", "kernelClosedForm");

    private RooflineChart() {}

    static Figure figure(BenchmarkResult result, Roofline roofline) {
        List<Series> series = new ArrayList<>();
        // from 0.01 flop/byte to past the most intense kernel (at least 100), so that every point lies under its roofs
        double most = KERNELS.stream().flatMap(k -> result.of(k).stream()).mapToDouble(Measurement::intensity)
                .filter(i -> !Double.isNaN(i)).max().orElse(100);
        int decades = (int) Math.ceil(Math.log10(Math.max(100, 2 * most))) + 2;
        double[] intensities = new double[10 * decades + 1];
        for (int i = 0; i < intensities.length; i++) intensities[i] = Math.pow(10, -2 + i * 0.1);
        int place = 0;   // roofs refer to no series: black and grey, dashed and dotted
        for (String level : roofline.measuredLevels()) {
            double[] gflops = giga(roofline.roof(level, intensities));
            double[] lower = giga(roofline.roofBound(level, intensities, -1)), upper = giga(roofline.roofBound(level, intensities, +1));
            series.add(new Series(level + " roof", intensities, gflops, lower, upper, place % 2 == 0 ? Series.Style.DASHED : Series.Style.DOTTED)
                    .asTheory(place >= 2));
            place++;
        }
        for (int k = 0; k < KERNELS.size(); k++) {
            List<Measurement> ms = result.of(KERNELS.get(k)).stream().filter(m -> !Double.isNaN(m.intensity()) && !Double.isNaN(m.flopRate())).toList();
            if (ms.isEmpty()) continue;
            series.add(new Series(ms.get(0).kernel().title(), ms.stream().mapToDouble(Measurement::intensity).toArray(),
                    ms.stream().mapToDouble(m -> m.flopRate() / 1e9).toArray(), ms.stream().mapToDouble(m -> PerformanceCharts.rateBound(m, +1)).toArray(),
                    ms.stream().mapToDouble(m -> PerformanceCharts.rateBound(m, -1)).toArray(), k % 2 == 0 ? Series.Style.MARKERS : Series.Style.OPEN_MARKERS)
                    .inPaletteColour(k / 2).withMarker(PerformanceCharts.KERNEL_MARKERS.get(k % PerformanceCharts.KERNEL_MARKERS.size())));
        }
        return Figure.of(PaddedAxes.padded(new Panel("roofline", "roofline of one core", Axis.log("arithmetic intensity (flop/byte)"), Axis.log("GFLOP/s"), series)));
    }

    private static double[] giga(double[] flops) {
        double[] out = new double[flops.length];
        for (int i = 0; i < out.length; i++) out[i] = flops[i] / 1e9;
        return out;
    }
}
