package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProseRebuildTest {
    @Test void thePeakIsVmHwmInBytes(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  381868 kB\nVmRSS:\t  200000 kB\n");
        assertEquals(OptionalLong.of(381868L * 1024), ProseRebuild.peakResidentBytes(status));
    }

    @Test void aStatusWithoutVmHwmLeavesThePeakUnknownAndTheTargetUnmet(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\n");
        assertEquals(OptionalLong.empty(), ProseRebuild.peakResidentBytes(status));
        assertFalse(new ProseRebuild.Figure(1, OptionalLong.empty()).met());
    }

    @Test void bothTargetsMustHold() {
        long mb = 1024 * 1024;
        assertTrue(new ProseRebuild.Figure(3.0, OptionalLong.of(512 * mb)).met());
        assertFalse(new ProseRebuild.Figure(3.1, OptionalLong.of(100 * mb)).met());
        assertFalse(new ProseRebuild.Figure(1.0, OptionalLong.of(513 * mb)).met());
    }
}
