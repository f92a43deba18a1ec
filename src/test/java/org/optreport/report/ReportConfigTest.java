package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.settings.SettingType;
import org.optreport.report.study.ConfigException;
import org.optreport.report.study.StudyConfig;

class ReportConfigTest {
    private static final Setting<Integer> SEEDS = Setting.of("seeds", SettingType.integer(1, 100), 5, "seeds").withQuickDefault(2);
    private static final Setting<List<Integer>> DEPTHS = Setting.of("depths", SettingType.integers(1, 10), List.of(2, 3, 4), "depths");

    @Test void valuesAndListsAreRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  seeds: 3\n  depths: [2, 3]\n");
        StudyConfig c = ReportConfig.load(f).forStudy("landscape", false);
        assertEquals(3, c.get(SEEDS));
        assertEquals(List.of(2, 3), c.get(DEPTHS));
    }

    @Test void outOfRangeValueNamesFileKeyAndRange(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  seeds: -1\n");
        StudyConfig c = ReportConfig.load(f).forStudy("landscape", false);
        ConfigException e = assertThrows(ConfigException.class, () -> c.get(SEEDS));
        assertEquals(f + ":2: landscape.seeds: '-1' is not allowed: expected an integer in [1, 100]", e.getMessage());
    }

    @Test void malformedYamlNamesTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  seeds: 3\n   bad: [\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ReportConfig.load(f));
        assertTrue(e.getMessage().startsWith(f + ": line "), e.getMessage());
    }

    @Test void unreadKeysAreReportedAsTypos(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  sedes: 3\n");
        StudyConfig c = ReportConfig.load(f).forStudy("landscape", false);
        c.get(SEEDS);
        assertEquals(java.util.Set.of("sedes"), c.unreadKeys());
        assertTrue(c.unknownKey("sedes").getMessage().contains("landscape.sedes: unknown key"));
    }

    @Test void anUnknownKeySuggestsTheKeyItWasMeantToBe(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  sedes: 3\n");
        StudyConfig c = ReportConfig.load(f).forStudy("landscape", false);
        c.get(SEEDS);
        assertEquals(f + ":2: landscape.sedes: unknown key for study 'landscape' (did you mean 'seeds'?)", c.unknownKey("sedes").getMessage());
    }

    @Test void anUnknownKeyLikeNoneListsTheKeysTheStudyReads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  horizon: 3\n");
        StudyConfig c = ReportConfig.load(f).forStudy("landscape", false);
        c.get(SEEDS);
        assertEquals(f + ":2: landscape.horizon: unknown key for study 'landscape' (its keys: seeds)", c.unknownKey("horizon").getMessage());
    }

    @Test void missingFileMeansDefaults(@TempDir Path dir) {
        StudyConfig c = ReportConfig.load(dir.resolve("none.yaml")).forStudy("x", true);
        assertEquals(2, c.get(SEEDS));
    }
}
