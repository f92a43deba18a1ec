package org.optreport.results;

/** The processed data a run trained on: one row per sample of X (inputs) and Y (targets). */
public record DatasetRows(String name, double[][] x, double[][] y) {
    public int samples() { return x.length; }
}
