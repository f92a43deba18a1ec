package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DlnShapeTest {
    @Test void parsesWidthsAndCountsParameters() {
        DlnShape s = DlnShape.parse("10x310x310x1");
        assertArrayEquals(new int[] {10, 310, 310, 1}, s.widths());
        assertEquals(3, s.depth());
        assertEquals(10 * 310 + 310 * 310 + 310, s.parameterCount());
        assertEquals(s.parameterCount(), s.network().parameterCount());
        assertEquals("10x310x310x1", s.toString());
    }

    @Test void rejectsMalformedShapes() {
        for (String bad : new String[] {"10", "10,5,1", "10x0x1", "x5x1", "10xax1"})
            assertThrows(IllegalArgumentException.class, () -> DlnShape.parse(bad), bad);
    }

    @Test void usesTheDiabetesDataWhereTheEndWidthsFitIt() {
        assertEquals(10, DlnShape.parse("10x3x1").loss().inputDimension());
        assertEquals(4, DlnShape.parse("4x3x2").loss().inputDimension());
        assertEquals(2, DlnShape.parse("4x3x2").loss().outputDimension());
    }
}
