package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ExperimentTimesTest {
    /** The columns of a line: experiment, computed, wall s, CPU s, reused, then the recorded time as text. */
    private static String[] columns(String line) { return line.trim().split("\\s+", 6); }

    @Test void eachExperimentSumsItsOwnRunsAndTheLastLineSumsThemAll() {
        ExperimentTimes times = new ExperimentTimes();
        times.computed("ultrawide", 10.25, 9.5);
        times.computed("ultrawide", 2.5, 2.0);
        times.reused("ultrawide", OptionalDouble.of(30));
        times.reused("landscape", OptionalDouble.of(1.5));
        times.reused("landscape", OptionalDouble.of(2.25));
        List<String> lines = times.lines();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals(List.of("landscape", "0", "0.0", "0.0", "2", "3.8 s"), List.of(columns(lines.get(1))));
        assertEquals(List.of("ultrawide", "2", "12.8", "11.5", "1", "30.0 s"), List.of(columns(lines.get(2))));
        assertEquals(List.of("all", "2", "12.8", "11.5", "3", "33.8 s"), List.of(columns(lines.get(3))));
    }

    @Test void reusedRunsWithoutARecordAreCountedApart() {
        ExperimentTimes times = new ExperimentTimes();
        times.reused("trajectory", OptionalDouble.of(4));
        times.reused("trajectory", OptionalDouble.empty());
        assertTrue(times.lines().get(1).endsWith("4.0 s (1 with no record)"), times.lines().get(1));
    }

    @Test void aBuildWithoutRunsPrintsNothing() {
        assertTrue(new ExperimentTimes().lines().isEmpty());
    }

    @Test void sharesAddComputedAndRecordedSecondsLargestFirst() {
        ExperimentTimes times = new ExperimentTimes();
        times.computed("landscape", 2.5, 2.0);
        times.reused("landscape", OptionalDouble.of(1.5));
        times.reused("ultrawide", OptionalDouble.of(30));
        times.reused("ultrawide", OptionalDouble.empty());
        assertEquals(List.of(new ExperimentTimes.Share("ultrawide", 2, 30, 1), new ExperimentTimes.Share("landscape", 2, 4, 0)),
                times.shares());
    }
}
