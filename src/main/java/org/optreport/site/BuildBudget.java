package org.optreport.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.optreport.build.ExperimentTimes;
import org.optreport.report.output.Format;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;

/**
 * What pages quote as {@code build.*}: the build budget (how long a whole build, a preview and a rebuild after a prose
 * edit take, against their targets) and where the runs' time goes. The figures are the build's own: this build's time
 * where it is a build the budget judges (a mark that {@link BuildTime#fill} replaces at the end, with its verdict), else
 * the last such build recorded in the cache ({@link BuildRecords}). No study computes these: they describe the build,
 * not an experiment.
 */
final class BuildBudget {
    static final String NAME = "build";
    /** Issue 18's targets: the default build (the report build, on the machine's cores) and a preview from an empty cache. */
    static final double DEFAULT_TARGET_SECONDS = 240, QUICK_TARGET_SECONDS = 60;
    /** The largest share of the runs' time one configuration may take without dominating the build. */
    static final double HEAVIEST_TARGET_SHARE = 0.5;

    private BuildBudget() {}

    /**
     * The budget's values and tables for pages. {@code thisBuild}: the kind this build is if it computed every run (its
     * row shows this build's reading, filled in by {@code time}); {@code runs}: how many runs it has; {@code shares}:
     * the run time by experiment; {@code heaviest}: the configuration (its seeds together) whose runs took the most; {@code whole}: whether this build runs every page's runs (not {@code --only});
     * {@code jobs}: how many runs the build computes at once; {@code peakSoFar}: this process's peak resident memory when the pages are made.
     */
    static StudyOutput output(Map<BuildRecords.Kind, BuildRecords.Entry> records, Optional<BuildRecords.Kind> thisBuild, int runs,
                              BuildTime time, List<ExperimentTimes.Share> shares, Optional<ExperimentTimes.Heaviest> heaviest, boolean whole,
                              int jobs, OptionalLong peakSoFar) {
        QuotedValues values = new QuotedValues();
        values.put("defaultTargetSeconds", amount(DEFAULT_TARGET_SECONDS), "target of a default build from an empty cache, seconds");
        values.put("quickTargetSeconds", amount(QUICK_TARGET_SECONDS), "target of a preview (build --quick) from an empty cache, seconds");
        values.put("proseTargetSeconds", amount(ProseRebuild.TARGET_SECONDS), "target of a rebuild after a prose edit, seconds");
        values.put("proseTargetMegabytes", amount(ProseRebuild.TARGET_MEGABYTES), "target of a rebuild after a prose edit, peak resident MB");
        List<List<String>> rows = new ArrayList<>();
        double total = shares.stream().mapToDouble(ExperimentTimes.Share::seconds).sum();
        List<String> defaultRow = scratchRow("default build from an empty cache", BuildRecords.Kind.DEFAULT, DEFAULT_TARGET_SECONDS, records, thisBuild, runs, time, peakSoFar);
        rows.add(whole && !thisBuild.isPresent() && !records.containsKey(BuildRecords.Kind.DEFAULT) && total > 0 && jobs > 0
                ? lowerBoundRow(defaultRow, total, jobs) : defaultRow);
        rows.add(scratchRow("preview (build --quick) from an empty cache", BuildRecords.Kind.QUICK, QUICK_TARGET_SECONDS, records, thisBuild, runs, time, peakSoFar));
        rows.add(proseRow("rebuild after a prose edit with build (nothing computed or drawn), from the JVM's start", records.get(BuildRecords.Kind.PROSE)));
        rows.add(proseRow("the same under serve --watch, in the preview server's JVM (peak: the server process's)", records.get(BuildRecords.Kind.WATCH)));
        List<String> heaviestRow = heaviestRow(heaviest, total, whole);
        rows.add(heaviestRow);
        values.put("heaviestVerdict", heaviestRow.get(3), "verdict on no configuration taking half of all runs' time (not measured under build --only)");
        Table budget = new Table(List.of("build", "target", "measured", "verdict"), rows);

        List<List<String>> timeRows = new ArrayList<>();
        for (ExperimentTimes.Share s : shares)
            timeRows.add(List.of(s.experiment(), Format.integer(s.runs()), Format.sig(s.seconds(), 3),
                    total > 0 ? percent(s.seconds() / total) : "–", note(s, whole)));
        Table runTimes = new Table(List.of("experiment", "runs", "run seconds", "share", "note"), timeRows);
        values.put("runSeconds", total > 0 ? Format.sig(total, 3) : "none recorded", "seconds all runs of this build took when they were computed");
        values.put("heaviestConfiguration", heaviest.map(ExperimentTimes.Heaviest::label).orElse("none"),
                "the configuration (an experiment's runs that differ only in their seed) whose runs take the most time");
        values.put("heaviestShare", heaviest.isEmpty() || total <= 0 ? "–" : percent(heaviest.get().seconds() / total),
                "its share of all runs' time");
        ExperimentTimes.Share largest = shares.isEmpty() ? null : shares.get(0);
        values.put("largestExperiment", largest == null ? "none" : largest.experiment(), "the experiment whose runs take the most time");
        values.put("largestShare", largest == null || total <= 0 ? "–" : percent(largest.seconds() / total), "its share of all runs' time");
        return new StudyOutput(Map.of(), Map.of("budget", budget, "runTimes", runTimes), values, List.of());
    }

