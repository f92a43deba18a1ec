package org.optreport.experiment.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTypeTest {
    /** The text is refused, and the error says what is allowed. */
    private static void refused(SettingType<?> type, String text, String allowed) {
        assertEquals(allowed, assertThrows(InvalidValueException.class, () -> type.parse(text), text).allowed(), text);
    }

    @Test void anIntegerRangeIncludesBothEnds() {
        SettingType<Integer> depth = SettingType.integer(1, 64);
        assertEquals(1, depth.parse("1"));
        assertEquals(64, depth.parse(" 64 "));
        for (String bad : List.of("0", "65", "1.5", "two", "", "99999999999")) refused(depth, bad, "an integer in [1, 64]");
        refused(SettingType.integer(2, Integer.MAX_VALUE), "1", "an integer of at least 2");
    }

    @Test void aRealIntervalEndIsOpenOrClosedAsDeclared() {
        SettingType<Double> open = SettingType.real(Interval.open(0, 2));
        assertEquals(1.999, open.parse("1.999"));
        refused(open, "0", "a number in (0, 2)");
        refused(open, "2", "a number in (0, 2)");
        SettingType<Double> openClosed = SettingType.real(Interval.openClosed(0, 1e6));
        assertEquals(1e6, openClosed.parse("1e6"));
        refused(openClosed, "0", "a number in (0, 1000000]");
        assertEquals(0.0, SettingType.real(Interval.closed(0, 1)).parse("0"));
    }

    @Test void nanAndInfinitiesAreNeverInside() {
        SettingType<Double> positive = SettingType.real(Interval.above(0));
        assertEquals(1e300, positive.parse("1e300"));
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "0", "x")) refused(positive, bad, "a number above 0");
    }

    @Test void listsAreCommaSeparatedWithOrWithoutBrackets() {
        SettingType<List<Integer>> depths = SettingType.integers(1, 16);
        assertEquals(List.of(2, 3, 4), depths.parse("2, 3,4"));
        assertEquals(List.of(2, 3), depths.parse("[2, 3]"));
        for (String bad : List.of("", ",", "[]", "2,,3", "2,17", "2;3")) refused(depths, bad, "a comma-separated list of integers in [1, 16]");
        SettingType<List<Double>> rates = SettingType.reals(Interval.openClosed(0, 10));
        assertEquals(List.of(0.5, 1.0), rates.parse("0.5,1"));
        refused(rates, "0.5,0", "a comma-separated list of numbers in (0, 10]");
    }

    @Test void aWordStandsForNoValueAndAnythingElseMustBeAValue() {
        SettingType<Optional<Integer>> samples = SettingType.wordOr("all", SettingType.integer(2, Integer.MAX_VALUE));
        assertEquals(Optional.empty(), samples.parse(" all "));
        assertEquals(Optional.of(100), samples.parse("100"));
        for (String bad : List.of("1", "ALL", "auto", "")) refused(samples, bad, "all or an integer of at least 2");
    }

    @Test void choicesMatchExactly() {
        SettingType<String> loss = SettingType.choice("l2", "l4");
        assertEquals("l4", loss.parse(" l4 "));
        for (String bad : List.of("L4", "l3", "")) refused(loss, bad, "one of l2, l4");
    }

    @Test void aSeedIsAnyLongInteger() {
        assertEquals(-5L, SettingType.seed().parse("-5"));
        assertEquals(Long.MAX_VALUE, SettingType.seed().parse(Long.toString(Long.MAX_VALUE)));
        refused(SettingType.seed(), "1.0", "an integer seed");
    }

    @Test void theCanonicalTextIsTheOneDefaultsHaveAlwaysHadAndParsesBack() {
        // run caches are keyed by these texts: "1e-6", not "1.0E-6"; "4", not "4.0"
        SettingType<Double> real = SettingType.real(Interval.above(0));
        for (String text : List.of("0.5", "0.005", "0.001", "1e-6", "4", "2", "1000000", "1e7"))
            assertEquals(text, real.format(real.parse(text)));
        SettingType<List<Integer>> widths = SettingType.integers(1, 100_000);
        assertEquals("10,30,100000", widths.format(widths.parse("[10, 30, 100000]")));
        SettingType<Optional<Double>> rate = SettingType.wordOr("auto", real);
        assertEquals("auto", rate.format(Optional.empty()));
        assertEquals("0.25", rate.format(rate.parse("0.25")));
    }
}
