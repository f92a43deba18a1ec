package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.Axis;

class AxisTicksTest {
    /** The excess-loss figure of the landscape page ran from 1 down to 1e-25 and had 26 labels. */
    @Test void theExcessLossAxisHasAtMostEightLabelsAllPowersOfTen() {
        AxisTicks ticks = AxisTicks.of(Axis.log("(L − L*)/L*"), 1e-25, 1);
        assertTrue(ticks.major().size() <= AxisTicks.MAX_LABELS, ticks.labels().toString());
        assertTrue(ticks.major().size() >= 3, ticks.labels().toString());
        for (AxisTicks.Tick t : ticks.major()) {
            assertEquals(Math.rint(t.at()), t.at(), 0, "a whole decade");
            assertTrue(t.label().startsWith("10"), t.label());
        }
        assertTrue(ticks.labels().contains("10⁰"), ticks.labels().toString());
        // the skipped decades keep a short tick each
        assertEquals(26, ticks.major().size() + ticks.minor().stream().filter(m -> m == Math.rint(m)).count());
    }

    /** Whatever the range, no axis carries more than eight labels, nor fewer than two; all lie within the axis. */
    @Test void everyRangeGetsTwoToEightLabelsInsideTheAxis() {
        Random random = new Random(16);
        for (int i = 0; i < 2000; i++) {
            boolean log = random.nextBoolean();
            double a = log ? Math.pow(10, random.nextDouble() * 60 - 30) : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6);
            double b = log ? a * Math.pow(10, random.nextDouble() * 40) : a + random.nextDouble() * Math.pow(10, random.nextInt(12) - 6);
            AxisTicks ticks = AxisTicks.of(log ? Axis.log("y") : Axis.linear("y"), Math.min(a, b), Math.max(a, b));
            String what = (log ? "log " : "linear ") + a + " .. " + b + ": " + ticks.labels();
            assertTrue(ticks.major().size() <= AxisTicks.MAX_LABELS, what);
            assertTrue(ticks.major().size() >= 2, what);
            for (AxisTicks.Tick t : ticks.major()) assertTrue(t.at() >= ticks.low() - 1e-9 && t.at() <= ticks.high() + 1e-9, what);
            assertEquals(ticks.labels().size(), ticks.labels().stream().distinct().count(), "distinct labels: " + what);
        }
    }

    @Test void aLinearAxisTakesRoundStepsWithTheMinusSign() {
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"), AxisTicks.linearTicks(0, 1, false).labels());
        assertEquals(List.of("−1", "−0.75", "−0.5", "−0.25", "0"), AxisTicks.linearTicks(-1.2, 0.1, false).labels());
        assertTrue(AxisTicks.linearTicks(-1.2, 0.1, false).labels().stream().noneMatch(l -> l.contains("-")), "no hyphen");
    }

    @Test void anAxisOfWholeNumbersHasNoTicksBetweenThem() {
        assertEquals(List.of("1", "2", "3"), AxisTicks.of(new Axis("depth N", false, 0.6, 3.4, true), 0.8, 3.2).labels());
    }

    /** Under three decades the powers of ten alone would give one or two labels: 1, 2 and 5 times them instead. */
    @Test void aShortLogAxisLabelsOneTwoFive() {
        assertEquals(List.of("0.2", "0.5", "1", "2", "5"), AxisTicks.logTicks(Math.log10(0.15), Math.log10(6)).labels());
        assertEquals(List.of("2×10⁻⁶", "5×10⁻⁶", "10⁻⁵", "2×10⁻⁵"), AxisTicks.logTicks(Math.log10(1.5e-6), Math.log10(3e-5)).labels());
    }

    /** A log axis over a few decades labels each, with 2..9 as minor ticks; a long one has no 2..9 ticks. */
    @Test void minorTicksFillDecadesOnlyOnShortSpans() {
        AxisTicks shortAxis = AxisTicks.logTicks(0, 4);
        assertEquals(List.of("10⁰", "10¹", "10²", "10³", "10⁴"), shortAxis.labels());
        assertEquals(4 * 8, shortAxis.minor().size());
        AxisTicks longAxis = AxisTicks.logTicks(-20, 0);
        assertFalse(longAxis.minor().stream().anyMatch(m -> m != Math.rint(m)), "only skipped decades");
    }
}
