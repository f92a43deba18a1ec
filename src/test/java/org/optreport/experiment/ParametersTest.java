package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.settings.Interval;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.settings.SettingType;

class ParametersTest {
    private static final Setting<Integer> DEPTH = Setting.of("depth", SettingType.integer(1, 10), 2, "depth");
    private static final Setting<Double> RATE = Setting.of("learningRate", SettingType.real(Interval.openClosed(0, 10)), 0.1, "step");
    private static final Setting<List<Integer>> WIDTHS = Setting.of("widths", SettingType.integers(1, 1000), List.of(10, 100), "widths");
    private static final Setting<String> INIT = Setting.of("init", SettingType.choice("balanced", "gaussian"), "balanced", "init");
    private static final List<Setting<?>> SETTINGS = List.of(DEPTH, RATE, WIDTHS, INIT);

    @Test void defaultsAreOverridden() {
        Parameters p = Parameters.of("x", SETTINGS, Map.of("depth", "3"));
        assertEquals(3, p.get(DEPTH));
        assertEquals(0.1, p.get(RATE));
        assertEquals(List.of(10, 100), p.get(WIDTHS));
    }

    @Test void unknownKeyIsRejectedWithTheKnownOnes() {
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.of("x", SETTINGS, Map.of("dept", "3")));
        assertTrue(e.getMessage().contains("unknown parameter 'dept'"), e.getMessage());
        assertTrue(e.getMessage().contains("depth, init, learningRate, widths"), e.getMessage());
    }

    @Test void badValuesNameKeyValueAndWhatIsAllowed() {
        Parameters p = Parameters.of("x", SETTINGS, Map.of("depth", "0", "learningRate", "-1", "init", "zeros"));
        assertEquals("parameter depth=0 is not allowed: expected an integer in [1, 10]",
                assertThrows(ParameterException.class, () -> p.get(DEPTH)).getMessage());
        assertEquals("parameter learningRate=-1 is not allowed: expected a number in (0, 10]",
                assertThrows(ParameterException.class, () -> p.get(RATE)).getMessage());
        assertEquals("parameter init=zeros is not allowed: expected one of balanced, gaussian",
                assertThrows(ParameterException.class, () -> p.get(INIT)).getMessage());
    }

    @Test void canonicalMapHoldsTheDefaultsTextsInKeyOrder() {
        assertEquals(Map.of("depth", "2", "init", "balanced", "learningRate", "0.1", "widths", "10,100"),
                Parameters.of("x", SETTINGS, Map.of()).asMap());
        assertEquals(List.of("depth", "init", "learningRate", "widths"), List.copyOf(Parameters.of("x", SETTINGS, Map.of()).asMap().keySet()));
    }

    @Test void readingASettingTheExperimentDoesNotDeclareIsAProgrammingError() {
        Setting<Integer> otherDepth = Setting.of("depth", SettingType.integer(1, 99), 2, "depth");
        Parameters p = Parameters.of("x", SETTINGS, Map.of());
        assertThrows(IllegalStateException.class, () -> p.get(otherDepth));
        assertThrows(IllegalStateException.class, () -> p.get(Setting.of("steps", SettingType.integer(1, 9), 1, "steps")));
    }
}
