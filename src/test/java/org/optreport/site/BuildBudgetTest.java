package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.build.ExperimentTimes;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;

class BuildBudgetTest {
    private static final List<ExperimentTimes.Share> SHARES = List.of(new ExperimentTimes.Share("ultrawide", 45, 300, 0),
            new ExperimentTimes.Share("landscape", 17, 100, 2));

    private static List<String> row(StudyOutput out, String startsWith) {
        Table t = out.tables().get("budget");
        return t.rows().stream().filter(r -> r.get(0).startsWith(startsWith)).findFirst().orElseThrow();
    }

    @Test void aRecordedBuildIsJudgedByItsTime() {
        Map<BuildRecords.Kind, BuildRecords.Entry> records = Map.of(
                BuildRecords.Kind.DEFAULT, new BuildRecords.Entry("2026-11-30T10:00:00Z", "abc", 241, OptionalLong.empty(), 135, 2),
                BuildRecords.Kind.QUICK, new BuildRecords.Entry("2026-11-30T10:00:00Z", "abc", 59.5, OptionalLong.empty(), 64, 2));
        StudyOutput out = BuildBudget.output(records, Optional.empty(), 135, new BuildTime(), SHARES, Optional.empty(), true, 2, OptionalLong.empty());
        assertEquals("missed", row(out, "default").get(3));
        assertEquals("met", row(out, "preview").get(3));
        assertTrue(row(out, "default").get(2).startsWith("241 s"), row(out, "default").toString());
        assertEquals("not measured", row(out, "rebuild").get(3), "no prose rebuild recorded");
    }

    @Test void aProseRebuildMustMeetBothTimeAndMemory() {
        BuildRecords.Entry fastButLarge = new BuildRecords.Entry("2026-11-30T10:00:00Z", "abc", 2.5, OptionalLong.of(600L << 20), 0, 2);
        BuildRecords.Entry fastAndSmall = new BuildRecords.Entry("2026-11-30T10:00:00Z", "abc", 2.5, OptionalLong.of(400L << 20), 0, 2);
        BuildRecords.Entry memoryUnknown = new BuildRecords.Entry("2026-11-30T10:00:00Z", "abc", 2.5, OptionalLong.empty(), 0, 2);
        assertEquals("missed", row(budget(fastButLarge), "rebuild").get(3));
        assertEquals("met", row(budget(fastAndSmall), "rebuild").get(3));
        assertEquals("missed", row(budget(memoryUnknown), "rebuild").get(3));
    }

    private static StudyOutput budget(BuildRecords.Entry prose) {
        return BuildBudget.output(Map.of(BuildRecords.Kind.PROSE, prose), Optional.empty(), 0, new BuildTime(), SHARES, Optional.empty(), true, 2, OptionalLong.empty());
    }

    @Test void thisBuildsRowIsFilledInWithItsTimeAndVerdictWhenTheBuildEnds(@TempDir Path site) throws Exception {
        BuildTime time = new BuildTime();
        StudyOutput out = BuildBudget.output(Map.of(), Optional.of(BuildRecords.Kind.QUICK), 64, time, SHARES, Optional.empty(), true, 2, OptionalLong.empty());
        List<String> preview = row(out, "preview");
        Files.writeString(site.resolve("a.html"), "<td>" + preview.get(2) + "</td><td>" + preview.get(3) + "</td>");
        Files.writeString(site.resolve("b.html"), "<td>" + preview.get(2) + "</td><td>" + preview.get(3) + "</td>");
        time.fill(site.resolve(""), 61.25);
        assertTrue(Files.readString(site.resolve("a.html")).startsWith("<td>61.3 s, this build (64 runs computed)</td><td>missed</td>"),
                Files.readString(site.resolve("a.html")));
        BuildTime fast = new BuildTime();
        List<String> again = row(BuildBudget.output(Map.of(), Optional.of(BuildRecords.Kind.QUICK), 64, fast, SHARES, Optional.empty(), true, 2, OptionalLong.empty()), "preview");
        Files.writeString(site.resolve("b.html"), again.get(3));
        fast.fill(site, 42);
        assertEquals("met", Files.readString(site.resolve("b.html")));
    }

