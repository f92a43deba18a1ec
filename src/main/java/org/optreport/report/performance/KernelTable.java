package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;

/** A kernel's table: per size JMH's score, its flop rate and efficiency against the best matrix product, and B/op. */
final class KernelTable {
    private KernelTable() {}

    static Table of(List<Measurement> ms, double matmulRate) {
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

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
