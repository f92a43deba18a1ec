package org.optreport.build;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunProgressTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final BuildLog log = new BuildLog(new PrintStream(out, true, StandardCharsets.UTF_8), false);

    private String printed() { return out.toString(StandardCharsets.UTF_8); }

    @Test void countsComputedReusedAndDivergedRuns() {
        RunProgress progress = new RunProgress(log, 3, 1, 10);
        progress.reused(true);
        progress.computed(false, 4, 5);
        progress.computed(false, 4, 5);
        assertTrue(printed().endsWith("3/3 done (2 computed, 1 reused, 1 diverged)\n"), printed());
    }

    @Test void theTimeLeftScalesTheRemainingEstimatesByWhatTheDoneRunsReallyTook() {
        RunProgress progress = new RunProgress(log, 3, 2, 30); // three runs estimated at 10 s each, two in parallel
        progress.computed(false, 40, 10);                    // the estimates are 4x too low
        assertEquals("1/3 done (1 computed, 0 reused), about 40 s left", progress.line(1)); // 20 s x 4 / 2 jobs
    }

    @Test void onlyOneLineEveryFewSecondsUntilTheLast() {
        RunProgress progress = new RunProgress(log, 100, 1, 0);
        for (int i = 0; i < 100; i++) progress.reused(false);
        long lines = printed().lines().count();
        assertTrue(lines <= 3, lines + " lines: " + printed()); // the first, maybe one after 5 s, and the last
        assertTrue(printed().contains("100/100 done"));
    }

    @Test void remainingTimeReadsInSecondsThenMinutes() {
        assertEquals("under 10 s left", RunProgress.remaining(3));
        assertEquals("about 40 s left", RunProgress.remaining(37));
        assertEquals("about 3 min left", RunProgress.remaining(170));
    }
}