    @Test void runTimesAreSharesOfAllRunsLargestFirst() {
        StudyOutput out = BuildBudget.output(Map.of(), Optional.empty(), 62, new BuildTime(), SHARES, Optional.empty(), true, 2, OptionalLong.empty());
        List<List<String>> rows = out.tables().get("runTimes").rows();
        assertEquals(List.of("ultrawide", "45", "300", "75%", ""), rows.get(0));
        assertEquals("25%", rows.get(1).get(3));
        assertTrue(rows.get(1).get(4).contains("2 reused without a record"), rows.get(1).toString());
        assertEquals("ultrawide", out.values().get("largestExperiment"));
        assertEquals("75%", out.values().get("largestShare"));
        assertEquals("400", out.values().get("runSeconds"));
    }

    @Test void withoutARecordTheRunsTimesBoundADefaultBuildFromBelow() {
        List<ExperimentTimes.Share> long_ = List.of(new ExperimentTimes.Share("ultrawide", 45, 1000, 0));
        List<String> row = row(BuildBudget.output(Map.of(), Optional.empty(), 45, new BuildTime(), long_, Optional.empty(), true, 2, OptionalLong.empty()), "default");
        assertTrue(row.get(2).contains("at least 500 s"), row.toString());
        assertEquals("missed", row.get(3));
        List<String> short_ = row(BuildBudget.output(Map.of(), Optional.empty(), 62, new BuildTime(), SHARES, Optional.empty(), true, 2, OptionalLong.empty()), "default");
        assertEquals("not measured", short_.get(3), "400 s of runs on 2 jobs bound the build at 200 s, below the target: no verdict");
    }

    @Test void aConfigurationTakingHalfOfAllRunsTimeDominatesTheBuild() {
        var half = Optional.of(new ExperimentTimes.Heaviest("ultrawide widths=100000", 5, 200));
        var less = Optional.of(new ExperimentTimes.Heaviest("ultrawide widths=100000", 5, 199));
        StudyOutput out = BuildBudget.output(Map.of(), Optional.empty(), 62, new BuildTime(), SHARES, half, true, 2, OptionalLong.empty());
        List<String> dominated = row(out, "the heaviest");
        assertEquals("missed", out.values().get("heaviestVerdict"), "the page quotes the row's verdict");
        assertEquals("missed", dominated.get(3), "200 s of 400 s is half");
        assertTrue(dominated.get(2).startsWith("50%: ultrawide widths=100000, 5 runs, 200 s of 400 s"), dominated.toString());
        assertEquals("met", row(BuildBudget.output(Map.of(), Optional.empty(), 62, new BuildTime(), SHARES, less, true, 2, OptionalLong.empty()), "the heaviest").get(3));
        assertEquals("not measured", row(BuildBudget.output(Map.of(), Optional.empty(), 62, new BuildTime(), SHARES, half, false, 2, OptionalLong.empty()), "the heaviest").get(3),
                "build --only sees one page's runs");
    }

    @Test void aRebuildUnderServeWatchHasItsOwnRow() {
        BuildRecords.Entry warm = new BuildRecords.Entry("2026-11-30T10:00:00Z", "abc", 1.5, OptionalLong.of(400L << 20), 0, 2);
        StudyOutput out = BuildBudget.output(Map.of(BuildRecords.Kind.WATCH, warm), Optional.empty(), 0, new BuildTime(), SHARES, Optional.empty(), true, 2, OptionalLong.empty());
        assertEquals("met", row(out, "the same under serve --watch").get(3));
        assertEquals("not measured", row(out, "rebuild").get(3), "the cold rebuild is judged apart");
    }
}
