package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.build.RunCache;
import org.optreport.report.study.StudyConfig;

class CachedAnalysisTest {
    @TempDir Path dir;
    private SiteFixture fixture;
    private CachedAnalysis analysis;

    @BeforeEach void setUp() throws Exception {
        fixture = new SiteFixture(dir);
        analysis = new CachedAnalysis(fixture.registry(), new RunCache(fixture.cache));
    }

    /** The fixture builds quick: the toy study's two quick runs. */
    private static StudyConfig quick(Map<String, String> values) {
        return new StudyConfig("toy", values, Path.of("report.yaml"), true);
    }

    @Test void runsMissingFromTheCacheAreCountedAndNeverComputed() {
        CachedAnalysis.Outcome outcome = analysis.of(new SiteFixture.ToyStudy(), quick(Map.of()));
        assertEquals(new CachedAnalysis.NotComputed(2, 2), outcome);
        assertEquals(0, fixture.computed.get());
    }

    @Test void cachedRunsGiveTheOutputTheBuildRenders() throws Exception {
        fixture.build(false, false);
        int computedByTheBuild = fixture.computed.get();
        CachedAnalysis.Analysed a = assertInstanceOf(CachedAnalysis.Analysed.class, analysis.of(new SiteFixture.ToyStudy(), quick(Map.of())));
        assertEquals("7.5", a.output().values().get("mean")); // y = x^2 at x = 1..4 for seed 1
        assertEquals(computedByTheBuild, fixture.computed.get());
    }

    @Test void anotherSettingNamesOtherRunsThatAreNotCached() throws Exception {
        fixture.build(false, false);
        assertEquals(new CachedAnalysis.NotComputed(1, 3), analysis.of(new SiteFixture.ToyStudy(), quick(Map.of("seeds", "3"))));
    }

    @Test void aBadSettingMakesTheStudyUnavailableWithTheKeyNamed() {
        CachedAnalysis.Unavailable u = assertInstanceOf(CachedAnalysis.Unavailable.class,
                analysis.of(new SiteFixture.ToyStudy(), quick(Map.of("sedes", "3"))));
        assertTrue(u.reason().contains("toy.sedes: unknown key for study 'toy' (did you mean 'seeds'?)"), u.reason());
    }
}
