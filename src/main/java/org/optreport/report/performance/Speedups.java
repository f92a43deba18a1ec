package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.optreport.report.output.Format;
import org.optreport.report.output.Table;
import org.optreport.report.stats.RatioInterval;

/** A fast path against its baseline at the sizes both measured: the speed-up tables and what the targets read. */
final class Speedups {
    private Speedups() {}

    record Speedup(Measurement baseline, Measurement fast) {
        double size() { return baseline.point().size(); }

        double ratio() { return baseline.seconds() / fast.seconds(); }

        /** The speed-up with one-sided 95% bounds from both kernels' fork means (log scale, Welch's degrees of freedom). */
        RatioInterval interval() { return RatioInterval.of(baseline.time(), fast.time()); }
    }

    /** The pairs of equal size, in the baseline's order (depth, then size), then the fast path's. */
    static List<Speedup> pair(List<Measurement> baseline, List<Measurement> fast) {
        List<Speedup> out = new ArrayList<>();
        for (Measurement b : baseline)
            for (Measurement f : fast)
                if (b.point().label().equals(f.point().label())) out.add(new Speedup(b, f));
        return out;
    }

    static List<Speedup> bySize(List<Speedup> speedups) {
        List<Speedup> out = new ArrayList<>(speedups);
        out.sort(Comparator.comparingDouble(Speedup::size));
        return out;
    }

    static Table table(List<Speedup> speedups, String baselineHeader, String fastHeader) {
        List<List<String>> rows = new ArrayList<>();
        for (Speedup s : speedups)
            rows.add(List.of(s.baseline().point().label(), Format.integer((long) s.size()), Format.sig(s.baseline().seconds() * 1e3, 3),
                    Format.sig(s.fast().seconds() * 1e3, 3), Format.sig(s.ratio(), 3) + "×",
                    PerformanceTargets.bounds(s.interval().lower(), s.interval().upper(), 1, "×")));
        return new Table(List.of("network", "parameters", baselineHeader, fastHeader, "speed-up", "90% interval (one-sided 95% bounds)"), rows);
    }
}
