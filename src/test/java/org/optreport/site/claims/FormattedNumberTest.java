package org.optreport.site.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which quoted values count as numbers: those whose text is a number and nothing else. */
class FormattedNumberTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2.12        | 2.12
            -0.5        | -0.5
            12,345      | 12345
            1.2×10⁻³    | 0.0012
            -4.5×10¹²   | -4.5e12
            1.0E-5      | 1e-5
            7.5         | 7.5
            """)
    void numbersAsTheReportPrintsThem(String text, double number) {
        assertEquals(OptionalDouble.of(number), FormattedNumber.parse(text));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"5%", "3 steps", "n/a", "∞", "NaN", "12,34", "1.2×10", "", "0.1 to 0.2"})
    void textThatIsNotJustANumberIsNot(String text) {
        assertTrue(FormattedNumber.parse(text).isEmpty(), text);
    }
}
