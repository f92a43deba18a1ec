package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;
import org.optreport.report.stats.RatioInterval;

/**
 * A kernel's table, per size: the mean time per call over the forks' means with its 95% interval (log scale, so both
 * ends are positive: {@link org.optreport.report.stats.Replicates#interval}), the number of forks,
 * the flop rate of the minimal count (and, beside it, of the flops the code performs where it performs more) and its
 * efficiency against the yardstick, the compulsory bytes per second and the arithmetic intensity
 * where bytes are counted, time per item where the cost is not arithmetic (H*: ns per pair), and JMH's allocation
 * and collector figures, and the flop rate against the roof that binds the kernel ({@link Roofline}). Both
 * efficiencies are ratios of independent measurements, so they carry 95% intervals from {@link RatioInterval}: the
 * yardstick's and the roof's uncertainty is in them, not only the kernel's. The collector's figures are JMH's gc.count
 * and gc.time, which its GC profiler sums over every measurement iteration of every fork (warm-up excluded).
 */
final class KernelTable {
    private KernelTable() {}

    /** Two-sided, as the time's interval in the same table. */
    static final double CONFIDENCE = 0.95;

    static Table of(List<Measurement> ms, Measurement yardstick, Roofline roofline) {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : ms) {
            Point p = m.point();
            double rate = m.flopRate(), scale = BenchmarkResult.seconds(1, m.unit());
            RatioInterval interval = m.time().interval95();
            rows.add(List.of(p.label(), Double.isNaN(p.parameters()) ? "—" : Format.integer((long) p.parameters()),
                    Format.sig(m.seconds() / scale, 4) + " " + m.unit(),
                    Double.isNaN(interval.lower()) ? "—" : "[" + Format.sig(interval.lower() / scale, 3) + ", " + Format.sig(interval.upper() / scale, 3) + "]",
                    Integer.toString(m.time().count()),
                    Double.isNaN(rate) ? "—" : Format.sig(rate / 1e9, 3)
                            + (Double.isNaN(m.executedFlopRate()) ? "" : " (" + Format.sig(m.executedFlopRate() / 1e9, 3) + " executed)"),
                    ofYardstick(m, yardstick),
                    Double.isNaN(m.intensity()) ? "—" : Format.sig(m.intensity(), 3),
                    Double.isNaN(m.byteRate()) ? "—" : Format.sig(m.byteRate() / 1e9, 3),
                    Double.isNaN(p.items()) ? "—" : Format.sig(m.seconds() / p.items() * 1e9, 3) + " ns/" + p.item(),
                    Double.isNaN(m.bytesPerOp()) ? "—" : Format.sig(m.bytesPerOp(), 3),
                    Double.isNaN(m.gcCount()) ? "—" : Format.sig(m.gcCount(), 3) + (Double.isNaN(m.gcMillis()) ? "" : " (" + Format.sig(m.gcMillis(), 2) + " ms)"),
                    ofRoof(m, roofline)));
        }
        return new Table(List.of("size", "parameters", "time per call", "95% interval", "forks", "GFLOP/s", "of yardstick [95%]",
                "flop/byte", "GB/s", "per item", "B/op", "GCs, all measured iterations (ms)", "of its roof [95%]"), rows);
    }

    /**
     * The flop rate over the yardstick's, (F / F_y) · t_y / t, with its interval from both kernels' fork means; the
     * yardstick's own row is 100% exactly (one measurement, not two independent ones).
     */
    static String ofYardstick(Measurement m, Measurement yardstick) {
        if (yardstick == null || Double.isNaN(m.flopRate())) return "—";
        if (m == yardstick) return percent(1);
        return percent(RatioInterval.of(m.point().flops() / yardstick.point().flops(), List.of(yardstick.time().estimate()),
                List.of(m.time().estimate()), CONFIDENCE));
    }

    /** The flop rate as a fraction of the roof that binds the kernel, with its interval and the roof's name. */
    static String ofRoof(Measurement m, Roofline roofline) {
        RatioInterval efficiency = roofline.efficiency(m, CONFIDENCE);
        return efficiency == null ? "—" : percent(efficiency) + " (" + roofline.binding(m) + ")";
    }

    /** "12.3% [10.1, 14.9]", or the estimate alone where there is no interval (one replicate). */
    static String percent(RatioInterval r) {
        String estimate = percent(r.estimate());
        if (Double.isNaN(r.lower())) return estimate;
        return estimate + " [" + String.format(Locale.ROOT, "%.1f, %.1f", 100 * r.lower(), 100 * r.upper()) + "]";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
