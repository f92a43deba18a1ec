package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.settings.SettingType;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;

/** docs/studies.md is generated from the studies' declarations; this test keeps it equal to them. */
class StudiesReferenceTest {
    @Test void theReferencePageMatchesTheDeclarations() throws Exception {
        String page = Files.readString(Path.of(StudiesReference.FILE)), expected = StudiesReference.markdown(Studies.standard());
        assertTrue(page.equals(expected), () -> StudiesReference.FILE + " is stale: a study's settings changed. "
                + firstDifference(expected, page) + "Regenerate it with\n  " + StudiesReference.REGENERATE + "\n");
    }

    /** The first line that differs, as a reader would look for it. */
    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String want = i < e.length ? e[i] : "(end of page)", have = i < a.length ? a[i] : "(end of page)";
            if (!want.equals(have)) return "Line " + (i + 1) + " is\n  " + have + "\nand should be\n  " + want + "\n";
        }
        return "";
    }

    @Test void everyStudyAndEverySettingIsOnThePage() {
        String page = StudiesReference.markdown(Studies.standard());
        for (String name : Studies.standard().names()) {
            assertTrue(page.contains("\n## " + name + "\n"), name);
            for (Setting<?> s : Studies.standard().find(name).settings()) assertTrue(page.contains("| `" + s.key() + "` |"), name + "." + s.key());
        }
    }

    @Test void aChangedDefaultChangesThePage() {
        Setting<Integer> five = Setting.of("seeds", SettingType.integer(1, 9), 5, "seeds");
        assertNotEquals(StudiesReference.markdown(new Studies(List.of(new OneSetting(five)))),
                StudiesReference.markdown(new Studies(List.of(new OneSetting(five.withQuickDefault(2))))));
    }

    @Test void aQuickDefaultAndAListAreWrittenAsInReportYaml() {
        Setting<List<Integer>> depths = Setting.of("depths", SettingType.integers(1, 9), List.of(2, 3), "depths").withQuickDefault(List.of(2));
        assertTrue(StudiesReference.markdown(new Studies(List.of(new OneSetting(depths))))
                .contains("| `depths` | `[2, 3]` | `[2]` | a comma-separated list of integers in [1, 9] | depths |"));
    }

    /** A study declaring one setting, and nothing else. */
    private record OneSetting(Setting<?> setting) implements Study<Void> {
        @Override public String name() { return "one"; }
        @Override public List<Setting<?>> settings() { return List.of(setting); }
        @Override public Void plan(StudyConfig config, RunPlan runs) { return null; }
        @Override public StudyOutput analyze(Void plan, RunResults results) { throw new UnsupportedOperationException(); }
    }
}
