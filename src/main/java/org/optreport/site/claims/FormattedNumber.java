package org.optreport.site.claims;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number a quoted value's text shows, if it shows one and nothing else: "2.12", "-0.5", "12,345" (thousands
 * separators), "1.2×10⁻³" and "1.2e-3". Anything with a unit or a word ("5%", "3 steps", "n/a"), and ∞ or NaN, is not
 * a number: a claim cannot tell what such a value means.
 */
final class FormattedNumber {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern NUMBER = Pattern.compile(
            "(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)(?:[eE]([+-]?\\d+)|×10(⁻?[" + SUPERSCRIPTS + "]+))?");

    private FormattedNumber() {}

    static OptionalDouble parse(String text) {
        Matcher m = NUMBER.matcher(text.strip());
        if (!m.matches()) return OptionalDouble.empty();
        String mantissa = m.group(1).replace(",", "");
        String exponent = m.group(2) != null ? m.group(2) : m.group(3) != null ? exponent(m.group(3)) : "0";
        return OptionalDouble.of(Double.parseDouble(mantissa + "e" + exponent));
    }

    private static String exponent(String superscript) {
        StringBuilder digits = new StringBuilder();
        for (char c : superscript.toCharArray()) digits.append(c == '⁻' ? '-' : (char) ('0' + SUPERSCRIPTS.indexOf(c)));
        return digits.toString();
    }
}
