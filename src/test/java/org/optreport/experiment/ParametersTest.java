package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private static final List<ParameterSpec> SPECS = List.of(
            new ParameterSpec("depth", "2", "depth"), new ParameterSpec("learningRate", "0.1", "step"),
            new ParameterSpec("widths", "10,100", "widths"), new ParameterSpec("init", "balanced", "init"));

    @Test void defaultsAreOverridden() {
        Parameters p = Parameters.of("x", SPECS, Map.of("depth", "3"));
        assertEquals(3, p.integer("depth", 1, 10));
        assertEquals(0.1, p.real("learningRate", 0, 10));
        assertArrayEquals(new int[] {10, 100}, p.integers("widths", 1, 1000));
    }

    @Test void unknownKeyIsRejectedWithTheKnownOnes() {
        ParameterException e = assertThrows(ParameterException.class, () -> Parameters.of("x", SPECS, Map.of("dept", "3")));
        assertTrue(e.getMessage().contains("unknown parameter 'dept'"), e.getMessage());
        assertTrue(e.getMessage().contains("depth, init, learningRate, widths"), e.getMessage());
    }

    @Test void outOfRangeValuesNameKeyAndRange() {
        Parameters p = Parameters.of("x", SPECS, Map.of("depth", "0", "learningRate", "-1", "init", "zeros"));
        assertEquals("parameter depth=0 is not allowed: expected an integer in [1, 10]",
                assertThrows(ParameterException.class, () -> p.integer("depth", 1, 10)).getMessage());
        assertTrue(assertThrows(ParameterException.class, () -> p.real("learningRate", 0, 10)).getMessage().contains("learningRate=-1"));
        assertTrue(assertThrows(ParameterException.class, () -> p.choice("init", "balanced", "gaussian")).getMessage().contains("one of balanced, gaussian"));
    }

    @Test void anOpenIntervalExcludesBothEnds() {
        Parameters p = Parameters.of("x", SPECS, Map.of("learningRate", "2"));
        ParameterException e = assertThrows(ParameterException.class, () -> p.realInOpenInterval("learningRate", 0, 2));
        assertEquals("parameter learningRate=2 is not allowed: expected a number in (0.0, 2.0)", e.getMessage());
        assertEquals(1.999, Parameters.of("x", SPECS, Map.of("learningRate", "1.999")).realInOpenInterval("learningRate", 0, 2));
        for (String bad : List.of("0", "NaN", "Infinity", "two"))
            assertThrows(ParameterException.class,
                    () -> Parameters.of("x", SPECS, Map.of("learningRate", bad)).realInOpenInterval("learningRate", 0, Double.POSITIVE_INFINITY), bad);
    }

    @Test void canonicalMapIncludesDefaultsInKeyOrder() {
        assertEquals(List.of("depth", "init", "learningRate", "widths"), List.copyOf(Parameters.of("x", SPECS, Map.of()).asMap().keySet()));
    }
}
