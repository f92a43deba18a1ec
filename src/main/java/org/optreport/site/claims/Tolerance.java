package org.optreport.site.claims;

/**
 * How far apart the two sides of ≈ may be: {@code within 5%} of the right-hand side (the reference), or
 * {@code within 0.01} in absolute terms.
 *
 * @param amount 0.05 for 5%, 0.01 for 0.01
 * @param source as written, e.g. "5%"
 */
record Tolerance(double amount, boolean relative, String source) {

    boolean allows(double left, double right) {
        return Math.abs(left - right) <= (relative ? amount * Math.abs(right) : amount);
    }

    /** How far apart they are, in the tolerance's terms: "off by 30%" or "off by 0.2". */
    String offBy(double left, double right) {
        double gap = Math.abs(left - right);
        if (!relative) return "off by " + NumberText.format(gap);
        return "off by " + (gap == 0 ? "0" : NumberText.format(gap / Math.abs(right) * 100)) + "%";
    }
}
