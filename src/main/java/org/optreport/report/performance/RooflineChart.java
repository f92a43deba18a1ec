package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.List;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/** The roofline: one roof per measured memory level, capped by the peak, and every kernel measured at its intensity and rate. */
final class RooflineChart {
    /**
     * In pairs that share a colour, the second drawn as rings (the two products, the first-order kernels, the two Hessians,
     * the two eigenvalue paths, the ultra-wide study's two kernels): more kernels than the palette has colours.
     */
    static final List<String> KERNELS = List.of("dgemm", "matmul", "gradient", "hvp", "hessian", "fdHessian", "denseExtremes", "lanczosExtremes",
            "reluStep", "kernelClosedForm", "landscapeSpectra");

    private RooflineChart() {}

    static Figure figure(BenchmarkResult result, Roofline roofline) {
        List<Series> series = new ArrayList<>();
        double[] intensities = new double[41];
        for (int i = 0; i < intensities.length; i++) intensities[i] = Math.pow(10, -2 + i * 0.1);   // 0.01 .. 100 flop/byte
        int place = 0;   // roofs refer to no series: black and grey, dashed and dotted
        for (String level : roofline.measuredLevels()) {
            double[] roof = roofline.roof(level, intensities);
            double[] gflops = new double[roof.length];
            for (int i = 0; i < roof.length; i++) gflops[i] = roof[i] / 1e9;
            series.add(Series.dashed(level + " roof", intensities, gflops).asTheory(place >= 2).styled(place % 2 == 0 ? Series.Style.DASHED : Series.Style.DOTTED));
            place++;
        }
        for (int k = 0; k < KERNELS.size(); k++) {
            List<Measurement> ms = result.of(KERNELS.get(k)).stream().filter(m -> !Double.isNaN(m.intensity()) && !Double.isNaN(m.flopRate())).toList();
            if (ms.isEmpty()) continue;
            series.add(Series.markers(ms.get(0).kernel().title(), ms.stream().mapToDouble(Measurement::intensity).toArray(),
                    ms.stream().mapToDouble(m -> m.flopRate() / 1e9).toArray()).inPaletteColour(k / 2)
                    .styled(k % 2 == 0 ? Series.Style.MARKERS : Series.Style.OPEN_MARKERS));
        }
        return Figure.of(new Panel("roofline", "roofline of one core", Axis.log("arithmetic intensity (flop/byte)"), Axis.log("GFLOP/s"), series));
    }
}
