package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.List;
import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.performance.Baselines.Baseline;
import org.optreport.report.stats.MeanEstimate;
import org.optreport.report.stats.RatioInterval;

/**
 * The targets set against a baseline measured on the same machine (issue 18): the landscape target's three runs as one
 * process at least {@value #LANDSCAPE_PROCESS_SPEEDUP} times faster than the PyTorch script's process, and the ReLU
 * step at most a quarter of the PyTorch script's step. Each is judged on the one-sided 95% bounds of the ratio theirs
 * over ours: a baseline recorded from a single run has no interval and is taken as it is, so the bounds are ours alone;
 * one recorded with repeats adds its own spread ({@link RatioInterval}).
 */
final class BaselineTargets {
    static final double LANDSCAPE_PROCESS_SPEEDUP = 10, RELU_BASELINE_SPEEDUP = 4;

    private BaselineTargets() {}

    /** Adds the two targets' rows to {@code rows} and their figures to {@code values}. */
    static void evaluate(Baselines baselines, BenchmarkResult result, QuotedValues values, List<List<String>> rows) {
        Baseline landscape = baseline(baselines, "landscape"), relu = baseline(baselines, "reluStep");
        judge("landscapeProcess", landscape, ours(result, "landscapeProcess", landscape), LANDSCAPE_PROCESS_SPEEDUP,
                "the landscape target's runs (depths 2, 3 and 4) as one process, start-up included, at least "
                        + Format.sig(LANDSCAPE_PROCESS_SPEEDUP, 2) + "× faster than the PyTorch script's process", values, rows);
        judge("reluBaseline", relu, ours(result, "reluStep", relu), RELU_BASELINE_SPEEDUP,
                "one GD step of the width-10^5 ReLU network at most 1/" + Format.sig(RELU_BASELINE_SPEEDUP, 1)
                        + " of the PyTorch script's step", values, rows);
    }

    private static void judge(String name, Baseline theirs, Measurement ours, double target, String what, QuotedValues values, List<List<String>> rows) {
        boolean measured = theirs != null && ours != null;
        RatioInterval r = measured ? interval(theirs, ours) : null;
        Verdict verdict = measured ? Verdict.atLeast(r.lower(), r.upper(), target) : Verdict.NOT_MEASURED;
        String figure = measured ? Format.sig(r.estimate(), 3) + "× " + PerformanceTargets.bounds(r, 1, "×") + " (theirs "
                + BaselineTable.time(theirs.seconds()) + ", ours " + BaselineTable.time(ours.seconds()) + ")" : NOT_MEASURED;
        values.put(name + "Speedup", measured ? Format.sig(r.estimate(), 3) : NOT_MEASURED, "the PyTorch baseline's time over ours for the " + name + " target");
        values.put(name + "Bounds", measured ? PerformanceTargets.bounds(r, 1, "×") : NOT_MEASURED, "its one-sided 95% bounds");
        values.put(name + "OursSeconds", measured ? Format.sig(ours.seconds(), 3) : NOT_MEASURED, "our time, seconds, for the " + name + " target");
        values.put(name + "TargetSpeedup", Format.sig(target, 2), "the " + name + " target: at least this ratio of the baseline's time over ours");
        values.put(name + "Target", verdict.label(), "verdict on the " + name + " target");
        rows.add(List.of(what, figure, verdict.label()));
    }

    /** Their time over ours with one-sided 95% bounds; a baseline without an interval (one run) is taken as exact. */
    static RatioInterval interval(Baseline theirs, Measurement ours) {
        if (theirs.repeats() < 2 || Double.isNaN(theirs.low95()))
            return RatioInterval.of(theirs.seconds(), List.of(), List.of(ours.time().estimate()), 0.90);
        MeanEstimate recorded = MeanEstimate.fromInterval(theirs.seconds(), theirs.low95(), theirs.high95(), theirs.repeats(), BaselineTable.CONFIDENCE);
        return RatioInterval.of(1, List.of(recorded), List.of(ours.time().estimate()), 0.90);
    }

    private static Baseline baseline(Baselines baselines, String work) {
        return baselines.rows().stream().filter(b -> b.work().equals(work) && b.implementation().equals("pytorch")).findFirst().orElse(null);
    }

    /** Our measurement of the same work at the baseline's shape (the same size label), or null. */
    private static Measurement ours(BenchmarkResult result, String key, Baseline theirs) {
        if (theirs == null) return null;
        return result.of(key).stream().filter(m -> m.point().label().equals(theirs.shape())).findFirst().orElse(null);
    }
}
