package org.optreport.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a symmetric positive semi-definite matrix, kept so that several fractional
 * powers of the same matrix cost one decomposition.
 *
 * <p>Cut-off rule (shared by every fractional power in the project): eigenvalues below
 * {@link #RELATIVE_CUTOFF} times the largest eigenvalue, including negative rounding noise, count as
 * exactly 0, so {@code [A]^p} for p &gt; 0 is the pseudo-power on the numerical range of A.
 * {@code [A]^0} is the identity, even when A is zero.
 */
public final class PsdSpectrum {

    public static final double RELATIVE_CUTOFF = 1e-12;

    private final int n;
    /** Eigenvectors as rows: vectors[i] is the i-th unit eigenvector. */
    private final double[][] vectors;
    /** Eigenvalues after the cut-off (0 or positive). */
    private final double[] values;

    private PsdSpectrum(int n, double[][] vectors, double[] values) {
        this.n = n;
        this.vectors = vectors;
        this.values = values;
    }

    /** Decomposes a symmetric PSD matrix; the argument is not modified. */
    public static PsdSpectrum of(DMatrixRMaj psd) {
        DenseEigen.requireSquare(psd);
        int n = psd.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(psd.copy())) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge");
        }
        double[][] vectors = new double[n][];
        double[] values = new double[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
            vectors[i] = eig.getEigenVector(i).getData().clone();
            largest = Math.max(largest, values[i]);
        }
        for (int i = 0; i < n; i++) {
            if (!(values[i] >= RELATIVE_CUTOFF * largest) || largest <= 0) {
                values[i] = 0;
            }
        }
        return new PsdSpectrum(n, vectors, values);
    }

    public int dimension() {
        return n;
    }

    /** Eigenvalues after the cut-off, in the decomposition's order. */
    public double eigenvalue(int i) {
        return values[i];
    }

    /** Writes [A]^p into out (n x n, reshaped if needed); p must be non-negative. */
    public void power(double p, DMatrixRMaj out) {
        if (!(p >= 0)) {
            throw new IllegalArgumentException("power must be non-negative, got " + p);
        }
        out.reshape(n, n);
        if (p == 0) {
            CommonOps_DDRM.setIdentity(out);
            return;
        }
        out.zero();
        double[] data = out.data;
        for (int k = 0; k < n; k++) {
            if (values[k] == 0) {
                continue;
            }
            double weight = Math.pow(values[k], p);
            double[] v = vectors[k];
            for (int r = 0; r < n; r++) {
                double wr = weight * v[r];
                if (wr == 0) {
                    continue;
                }
                int row = r * n;
                for (int c = 0; c < n; c++) {
                    data[row + c] += wr * v[c];
                }
            }
        }
    }
}
