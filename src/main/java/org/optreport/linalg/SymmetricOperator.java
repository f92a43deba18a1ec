package org.optreport.linalg;

/** A symmetric linear map on R^dimension, given only through its action on vectors. */
public interface SymmetricOperator {

    int dimension();

    /** Writes A * in into out; in and out have length dimension() and are distinct arrays. */
    void apply(double[] in, double[] out);
}
