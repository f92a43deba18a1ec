package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.study.ConfigException;
import org.optreport.report.study.StudyConfig;

class ReportConfigTest {
    @Test void valuesAndListsAreRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  seeds: 3\n  depths: [2, 3]\n");
        StudyConfig c = ReportConfig.load(f).forStudy("landscape", false);
        assertEquals(3, c.integer("seeds", 5, 2, 1, 100));
        assertEquals(List.of(2, 3), c.integers("depths", List.of(2, 3, 4), List.of(2), 1, 10));
    }

    @Test void outOfRangeValueNamesFileKeyAndRange(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.yaml");
        Files.writeString(f, "landscape:\n  seeds: -1\n");
        StudyConfig c = ReportConfig.load(f).forStudy("landscape", false);
        ConfigException e = assertThrows(ConfigException.class, () -> c.integer("seeds", 5, 2, 1, 100));
        assertEquals(f + ": landscape.seeds: '-1' is not allowed: expected an integer in [1, 100]", e.getMessage());
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
        c.integer("seeds", 5, 2, 1, 100);
        assertEquals(java.util.Set.of("sedes"), c.unreadKeys());
        assertTrue(c.unknownKey("sedes").getMessage().contains("landscape.sedes: unknown key"));
    }

    @Test void missingFileMeansDefaults(@TempDir Path dir) {
        StudyConfig c = ReportConfig.load(dir.resolve("none.yaml")).forStudy("x", true);
        assertEquals(2, c.integer("seeds", 5, 2, 1, 100));
    }
}
