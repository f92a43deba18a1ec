package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;

/** The roofs the page quotes: the peak (GFLOP/s) and the bandwidth at each level with its 95% interval (GB/s). */
final class RooflineValues {
    private RooflineValues() {}

    static void put(Roofline roofline, QuotedValues values) {
        values.put("peakGflops", Double.isNaN(roofline.peakFlops()) ? NOT_MEASURED : Format.sig(roofline.peakFlops() / 1e9, 3), "single-core peak: measured clock × 2 FMA pipes × the JIT's vector lanes × 2, in GFLOP/s");
        for (String level : Roofline.LEVEL_ORDER) {
            Measurement m = roofline.levels().get(level);
            String key = "bandwidth" + level;
            if (m == null) {
                values.put(key, NOT_MEASURED, "measured triad bandwidth at " + level + " ± half its 95% interval, in GB/s");
                continue;
            }
            double h = m.time().halfWidth95();
            values.put(key, Format.sig(m.byteRate() / 1e9, 3) + (Double.isNaN(h) ? "" : " ± " + Format.sig(m.byteRate() / 1e9 * h / m.seconds(), 2)), "measured triad bandwidth at " + level + " ± half its 95% interval, in GB/s");
        }
    }
}
