package org.optreport.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Per experiment, how a build obtained its runs: how many it computed, with their wall-clock and CPU seconds, and how
 * many it reused, with the seconds those took when they were computed (their {@link RunTimes} records; entries written
 * before times were recorded have none and are counted apart). The build prints it at its end, so that a slow build
 * shows where its time went and a fast one what the cache saved. Thread-safe.
 */
public final class ExperimentTimes {
    /** One experiment's runs. */
    private static final class Tally {
        int computed, reused, reusedWithoutRecord;
        double computedSeconds, computedCpuSeconds, reusedRecordedSeconds;
    }

    private final Map<String, Tally> byExperiment = new TreeMap<>();

    /**
     * A run computed in {@code seconds} of wall-clock time, of which {@code cpuSeconds} on the thread that ran it (an
     * experiment that starts processes of its own, as the benchmarks' forks, spends most of its CPU outside it).
     */
    synchronized void computed(String experiment, double seconds, double cpuSeconds) {
        Tally t = tally(experiment);
        t.computed++;
        t.computedSeconds += seconds;
        t.computedCpuSeconds += cpuSeconds;
    }

    /** A run reused from the cache, with the seconds its computation took if they were recorded. */
    synchronized void reused(String experiment, OptionalDouble recordedSeconds) {
        Tally t = tally(experiment);
        t.reused++;
        if (recordedSeconds.isPresent()) t.reusedRecordedSeconds += recordedSeconds.getAsDouble();
        else t.reusedWithoutRecord++;
    }

    private Tally tally(String experiment) { return byExperiment.computeIfAbsent(experiment, e -> new Tally()); }

    /**
     * One experiment's part of the build's run time: its runs and the wall-clock seconds they took, computed now or, for
     * reused runs, when they were computed ({@code withoutRecord} of them have no record and count nothing).
     */
    public record Share(String experiment, int runs, double seconds, int withoutRecord) {}

    /** Every experiment's share, the largest first. */
    public synchronized List<Share> shares() {
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<String, Tally> e : byExperiment.entrySet()) {
            Tally t = e.getValue();
            shares.add(new Share(e.getKey(), t.computed + t.reused, t.computedSeconds + t.reusedRecordedSeconds, t.reusedWithoutRecord));
        }
        shares.sort(Comparator.comparingDouble(Share::seconds).reversed());
        return shares;
    }

    /** The summary: a header, one line per experiment (by name) and the total; nothing when there were no runs. */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (byExperiment.isEmpty()) return lines;
        lines.add(String.format(Locale.ROOT, "%-13s %8s %9s %9s %7s  %s", "experiment", "computed", "wall s", "CPU s", "reused",
                "the reused runs took when computed"));
        Tally total = new Tally();
        for (Map.Entry<String, Tally> e : byExperiment.entrySet()) {
            Tally t = e.getValue();
            lines.add(line(e.getKey(), t));
            total.computed += t.computed;
            total.computedSeconds += t.computedSeconds;
            total.computedCpuSeconds += t.computedCpuSeconds;
            total.reused += t.reused;
            total.reusedRecordedSeconds += t.reusedRecordedSeconds;
            total.reusedWithoutRecord += t.reusedWithoutRecord;
        }
        lines.add(line("all", total));
        return lines;
    }

    private static String line(String name, Tally t) {
        String recorded = t.reused == 0 ? "-" : String.format(Locale.ROOT, "%.1f s", t.reusedRecordedSeconds)
                + (t.reusedWithoutRecord == 0 ? "" : " (" + t.reusedWithoutRecord + " with no record)");
        return String.format(Locale.ROOT, "%-13s %8d %9.1f %9.1f %7d  %s", name, t.computed, t.computedSeconds, t.computedCpuSeconds,
                t.reused, recorded);
    }
}
