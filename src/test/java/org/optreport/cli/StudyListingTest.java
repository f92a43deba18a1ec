package org.optreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.settings.SettingType;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.site.CachedAnalysis;

class StudyListingTest {
    private static final Setting<Integer> SEEDS = Setting.of("seeds", SettingType.integer(1, 9), 5, "seeds per depth").withQuickDefault(2);

    private static final Study<Void> TOY = new Study<>() {
        @Override public String name() { return "toy"; }
        @Override public List<Setting<?>> settings() { return List.of(SEEDS); }
        @Override public Void plan(StudyConfig config, RunPlan runs) { return null; }
        @Override public StudyOutput analyze(Void plan, RunResults results) { throw new UnsupportedOperationException(); }
    };

    private static Panel panel(String id, String title) {
        return new Panel(id, title, Axis.linear("x"), Axis.linear("y"), List.of());
    }

    private static String listing(CachedAnalysis.Outcome outcome) {
        return StudyListing.of(TOY, StudyConfig.defaults("toy", false), outcome, Path.of("cache"));
    }

    @Test void aSettingShowsItsMeaningDefaultsAndWhatItAllows() {
        assertTrue(listing(new CachedAnalysis.NotComputed(1, 2)).contains(
                "    seeds                   seeds per depth\n                            default 5, quick 2; an integer in [1, 9]\n"),
                listing(new CachedAnalysis.NotComputed(1, 2)));
    }

    @Test void figuresListTheirPanelsByLetterAndTitle() {
        StudyOutput output = new StudyOutput(Map.of("loss", Figure.of(panel("l", "training loss"), panel("e", "excess loss"))),
                Map.of("results", new Table(List.of("depth", "steps"), List.of(List.of("2", "10"), List.of("3", "20")))),
                Map.of("learningRate", "0.0125"), Map.of("learningRate", "learning rate η of every run"), Map.of("escapeStep.depth2", 1234.0),
                List.of());
        String listed = listing(new CachedAnalysis.Analysed(output));
        assertTrue(listed.contains("  figures (::: figure toy.NAME)\n    loss\n      (a) training loss\n      (b) excess loss\n"), listed);
        assertTrue(listed.contains("    results                 2 rows: depth | steps\n"), listed);
        assertTrue(listed.contains("  values ({{toy.NAME}})\n    learningRate            0.0125  — learning rate η of every run\n"), listed);
        assertTrue(listed.contains("    escapeStep.depth2       1234\n"), listed);
    }

    @Test void runsMissingFromTheCacheAreCountedNotComputed() {
        assertTrue(listing(new CachedAnalysis.NotComputed(3, 8)).contains(
                "figures, tables and values: not computed: 3 of 8 runs are not in the cache cache (`build` computes them; `list` never runs anything)"));
    }

    @Test void numbersKeepSixSignificantDigits() {
        assertEquals("0.328038", StudyListing.number(0.32803812));
        assertEquals("1.5E-11", StudyListing.number(1.5e-11));
        assertEquals("20000", StudyListing.number(20000));
    }
}
