package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExperimentTimesTest {
    private static final SortedMap<String, String> NONE = new TreeMap<>();

    private static SortedMap<String, String> parameters(String... keysAndValues) {
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    /** The columns of a line: experiment, computed, wall s, CPU s, reused, then the recorded time as text. */
    private static String[] columns(String line) { return line.trim().split("\\s+", 6); }

    @Test void eachExperimentSumsItsOwnRunsAndTheLastLineSumsThemAll() {
        ExperimentTimes times = new ExperimentTimes();
        times.computed("ultrawide", NONE, 10.25, 9.5);
        times.computed("ultrawide", NONE, 2.5, 2.0);
        times.reused("ultrawide", NONE, OptionalDouble.of(30));
        times.reused("landscape", NONE, OptionalDouble.of(1.5));
        times.reused("landscape", NONE, OptionalDouble.of(2.25));
        List<String> lines = times.lines();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals(List.of("landscape", "0", "0.0", "0.0", "2", "3.8 s"), List.of(columns(lines.get(1))));
        assertEquals(List.of("ultrawide", "2", "12.8", "11.5", "1", "30.0 s"), List.of(columns(lines.get(2))));
        assertEquals(List.of("all", "2", "12.8", "11.5", "3", "33.8 s"), List.of(columns(lines.get(3))));
    }

    @Test void reusedRunsWithoutARecordAreCountedApart() {
        ExperimentTimes times = new ExperimentTimes();
        times.reused("trajectory", NONE, OptionalDouble.of(4));
        times.reused("trajectory", NONE, OptionalDouble.empty());
        assertTrue(times.lines().get(1).endsWith("4.0 s (1 with no record)"), times.lines().get(1));
    }

    @Test void aBuildWithoutRunsPrintsNothing() {
        assertTrue(new ExperimentTimes().lines().isEmpty());
    }

    @Test void sharesAddComputedAndRecordedSecondsLargestFirst() {
        ExperimentTimes times = new ExperimentTimes();
        times.computed("landscape", NONE, 2.5, 2.0);
        times.reused("landscape", NONE, OptionalDouble.of(1.5));
        times.reused("ultrawide", NONE, OptionalDouble.of(30));
        times.reused("ultrawide", NONE, OptionalDouble.empty());
        assertEquals(List.of(new ExperimentTimes.Share("ultrawide", 2, 30, 1), new ExperimentTimes.Share("landscape", 2, 4, 0)),
                times.shares());
    }

    @Test void theHeaviestConfigurationAddsItsSeedsAndIsNamedByWhatSetsItApart() {
        ExperimentTimes times = new ExperimentTimes();
        for (int seed = 1; seed <= 3; seed++) {
            times.computed("ultrawide", parameters("widths", "100000", "seeds", "" + seed, "steps", "1000"), 10, 10);
            times.reused("ultrawide", parameters("widths", "10", "seeds", "" + seed, "steps", "1000"), OptionalDouble.of(1));
        }
        // one run longer than any single wide run, but less than the three seeds of width 10^5 together
        times.reused("stablestep", parameters("rate", "0.5", "seed", "1"), OptionalDouble.of(25));
        assertEquals(Optional.of(new ExperimentTimes.Heaviest("ultrawide widths=100000", 3, 30)), times.heaviestConfiguration());
    }

    @Test void noConfigurationIsHeaviestWithoutARecordedTime() {
        ExperimentTimes times = new ExperimentTimes();
        times.reused("trajectory", NONE, OptionalDouble.empty());
        assertEquals(Optional.empty(), times.heaviestConfiguration());
    }
}
