package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;

/**
 * A kernel's table, per size: the mean time per call over the forks' means with its 95% interval, the number of forks,
 * the flop rate and its efficiency against the yardstick, the compulsory bytes per second and the arithmetic intensity
 * where bytes are counted, time per item where the cost is not arithmetic (H*: ns per pair), and JMH's allocation
 * and collector figures, and the flop rate against the roof that binds the kernel ({@link Roofline}).
 */
final class KernelTable {
    private KernelTable() {}

    static Table of(List<Measurement> ms, double yardstickRate, Roofline roofline) {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : ms) {
            Point p = m.point();
            double rate = m.flopRate(), scale = BenchmarkResult.seconds(1, m.unit());
            double halfWidth = m.time().halfWidth95();
            rows.add(List.of(p.label(), Double.isNaN(p.parameters()) ? "—" : Format.integer((long) p.parameters()),
                    Format.sig(m.seconds() / scale, 4) + " " + m.unit(),
                    Double.isNaN(halfWidth) ? "—" : "± " + Format.sig(halfWidth / scale, 2),
                    Integer.toString(m.time().count()),
                    Double.isNaN(rate) ? "—" : Format.sig(rate / 1e9, 3),
                    Double.isNaN(rate) || Double.isNaN(yardstickRate) ? "—" : percent(rate / yardstickRate),
                    Double.isNaN(m.intensity()) ? "—" : Format.sig(m.intensity(), 3),
                    Double.isNaN(m.byteRate()) ? "—" : Format.sig(m.byteRate() / 1e9, 3),
                    Double.isNaN(p.items()) ? "—" : Format.sig(m.seconds() / p.items() * 1e9, 3) + " ns/" + p.item(),
                    Double.isNaN(m.bytesPerOp()) ? "—" : Format.sig(m.bytesPerOp(), 3),
                    Double.isNaN(m.gcCount()) ? "—" : Format.sig(m.gcCount(), 3) + (Double.isNaN(m.gcMillis()) ? "" : " (" + Format.sig(m.gcMillis(), 2) + " ms)"),
                    ofRoof(m, roofline)));
        }
        return new Table(List.of("size", "parameters", "time per call", "95% interval", "forks", "GFLOP/s", "of yardstick",
                "flop/byte", "GB/s", "per item", "B/op", "GCs (time)", "of its roof"), rows);
    }

    /** The flop rate as a fraction of the roof that binds the kernel, with the roof's name. */
    private static String ofRoof(Measurement m, Roofline roofline) {
        double attainable = roofline.attainable(m);
        if (Double.isNaN(attainable) || Double.isNaN(m.flopRate())) return "—";
        return percent(m.flopRate() / attainable) + " (" + roofline.binding(m) + ")";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
