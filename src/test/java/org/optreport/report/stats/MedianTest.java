package org.optreport.report.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {
    @Test void anOddCountGivesTheMiddleValue() {
        assertEquals(3, Median.median(5, 1, 3));
    }

    @Test void anEvenCountGivesTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Median.median(4, 1, 2, 3));
    }

    @Test void theValuesOfItemsAreTakenInValueOrder() {
        record Run(String seed, double loss) {}
        List<Run> runs = List.of(new Run("a", 0.3), new Run("b", 0.1), new Run("c", 0.2), new Run("d", 10));
        assertEquals((0.2 + 0.3) / 2, Median.median(runs, Run::loss));
    }

    @Test void theCallersArrayIsLeftAsItWas() {
        double[] values = {3, 1, 2};
        Median.median(values);
        assertArrayEquals(new double[] {3, 1, 2}, values);
    }

    @Test void sortedValuesAreReadInPlace() {
        assertEquals(20, Median.medianOfSorted(new double[] {-1, 10, 30, 1e9}));
    }

    @Test void noValuesHaveNoMedian() {
        assertThrows(IllegalArgumentException.class, () -> Median.median());
    }
}
