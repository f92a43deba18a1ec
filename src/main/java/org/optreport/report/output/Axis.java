package org.optreport.report.output;

/** One axis of a chart panel. {@code min}/{@code max} may be null for automatic limits. */
public record Axis(String label, boolean log, Double min, Double max) {
    public static Axis linear(String label) { return new Axis(label, false, null, null); }
    public static Axis log(String label) { return new Axis(label, true, null, null); }
}
