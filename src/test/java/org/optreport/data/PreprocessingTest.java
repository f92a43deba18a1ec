package org.optreport.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {
    private final Dataset diabetes = Datasets.load("diabetes");

    @Test void standardizedColumnsHaveMeanZeroAndUnitVariance() {
        Dataset s = Preprocessing.standardize(diabetes);
        for (int j = 0; j < s.inputDimension(); j++) {
            double mean = 0, sq = 0;
            for (int i = 0; i < s.samples(); i++) mean += s.x().get(i, j);
            mean /= s.samples();
            for (int i = 0; i < s.samples(); i++) sq += Math.pow(s.x().get(i, j) - mean, 2);
            assertEquals(0, mean, 1e-12);
            assertEquals(1, sq / s.samples(), 1e-12);
        }
    }

    @Test void unitNormRowsHaveNormOne() {
        Dataset u = Preprocessing.unitNormRows(Preprocessing.standardize(diabetes));
        for (int i = 0; i < u.samples(); i++) {
            double s = 0;
            for (int j = 0; j < u.inputDimension(); j++) s += u.x().get(i, j) * u.x().get(i, j);
            assertEquals(1, s, 1e-12);
        }
    }

    @Test void valuesWhoseVarianceOverflowsNameTheFileAndColumn(@TempDir Path dir) throws Exception {
        // finite cells (the CSV reader accepts them) whose sum and squares exceed the largest double
        Path file = dir.resolve("huge.csv");
        Files.writeString(file, "a,b,y\n1,1.7e308,0\n2,-1.7e308,1\n3,1.6e308,0\n");
        Dataset data = Datasets.load(file.toString());
        DataException e = assertThrows(DataException.class, () -> Preprocessing.standardize(data));
        assertTrue(e.getMessage().startsWith("huge.csv, column 'b': values too large to standardize"), e.getMessage());
    }

    @Test void tooManySamplesIsAnError() {
        DataException e = assertThrows(DataException.class, () -> Preprocessing.firstSamples(diabetes, 1000));
        assertTrue(e.getMessage().contains("1000 samples requested but the dataset has only 442"));
    }

    @Test void firstSamplesKeepsTheFileOrder() {
        Dataset f = Preprocessing.firstSamples(diabetes, 3);
        assertEquals(3, f.samples());
        assertEquals(diabetes.x().get(2, 4), f.x().get(2, 4));
    }
}
