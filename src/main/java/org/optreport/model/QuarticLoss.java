package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The l4 loss L(W) = (1/(4n)) sum_i ||W x_i - y_i||_4^4 with gradient (1/n) sum_i r_i^3 x_i^T,
 * r_i = W x_i - y_i (cube entrywise). Unlike the l2 loss it needs the samples.
 */
public final class QuarticLoss implements EndToEndLoss {

    private final DMatrixRMaj inputs;
    private final DMatrixRMaj targets;
    private final DMatrixRMaj residuals;

    /** X is n x d0, Y is n x dN (one row per sample); both are copied. */
    public QuarticLoss(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numRows != y.numRows || x.numRows == 0) {
            throw new IllegalArgumentException("X and Y need the same positive number of rows, got "
                    + x.numRows + " and " + y.numRows);
        }
        this.inputs = x.copy();
        this.targets = y.copy();
        this.residuals = new DMatrixRMaj(y.numRows, y.numCols);
    }

    @Override
    public int inputDimension() {
        return inputs.numCols;
    }

    @Override
    public int outputDimension() {
        return targets.numCols;
    }

    private void computeResiduals(DMatrixRMaj w) {
        CommonOps_DDRM.multTransB(inputs, w, residuals);
        CommonOps_DDRM.subtractEquals(residuals, targets);
    }

    @Override
    public double value(DMatrixRMaj w) {
        computeResiduals(w);
        double sum = 0;
        for (double r : residuals.data) {
            double r2 = r * r;
            sum += r2 * r2;
        }
        return sum / (4.0 * inputs.numRows);
    }

    @Override
    public void gradient(DMatrixRMaj w, DMatrixRMaj out) {
        computeResiduals(w);
        double[] r = residuals.data;
        for (int i = 0; i < r.length; i++) {
            r[i] = r[i] * r[i] * r[i];
        }
        CommonOps_DDRM.multTransA(residuals, inputs, out);
        CommonOps_DDRM.scale(1.0 / inputs.numRows, out);
    }
}
