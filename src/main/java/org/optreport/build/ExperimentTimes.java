package org.optreport.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
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
    /** Seconds by configuration: an experiment's runs that differ only in their seed, counted together. */
    private final Map<Configuration, double[]> byConfiguration = new HashMap<>();

    /** The parameters that name a run's seed: runs that differ only in these are one configuration. */
    static final Set<String> SEED_PARAMETERS = Set.of("seed", "seeds");

    private record Configuration(String experiment, SortedMap<String, String> parameters) {
        static Configuration of(String experiment, SortedMap<String, String> parameters) {
            SortedMap<String, String> rest = new TreeMap<>(parameters);
            rest.keySet().removeAll(SEED_PARAMETERS);
            return new Configuration(experiment, rest);
        }
    }

    /**
     * A run computed in {@code seconds} of wall-clock time, of which {@code cpuSeconds} on the thread that ran it (an
     * experiment that starts processes of its own, as the benchmarks' forks, spends most of its CPU outside it).
     */
    synchronized void computed(String experiment, SortedMap<String, String> parameters, double seconds, double cpuSeconds) {
        addToConfiguration(experiment, parameters, seconds);
        Tally t = tally(experiment);
        t.computed++;
        t.computedSeconds += seconds;
        t.computedCpuSeconds += cpuSeconds;
    }

    /** A run reused from the cache, with the seconds its computation took if they were recorded. */
    synchronized void reused(String experiment, SortedMap<String, String> parameters, OptionalDouble recordedSeconds) {
        addToConfiguration(experiment, parameters, recordedSeconds.orElse(0));
        Tally t = tally(experiment);
        t.reused++;
        if (recordedSeconds.isPresent()) t.reusedRecordedSeconds += recordedSeconds.getAsDouble();
        else t.reusedWithoutRecord++;
    }

    private void addToConfiguration(String experiment, SortedMap<String, String> parameters, double seconds) {
        double[] runsAndSeconds = byConfiguration.computeIfAbsent(Configuration.of(experiment, parameters), c -> new double[2]);
        runsAndSeconds[0]++;
        runsAndSeconds[1] += seconds;
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

    /**
     * The configuration whose runs took the most time (its seeds together): {@code label} names its experiment and the
     * parameters in which it differs from that experiment's other configurations, e.g. "ultrawide widths=100000".
     */
    public record Heaviest(String label, int runs, double seconds) {}

    /** The heaviest configuration, if any run's time is known. */
    public synchronized Optional<Heaviest> heaviestConfiguration() {
        Optional<Map.Entry<Configuration, double[]>> top = byConfiguration.entrySet().stream()
                .filter(e -> e.getValue()[1] > 0).max(Comparator.comparingDouble(e -> e.getValue()[1]));
        if (top.isEmpty()) return Optional.empty();
        Configuration c = top.get().getKey();
        List<String> varying = new ArrayList<>();
        for (Map.Entry<String, String> parameter : c.parameters().entrySet()) {
            boolean varies = byConfiguration.keySet().stream().filter(o -> o.experiment().equals(c.experiment()))
                    .anyMatch(o -> !parameter.getValue().equals(o.parameters().get(parameter.getKey())));
            if (varies) varying.add(parameter.getKey() + "=" + parameter.getValue());
        }
        String label = varying.isEmpty() ? c.experiment() : c.experiment() + " " + String.join(" ", varying);
        return Optional.of(new Heaviest(label, (int) top.get().getValue()[0], top.get().getValue()[1]));
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
