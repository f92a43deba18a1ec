package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.optreport.linalg.PsdSpectrum;

/**
 * The discrete end-to-end dynamics of a depth-N linear network:
 * W_{k+1} = W_k - eta * sum_{j=1..N} [W W^T]^{(j-1)/N} grad l(W) [W^T W]^{(N-j)/N},
 * with fractional powers by the cut-off rule of {@link PsdSpectrum}. For N = 1 this is gradient descent on W.
 * Holds workspaces for one shape; not thread-safe.
 */
public final class EndToEndDynamics {

    private final int depth;
    private final DMatrixRMaj gradient;
    private final DMatrixRMaj leftGram;
    private final DMatrixRMaj rightGram;
    private final DMatrixRMaj leftPower;
    private final DMatrixRMaj rightPower;
    private final DMatrixRMaj partial;
    private final DMatrixRMaj term;
    private final DMatrixRMaj direction;

    public EndToEndDynamics(int depth, int outputDimension, int inputDimension) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        this.depth = depth;
        gradient = new DMatrixRMaj(outputDimension, inputDimension);
        leftGram = new DMatrixRMaj(outputDimension, outputDimension);
        rightGram = new DMatrixRMaj(inputDimension, inputDimension);
        leftPower = new DMatrixRMaj(outputDimension, outputDimension);
        rightPower = new DMatrixRMaj(inputDimension, inputDimension);
        partial = new DMatrixRMaj(outputDimension, inputDimension);
        term = new DMatrixRMaj(outputDimension, inputDimension);
        direction = new DMatrixRMaj(outputDimension, inputDimension);
    }

    public int depth() {
        return depth;
    }

    /** Writes the preconditioned gradient sum_j [WW^T]^{(j-1)/N} grad l(W) [W^TW]^{(N-j)/N} into out. */
    public void direction(DMatrixRMaj endToEnd, EndToEndLoss loss, DMatrixRMaj out) {
        loss.gradient(endToEnd, gradient);
        if (depth == 1) {
            out.setTo(gradient);
            return;
        }
        CommonOps_DDRM.multTransB(endToEnd, endToEnd, leftGram);
        CommonOps_DDRM.multTransA(endToEnd, endToEnd, rightGram);
        PsdSpectrum left = PsdSpectrum.of(leftGram);
        PsdSpectrum right = PsdSpectrum.of(rightGram);
        out.zero();
        for (int j = 1; j <= depth; j++) {
            left.power((j - 1.0) / depth, leftPower);
            right.power((double) (depth - j) / depth, rightPower);
            CommonOps_DDRM.mult(leftPower, gradient, partial);
            CommonOps_DDRM.mult(partial, rightPower, term);
            CommonOps_DDRM.addEquals(out, term);
        }
    }

    /**
     * The matrix of the preconditioner G -&gt; sum_j [WW^T]^{(j-1)/N} G [W^TW]^{(N-j)/N} at W (acting on row-major
     * vectors), column by column: the same powers, products and order of sums as {@link #direction} applied to each unit
     * matrix, so the same bits, but with the Gram matrices decomposed and their powers formed once instead of once per
     * column (the stability experiment evaluates it at every step of its tracked runs).
     */
    public DMatrixRMaj preconditioner(DMatrixRMaj endToEnd) {
        int rows = gradient.numRows, cols = gradient.numCols, size = rows * cols;
        DMatrixRMaj p = new DMatrixRMaj(size, size);
        DMatrixRMaj[] leftPowers = new DMatrixRMaj[depth + 1], rightPowers = new DMatrixRMaj[depth + 1];
        if (depth > 1) {
            CommonOps_DDRM.multTransB(endToEnd, endToEnd, leftGram);
            CommonOps_DDRM.multTransA(endToEnd, endToEnd, rightGram);
            PsdSpectrum left = PsdSpectrum.of(leftGram);
            PsdSpectrum right = PsdSpectrum.of(rightGram);
            for (int j = 1; j <= depth; j++) {
                leftPowers[j] = new DMatrixRMaj(rows, rows);
                rightPowers[j] = new DMatrixRMaj(cols, cols);
                left.power((j - 1.0) / depth, leftPowers[j]);
                right.power((double) (depth - j) / depth, rightPowers[j]);
            }
        }
        for (int k = 0; k < size; k++) {
            gradient.zero();
            gradient.data[k] = 1;
            if (depth == 1) {
                direction.setTo(gradient);
            } else {
                direction.zero();
                for (int j = 1; j <= depth; j++) {
                    CommonOps_DDRM.mult(leftPowers[j], gradient, partial);
                    CommonOps_DDRM.mult(partial, rightPowers[j], term);
                    CommonOps_DDRM.addEquals(direction, term);
                }
            }
            for (int i = 0; i < size; i++) p.unsafe_set(i, k, direction.data[i]);
        }
        return p;
    }

    /** One step in place: W &lt;- W - eta * direction(W). */
    public void step(DMatrixRMaj endToEnd, EndToEndLoss loss, double eta) {
        direction(endToEnd, loss, direction);
        CommonOps_DDRM.addEquals(endToEnd, -eta, direction);
    }
}
