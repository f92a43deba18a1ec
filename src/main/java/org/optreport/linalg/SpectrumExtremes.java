package org.optreport.linalg;

/** Smallest and largest eigenvalue of a symmetric matrix or operator. */
public record SpectrumExtremes(double min, double max) {

    /** The spectral radius max(|min|, |max|). */
    public double spectralRadius() {
        return Math.max(Math.abs(min), Math.abs(max));
    }
}
