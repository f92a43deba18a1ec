package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The l2 loss L(W) = (1/(2n)) ||X W^T - Y||_F^2 = (1/2) tr(W Sxx W^T) - tr(W Syx^T) + tr(Y^T Y)/(2n),
 * kept only through the moments Sxx = X^T X / n, Syx = Y^T X / n and the constant, so value and gradient
 * cost O(dN d0^2) whatever the number of samples.
 */
public final class SquaredLoss implements EndToEndLoss {

    private final DMatrixRMaj inputMoment;
    private final DMatrixRMaj crossMoment;
    private final double constant;
    private final DMatrixRMaj product;

    private SquaredLoss(DMatrixRMaj inputMoment, DMatrixRMaj crossMoment, double constant) {
        if (inputMoment.numRows != inputMoment.numCols || crossMoment.numCols != inputMoment.numCols) {
            throw new IllegalArgumentException("Sxx must be d0 x d0 and Syx dN x d0");
        }
        this.inputMoment = inputMoment;
        this.crossMoment = crossMoment;
        this.constant = constant;
        this.product = new DMatrixRMaj(crossMoment.numRows, crossMoment.numCols);
    }

    /** From samples: X is n x d0, Y is n x dN (one row per sample). */
    public static SquaredLoss of(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numRows != y.numRows || x.numRows == 0) {
            throw new IllegalArgumentException("X and Y need the same positive number of rows, got "
                    + x.numRows + " and " + y.numRows);
        }
        double n = x.numRows;
        DMatrixRMaj sxx = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.multTransA(x, x, sxx);
        CommonOps_DDRM.scale(1.0 / n, sxx);
        DMatrixRMaj syx = new DMatrixRMaj(y.numCols, x.numCols);
        CommonOps_DDRM.multTransA(y, x, syx);
        CommonOps_DDRM.scale(1.0 / n, syx);
        double yy = 0;
        for (double v : y.data) {
            yy += v * v;
        }
        return new SquaredLoss(sxx, syx, yy / (2 * n));
    }

    /** From moments: Sxx (d0 x d0), Syx (dN x d0) and tr(Y^T Y)/(2n); the matrices are copied. */
    public static SquaredLoss fromMoments(DMatrixRMaj sxx, DMatrixRMaj syx, double halfMeanSquaredTarget) {
        return new SquaredLoss(sxx.copy(), syx.copy(), halfMeanSquaredTarget);
    }

    @Override
    public int inputDimension() {
        return inputMoment.numCols;
    }

    @Override
    public int outputDimension() {
        return crossMoment.numRows;
    }

    /** Sxx = X^T X / n; the returned matrix is shared, do not modify. */
    public DMatrixRMaj inputMoment() {
        return inputMoment;
    }

    /** Syx = Y^T X / n; the returned matrix is shared, do not modify. */
    public DMatrixRMaj crossMoment() {
        return crossMoment;
    }

    @Override
    public double value(DMatrixRMaj w) {
        CommonOps_DDRM.mult(w, inputMoment, product);
        double sum = 0;
        for (int i = 0; i < product.data.length; i++) {
            sum += (0.5 * product.data[i] - crossMoment.data[i]) * w.data[i];
        }
        return sum + constant;
    }

    @Override
    public void gradient(DMatrixRMaj w, DMatrixRMaj out) {
        CommonOps_DDRM.mult(w, inputMoment, out);
        CommonOps_DDRM.subtractEquals(out, crossMoment);
    }

    /**
     * A least-squares minimiser W* = Syx Sxx^+ (minimum-norm one when Sxx is singular), through the
     * SVD-based pseudo-inverse so that a singular Sxx is handled.
     */
    public DMatrixRMaj optimalWeights() {
        DMatrixRMaj pinv = new DMatrixRMaj(inputMoment.numRows, inputMoment.numCols);
        CommonOps_DDRM.pinv(inputMoment, pinv);
        DMatrixRMaj w = new DMatrixRMaj(crossMoment.numRows, crossMoment.numCols);
        CommonOps_DDRM.mult(crossMoment, pinv, w);
        return w;
    }

    /** min over W of L(W), evaluated at {@link #optimalWeights()}. */
    public double optimalValue() {
        return value(optimalWeights());
    }
}
