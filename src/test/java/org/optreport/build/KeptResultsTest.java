package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeptResultsTest {
    private static final Path A = Path.of("cache/x/a.json"), B = Path.of("cache/x/b.json");
    private static final KeptResults.Stamp STAMP = new KeptResults.Stamp("abc", 10, FileTime.fromMillis(1000));

    @Test void aResultIsFoundInTheNextBuildOnlyWithTheSameStamp() {
        KeptResults<String> kept = new KeptResults<>();
        kept.keep(A, STAMP, "a", false);
        assertTrue(kept.find(A, STAMP).isEmpty(), "not before this build ends");
        kept.endBuild();
        assertEquals(Optional.of(new KeptResults.Kept<>("a", false)), kept.find(A, STAMP));
        assertTrue(kept.find(A, new KeptResults.Stamp("abd", 10, FileTime.fromMillis(1000))).isEmpty(), "another checksum");
        assertTrue(kept.find(A, new KeptResults.Stamp("abc", 11, FileTime.fromMillis(1000))).isEmpty(), "another size");
        assertTrue(kept.find(A, new KeptResults.Stamp("abc", 10, FileTime.fromMillis(1001))).isEmpty(), "another time");
    }

    @Test void onlyTheLastBuildsResultsAreKept() {
        KeptResults<String> kept = new KeptResults<>();
        kept.keep(A, STAMP, "a", false);
        kept.keep(B, STAMP, "b", true);
        kept.endBuild();
        kept.keep(B, STAMP, "b", true); // the next build reads only B
        kept.endBuild();
        assertTrue(kept.find(A, STAMP).isEmpty(), "A was not part of the last build");
        assertEquals(Optional.of(new KeptResults.Kept<>("b", true)), kept.find(B, STAMP));
    }
}
