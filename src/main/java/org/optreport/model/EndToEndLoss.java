package org.optreport.model;

import org.ejml.data.DMatrixRMaj;

/**
 * A training loss seen as a function l(W) of the end-to-end matrix W (outputDimension x inputDimension).
 * Implementations keep workspaces and are not thread-safe.
 */
public interface EndToEndLoss {

    int inputDimension();

    int outputDimension();

    double value(DMatrixRMaj endToEnd);

    /** Writes grad l(W) into out (outputDimension x inputDimension, preallocated, distinct from W). */
    void gradient(DMatrixRMaj endToEnd, DMatrixRMaj out);
}
