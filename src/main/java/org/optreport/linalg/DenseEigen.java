package org.optreport.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigenvalues of dense symmetric matrices through EJML's symmetric eigen-decomposition. */
public final class DenseEigen {

    private DenseEigen() {
    }

    /** All eigenvalues of the symmetric matrix, ascending. The matrix is not modified. */
    public static double[] eigenvalues(DMatrixRMaj symmetric) {
        requireSquare(symmetric);
        int n = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        return values;
    }

    public static SpectrumExtremes extremes(DMatrixRMaj symmetric) {
        double[] values = eigenvalues(symmetric);
        return new SpectrumExtremes(values[0], values[values.length - 1]);
    }

    static void requireSquare(DMatrixRMaj m) {
        if (m.numRows != m.numCols) {
            throw new IllegalArgumentException("matrix must be square, got " + m.numRows + " x " + m.numCols);
        }
    }
}