    private static List<String> scratchRow(String what, BuildRecords.Kind kind, double target, Map<BuildRecords.Kind, BuildRecords.Entry> records,
                                           Optional<BuildRecords.Kind> thisBuild, int runs, BuildTime time, OptionalLong peakSoFar) {
        String targetText = "at most " + amount(target) + " s";
        if (thisBuild.equals(Optional.of(kind)))
            return List.of(what, targetText, time.mark() + " s, this build (" + Format.integer(runs) + " runs computed" + memory(peakSoFar, "so far") + ")",
                    time.verdictMark(target));
        BuildRecords.Entry last = records.get(kind);
        if (last == null) return List.of(what, targetText, "not recorded in this cache", "not measured");
        return List.of(what, targetText, recorded(last), last.seconds() <= target ? "met" : "missed");
    }

    /**
     * Without a record of a default build, the runs' own recorded times still bound one from below: computing them on
     * {@code jobs} at once takes at least their sum over {@code jobs}, so a bound above the target is a miss.
     */
    private static List<String> lowerBoundRow(List<String> row, double runSeconds, int jobs) {
        double bound = runSeconds / jobs;
        return List.of(row.get(0), row.get(1), "not recorded in this cache; at least " + Format.sig(bound, 3) + " s: its runs took "
                + Format.sig(runSeconds, 3) + " s when computed, " + jobs + " at a time", bound > DEFAULT_TARGET_SECONDS ? "missed" : "not measured");
    }

    private static List<String> proseRow(String what, BuildRecords.Entry last) {
        String targetText = "at most " + amount(ProseRebuild.TARGET_SECONDS) + " s and " + amount(ProseRebuild.TARGET_MEGABYTES) + " MB";
        if (last == null) return List.of(what, targetText, "not recorded in this cache", "not measured");
        boolean met = last.seconds() <= ProseRebuild.TARGET_SECONDS && last.peakResidentBytes().isPresent()
                && last.peakMegabytes() <= ProseRebuild.TARGET_MEGABYTES;
        return List.of(what, targetText, recorded(last), met ? "met" : "missed");
    }

    /**
     * Issue 18's "the widest widths no longer dominate the build", in the build's terms: no one configuration (an
     * experiment's runs that differ only in their seed) takes half of all runs' time or more.
     */
    private static List<String> heaviestRow(Optional<ExperimentTimes.Heaviest> heaviest, double total, boolean whole) {
        String what = "the heaviest configuration's runs (its seeds together), as a share of all runs' time";
        String target = "under " + percent(HEAVIEST_TARGET_SHARE);
        if (heaviest.isEmpty() || total <= 0) return List.of(what, target, "no run time recorded", "not measured");
        ExperimentTimes.Heaviest h = heaviest.get();
        double share = h.seconds() / total;
        String measured = percent(share) + ": " + h.label() + ", " + Format.integer(h.runs()) + (h.runs() == 1 ? " run, " : " runs, ")
                + Format.sig(h.seconds(), 3) + " s of " + Format.sig(total, 3) + " s" + (whole ? "" : " (the runs of one page: build --only)");
        return List.of(what, target, measured, !whole ? "not measured" : share < HEAVIEST_TARGET_SHARE ? "met" : "missed");
    }

    /** A recorded build: its seconds and memory, runs, date and commit. */
    private static String recorded(BuildRecords.Entry e) {
        String commit = e.commit().isEmpty() ? "" : ", commit " + e.commit().substring(0, Math.min(12, e.commit().length()));
        String runs = e.runs() > 0 ? Format.integer(e.runs()) + " runs computed" : "no run computed";
        return Format.sig(e.seconds(), 3) + " s (" + runs + memory(e.peakResidentBytes(), "peak") + "; recorded "
                + e.when().substring(0, Math.min(16, e.when().length())).replace('T', ' ') + " UTC" + commit
                + (e.cores() > 0 ? ", " + e.cores() + " cores" : "") + ")";
    }

    private static String memory(OptionalLong bytes, String when) {
        return bytes.isPresent() ? ", " + Format.sig(bytes.getAsLong() / (1024.0 * 1024.0), 3) + " MB resident " + when : "";
    }

    private static String note(ExperimentTimes.Share s, boolean whole) {
        List<String> notes = new ArrayList<>();
        if (s.withoutRecord() > 0) notes.add(s.withoutRecord() + " reused without a record of their time");
        if (!whole) notes.add("only the runs of the page this build rendered (build --only)");
        return String.join("; ", notes);
    }

    /** A target in seconds or megabytes as the page states it: whole numbers without decimals. */
    private static String amount(double v) { return v == Math.rint(v) ? Format.integer((long) v) : Format.sig(v, 3); }

    private static String percent(double fraction) { return String.format(Locale.ROOT, "%.0f%%", 100 * fraction); }
}
