package org.optreport.site.chart;

import java.math.BigDecimal;

/** Short, readable tick labels: 0.001, 250, 1.5e−7, −2 (minus signs, not hyphens); and 1-2-5 tick steps. */
final class TickLabels {
    private TickLabels() {}

    /** As {@link #plainWithHyphen}, with the typographic minus sign (U+2212) the pages use in numbers. */
    static String plain(double v) {
        return plainWithHyphen(v).replace('-', '\u2212');
    }

    private static String plainWithHyphen(double v) {
        if (v == 0) return "0";
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e5)
            return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        String s = String.format(java.util.Locale.ROOT, "%.3g", v);
        // 1.50e-07 -> 1.5e-7
        String[] parts = s.split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** The label of a tick at {@code log10(z)} on a log scale: exact decades as 10^k written plainly when short. */
    static String powerOfTen(double exponent) {
        if (exponent == Math.rint(exponent) && Math.abs(exponent) <= 3) return plain(Math.pow(10, exponent));
        if (exponent == Math.rint(exponent)) return ("1e" + (long) exponent).replace('-', '\u2212');
        return plain(Math.pow(10, exponent));
    }

    static double niceStep(double rough) {
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / decade;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * decade;
    }
}
