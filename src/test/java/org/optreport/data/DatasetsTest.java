package org.optreport.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.output.Table;

class DatasetsTest {
    @Test void diabetesHasTheDocumentedShapeAndFirstRow() {
        Dataset d = Datasets.load("diabetes");
        assertEquals(442, d.samples());
        assertEquals(10, d.inputDimension());
        assertEquals(1, d.outputDimension());
        // first patient of Efron et al. (2004), Table 1: age 59, sex 2, BMI 32.1, ..., progression 151
        assertEquals(59, d.x().get(0, 0));
        assertEquals(32.1, d.x().get(0, 2));
        assertEquals(151, d.y().get(0, 0));
    }

    @Test void linnerudHasThreeInputsAndThreeOutputs() {
        Dataset d = Datasets.load("linnerud");
        assertEquals(20, d.samples());
        assertEquals(List.of("Chins", "Situps", "Jumps"), d.inputColumns());
        assertEquals(List.of("Weight", "Waist", "Pulse"), d.targetColumns());
    }

    @Test void csvFileDefaultsToLastColumnAsTarget(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, "u,v,t\n1,2,3\n4,5,7\n");
        Dataset d = Datasets.load(file.toString());
        assertEquals(List.of("u", "v"), d.inputColumns());
        assertEquals(7, d.y().get(1, 0));
    }

    @Test void csvFileColumnsByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, "u,v,t\n1,2,3\n4,5,7\n");
        Dataset d = Datasets.load(file.toString(), List.of("t"), List.of("u", "v"));
        assertEquals(3, d.x().get(0, 0));
        assertEquals(2, d.outputDimension());
    }

    @Test void unknownDatasetNamesTheBundledOnes() {
        DataException e = assertThrows(DataException.class, () -> Datasets.load("no-such-thing"));
        assertTrue(e.getMessage().contains("diabetes, linnerud"), e.getMessage());
    }

    /** report.yaml can spell a NUL ("\0"), which no path may hold: bad data, not the JDK's InvalidPathException. */
    @Test void aNameNoFileSystemAcceptsIsAnUnknownDataset() {
        DataException e = assertThrows(DataException.class, () -> Datasets.load("data\0.csv"));
        assertTrue(e.getMessage().startsWith("unknown dataset 'data\0.csv': not a bundled name (diabetes, linnerud) and not a valid path"),
                e.getMessage());
    }

    @Test void contentHashDependsOnTheBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "u,t\n1,2\n");
        String before = Datasets.contentHash(file.toString());
        Files.writeString(file, "u,t\n1,3\n");
        assertNotEquals(before, Datasets.contentHash(file.toString()));
    }
}
