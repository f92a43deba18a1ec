package org.optreport.report.output;

/**
 * One axis of a chart panel. {@code min}/{@code max} may be null for automatic limits. {@code wholeNumbers}: ticks
 * only at integers (an axis of depths 1, 2, 3 has no tick at 1.5).
 */
public record Axis(String label, boolean log, Double min, Double max, boolean wholeNumbers) {
    public Axis(String label, boolean log, Double min, Double max) { this(label, log, min, max, false); }

    public static Axis linear(String label) { return new Axis(label, false, null, null); }
    public static Axis log(String label) { return new Axis(label, true, null, null); }
}
