package org.optreport.site.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The number style of every figure: decades as 10⁻³ with real superscripts, 2×10⁻⁵ for other powers, plain decimals
 * (0.25, 1,000) otherwise, and the true minus sign (U+2212) everywhere, as in the pages' numbers.
 */
final class TickLabels {
    static final char MINUS = '\u2212';
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private TickLabels() {}

    /** 10 to the integer power {@code exponent}: 10⁻³, 10⁰, 10⁵. */
    static String decade(int exponent) { return "10" + superscript(exponent); }

    /** {@code mantissa}×10^exponent, or the decade itself for a mantissa of 1. */
    static String scientific(int mantissa, int exponent) {
        return mantissa == 1 ? decade(exponent) : mantissa + "×" + decade(exponent);
    }

    static String superscript(int exponent) {
        StringBuilder s = new StringBuilder();
        if (exponent < 0) s.append('⁻');
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) s.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        return s.toString();
    }

    /**
     * A value with exactly {@code decimals} digits after the point at most (trailing zeros dropped), thousands grouped
     * from 10,000 on, minus sign: 0.25, −2, 20,000.
     */
    static String fixed(double v, int decimals) {
        BigDecimal rounded = new BigDecimal(v).setScale(Math.max(0, decimals), RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) return "0";
        String text;
        if (rounded.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            DecimalFormat grouped = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
            grouped.setMaximumFractionDigits(Math.max(0, rounded.scale()));
            text = grouped.format(rounded);
        } else {
            text = rounded.toPlainString();
        }
        return text.replace('-', MINUS);
    }

    /** A number alone (a colour bar's end, say): four significant digits, scientific outside 10⁻³..10⁵. */
    static String plain(double v) {
        if (v == 0) return "0";
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e5)
            return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString().replace('-', MINUS);
        int exponent = (int) Math.floor(Math.log10(magnitude));
        double mantissa = v / Math.pow(10, exponent);
        String m = new BigDecimal(mantissa).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString().replace('-', MINUS);
        return (m.equals("1") ? "" : m.equals("−1") ? "−" : m + "×") + decade(exponent);
    }

    /** The 1-2-2.5-5 step nearest to {@code rough}. */
    static double niceStep(double rough) {
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / decade;
        return (f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10) * decade;
    }

    /** The 1-2-2.5-5 step strictly above {@code step}. */
    static double nextStep(double step) {
        double decade = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double f = step / decade;
        return (f < 1.5 ? 2 : f < 2.25 ? 2.5 : f < 3.5 ? 5 : 10) * decade;
    }
}
