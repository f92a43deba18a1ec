package org.optreport.site.claims;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers written into claim messages: short, but never so short that two different numbers look alike. */
final class NumberText {
    private static final int DIGITS = 6;

    private NumberText() {}

    static String format(double value) {
        if (Double.isNaN(value)) return "NaN";
        if (Double.isInfinite(value)) return value > 0 ? "∞" : "-∞";
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(DIGITS)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e9 ? rounded.toPlainString() : rounded.toString().replace("E", "e");
    }

    /**
     * Two numbers side by side ("5.3, not &lt; 2"): if rounding makes different numbers look equal
     * (1.9999999 and 2), both are written in full.
     */
    static String[] pair(double left, double right) {
        String l = format(left), r = format(right);
        if (l.equals(r) && Double.compare(left, right) != 0) return new String[] {Double.toString(left), Double.toString(right)};
        return new String[] {l, r};
    }
}
