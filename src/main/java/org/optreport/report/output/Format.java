package org.optreport.report.output;

import java.util.Locale;

/** Number formatting for values quoted in the prose and table cells: fixed locale, significant digits. */
public final class Format {
    private Format() {}

    /** {@code digits} significant digits, scientific notation (1.2×10⁻⁴) outside [1e-3, 1e5). */
    /**
     * A positive bound rounded up to {@code digits} significant digits, for "at most", "below" and "within": plain
     * rounding can print a bound below the value it bounds (4.2376e-11 as "below 4.2e-11").
     */
    public static String upperBound(double v, int digits) {
        if (!(v > 0) || Double.isInfinite(v)) return sig(v, digits);
        double unit = Math.pow(10, Math.floor(Math.log10(v)) - digits + 1);
        return sig(Math.ceil(v / unit * (1 - 1e-12)) * unit, digits);
    }

    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        String[] parts = s.split("e");
        return parts[0] + "×10" + superscript(Integer.parseInt(parts[1]));
    }

    /** An exponent in Unicode superscript digits, readable in prose and in tables (e.g. ⁻³). */
    static String superscript(int exponent) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder out = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) out.append(digits.charAt(c - '0'));
        return out.toString();
    }

    public static String integer(long v) { return String.format(Locale.ROOT, "%,d", v); }

    /** A count with its noun in the number it needs: "1 fork", "3 forks", "0 sizes". */
    public static String count(long n, String singular, String plural) { return integer(n) + " " + (n == 1 ? singular : plural); }
}
