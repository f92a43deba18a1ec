package org.optreport.experiment.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingTest {
    private static final Setting<List<Integer>> DEPTHS = Setting.of("depths", SettingType.integers(1, 16), List.of(3, 4), "depths")
            .withQuickDefault(List.of(4));

    @Test void aQuickBuildTakesTheQuickDefault() {
        assertEquals(List.of(3, 4), DEPTHS.defaultValue(false));
        assertEquals(List.of(4), DEPTHS.defaultValue(true));
        assertEquals(List.of(2), Setting.of("d", SettingType.integers(1, 16), List.of(2), "d").defaultValue(true), "no quick default: the default");
    }

    @Test void defaultsHaveTheirCanonicalText() {
        assertEquals("3,4", DEPTHS.defaultText());
        assertEquals("4", DEPTHS.quickDefaultText());
        assertEquals("a comma-separated list of integers in [1, 16]", DEPTHS.allowed());
    }
}
