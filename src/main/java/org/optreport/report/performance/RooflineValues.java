package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.Map;
import org.optreport.report.output.Format;

/** The roofs the page quotes: the peak (GFLOP/s) and the bandwidth at each level with its 95% interval (GB/s). */
final class RooflineValues {
    private RooflineValues() {}

    static void put(Roofline roofline, Map<String, String> values) {
        values.put("peakGflops", Double.isNaN(roofline.peakFlops()) ? NOT_MEASURED : Format.sig(roofline.peakFlops() / 1e9, 3));
        for (String level : Roofline.LEVEL_ORDER) {
            Measurement m = roofline.levels().get(level);
            String key = "bandwidth" + level;
            if (m == null) {
                values.put(key, NOT_MEASURED);
                continue;
            }
            double h = m.time().halfWidth95();
            values.put(key, Format.sig(m.byteRate() / 1e9, 3) + (Double.isNaN(h) ? "" : " ± " + Format.sig(m.byteRate() / 1e9 * h / m.seconds(), 2)));
        }
    }
}
