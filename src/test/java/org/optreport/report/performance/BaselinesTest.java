package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.errors.ContentException;
import org.optreport.report.performance.Baselines.Baseline;

class BaselinesTest {
    static final String HEADER = "work,shape,implementation,seconds,low95,high95,repeats,threads,date,versions,machine\n";
    static final String ROW = "hvp,10x310x310x1,numpy,0.00175,0.00163,0.00186,7,1,2026-11-30,NumPy 1.24.2,\"AMD EPYC, 2 cores\"\n";

    @TempDir Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("baselines.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test void aRowIsReadWithItsQuotedMachine() throws Exception {
        Baselines b = Baselines.read(write("# a comment\n" + HEADER + ROW));
        assertEquals(new Baseline("hvp", "10x310x310x1", "numpy", 0.00175, 0.00163, 0.00186, 7, 1, "2026-11-30", "NumPy 1.24.2",
                "AMD EPYC, 2 cores"), b.rows().get(0));
    }

    @Test void nanMeansNoInterval() throws Exception {
        Baseline b = Baselines.read(write(HEADER + "landscape,\"N=2,3,4\",pytorch,46.4,nan,nan,1,2,2026-11-30,v,m\n")).rows().get(0);
        assertTrue(Double.isNaN(b.low95()) && Double.isNaN(b.high95()));
    }

    @Test void aBadNumberNamesTheFileAndLine() throws Exception {
        Path file = write("# comment\n" + HEADER + ROW + ROW.replace("0.00175", "fast"));
        ContentException e = assertThrows(ContentException.class, () -> Baselines.read(file));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(file + ":4: seconds"), e.getMessage());
    }

    @Test void aMissingFieldNamesTheLine() throws Exception {
        Path file = write(HEADER + ROW.replace(",7,1,", ",7,"));
        assertEquals(2, assertThrows(ContentException.class, () -> Baselines.read(file)).line());
    }

    @Test void aWrongHeaderIsRefused() throws Exception {
        Path file = write(HEADER.replace("seconds", "time") + ROW);
        assertEquals(1, assertThrows(ContentException.class, () -> Baselines.read(file)).line());
    }

    @Test void anAbsentFileHasNoRows() {
        assertEquals(0, Baselines.read(dir.resolve("none.csv")).rows().size());
    }
}
