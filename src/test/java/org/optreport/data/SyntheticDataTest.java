package org.optreport.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {
    @Test void sameSeedSameData() {
        assertArrayEquals(SyntheticData.linearTeacher(20, 3, 2, 0.1, 7).y().data, SyntheticData.linearTeacher(20, 3, 2, 0.1, 7).y().data);
        assertArrayEquals(SyntheticData.reluTeacher(20, 3, 5, 0.1, 7).y().data, SyntheticData.reluTeacher(20, 3, 5, 0.1, 7).y().data);
    }

    @Test void otherSeedOtherData() {
        assertFalse(Arrays.equals(SyntheticData.linearTeacher(20, 3, 2, 0.1, 7).x().data, SyntheticData.linearTeacher(20, 3, 2, 0.1, 8).x().data));
    }
}
