package org.optreport.report.trajectory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The input covariance C = X^T X / n of a run's data, in its eigenbasis, ascending. For the l2 loss C is the Hessian
 * of the loss in each output row, so its eigenvectors are the directions in which training converges at different
 * speeds, and its smallest eigenvalue, positive, is why the optimum W* is unique.
 */
record InputCovariance(double[] eigenvalues, double[][] eigenvectors) {

    static InputCovariance of(double[][] x) {
        int n = x.length, d = x[0].length;
        DMatrixRMaj xs = new DMatrixRMaj(x), c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(xs, xs, c);
        CommonOps_DDRM.scale(1.0 / n, c);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(c)) throw new IllegalStateException("eigendecomposition of the input covariance failed");
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> eig.getEigenvalue(i).real));
        double[] values = new double[d];
        double[][] vectors = new double[d][];
        for (int i = 0; i < d; i++) {
            values[i] = eig.getEigenvalue(order[i]).real;
            vectors[i] = eig.getEigenVector(order[i]).getData().clone();
        }
        return new InputCovariance(values, vectors);
    }

    double smallest() { return eigenvalues[0]; }

    /** The unit eigenvector of the smallest eigenvalue. */
    double[] slowestDirection() { return eigenvectors[0]; }

    /** The component of a row vector along the slowest direction. */
    double slowComponent(double[] row) {
        double s = 0;
        for (int i = 0; i < row.length; i++) s += row[i] * eigenvectors[0][i];
        return s;
    }
}
