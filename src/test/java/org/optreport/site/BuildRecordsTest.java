package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRecordsTest {
    @Test void aWholeBuildThatComputedEveryRunIsABuildFromAnEmptyCache() {
        assertEquals(Optional.of(BuildRecords.Kind.DEFAULT), BuildRecords.kindOf(135, 135, 0, 22, false, true));
        assertEquals(Optional.of(BuildRecords.Kind.QUICK), BuildRecords.kindOf(64, 64, 0, 22, true, true));
        assertEquals(Optional.empty(), BuildRecords.kindOf(135, 134, 1, 22, false, true), "one run reused: not from an empty cache");
    }

    @Test void aBuildThatComputedAndDrewNothingIsAProseRebuild() {
        assertEquals(Optional.of(BuildRecords.Kind.PROSE), BuildRecords.kindOf(135, 0, 135, 0, false, true));
        assertEquals(Optional.empty(), BuildRecords.kindOf(135, 0, 135, 1, false, true), "a figure drawn: not a prose rebuild");
    }

    @Test void aBuildOfOnePageIsNoneOfThem() {
        assertEquals(Optional.empty(), BuildRecords.kindOf(46, 0, 46, 0, false, false));
        assertEquals(Optional.empty(), BuildRecords.kindOf(46, 46, 0, 5, false, false));
    }

    @Test void eachKindKeepsItsLastBuildAndTheOthersStay(@TempDir Path cache) {
        BuildRecords.Entry first = new BuildRecords.Entry("2026-11-30T10:00:00Z", "abc", 700.5, OptionalLong.of(700L << 20), 135, 2);
        BuildRecords.Entry prose = new BuildRecords.Entry("2026-11-30T11:00:00Z", "abc", 9.25, OptionalLong.empty(), 0, 2);
        BuildRecords.Entry second = new BuildRecords.Entry("2026-11-30T12:00:00Z", "def", 650, OptionalLong.of(1L << 29), 135, 2);
        BuildRecords.write(cache, BuildRecords.Kind.DEFAULT, first);
        BuildRecords.write(cache, BuildRecords.Kind.PROSE, prose);
        BuildRecords.write(cache, BuildRecords.Kind.DEFAULT, second);
        assertEquals(Map.of(BuildRecords.Kind.DEFAULT, second, BuildRecords.Kind.PROSE, prose), BuildRecords.read(cache));
    }

    @Test void aMissingOrDamagedFileMeansNoRecord(@TempDir Path cache) throws Exception {
        assertTrue(BuildRecords.read(cache).isEmpty());
        Files.writeString(cache.resolve(BuildRecords.FILE), "{\"default\": {\"seconds\": ");
        assertTrue(BuildRecords.read(cache).isEmpty());
        Files.writeString(cache.resolve(BuildRecords.FILE), "{\"default\": {\"seconds\": \"fast\", \"when\": \"x\"}}");
        assertTrue(BuildRecords.read(cache).isEmpty(), "an entry without a number of seconds is no record");
    }
}
