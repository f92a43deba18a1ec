package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LevelCrossingsTest {
    private static LevelCrossings seen(double level, double... values) {
        LevelCrossings c = new LevelCrossings(level);
        for (int t = 0; t < values.length; t++) c.add(t, values[t]);
        return c;
    }

    @Test void firstStepAtOrBelowAndTheStepFromWhichItStaysThere() {
        LevelCrossings c = seen(1, 3, 1, 2, 0.5, 0.7);
        assertEquals(1, c.firstStepAtOrBelow(), "the level itself counts as reached");
        assertEquals(3, c.stepFromWhichAtOrBelow(), "one more than the last step above (2)");
    }

    @Test void edges() {
        assertEquals(0, seen(1, 0.5, 0.2).stepFromWhichAtOrBelow(), "never above");
        assertEquals(-1, seen(1, 0.5, 2).stepFromWhichAtOrBelow(), "ends above");
        assertEquals(-1, seen(1, 2, 3).firstStepAtOrBelow(), "never reached");
        assertEquals(-1, new LevelCrossings(1).stepFromWhichAtOrBelow(), "nothing seen");
        assertEquals(-1, seen(1, 0.5, Double.NaN).stepFromWhichAtOrBelow(), "NaN is not below");
        assertThrows(IllegalArgumentException.class, () -> seen(1, 0.5).add(0, 0.1));
    }
}
