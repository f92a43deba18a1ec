package org.optreport.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * An orthogonal m x m matrix Q whose first min(m, n) columns span a space containing the columns of a given m x n
 * matrix A (Householder QR, A = Q R, with Q kept in full). Unlike a QR decomposition meant for solving, a zero or
 * dependent column is no failure: its reflector is the identity and Q stays orthogonal, so rank-deficient A (the
 * network at the origin, where products of layers vanish) needs no rank decision and no threshold.
 */
public final class OrthogonalCompletion {

    private OrthogonalCompletion() {
    }

    /** Q for A (A is not modified); Q^T A is zero below row min(m, n) up to rounding. */
    public static DMatrixRMaj of(DMatrixRMaj a) {
        int m = a.numRows;
        int reflectors = Math.min(a.numCols, m);
        double[][] columns = new double[a.numCols][m];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < a.numCols; c++) {
                columns[c][i] = a.data[i * a.numCols + c];
            }
        }
        double[][] vectors = new double[reflectors][];
        double[] betas = new double[reflectors];
        for (int k = 0; k < reflectors; k++) {
            double[] u = reflector(columns[k], k);
            if (u == null) {
                continue;
            }
            double beta = 2 / dot(u, u, k);
            vectors[k] = u;
            betas[k] = beta;
            for (int c = k + 1; c < columns.length; c++) {
                reflect(u, beta, k, columns[c]);
            }
        }
        // Q = H_0 H_1 ... H_{r-1}: applied to the identity's columns from the last reflector to the first
        DMatrixRMaj q = new DMatrixRMaj(m, m);
        double[] column = new double[m];
        for (int c = 0; c < m; c++) {
            java.util.Arrays.fill(column, 0.0);
            column[c] = 1;
            for (int k = reflectors - 1; k >= 0; k--) {
                if (vectors[k] != null) {
                    reflect(vectors[k], betas[k], k, column);
                }
            }
            for (int i = 0; i < m; i++) {
                q.data[i * m + c] = column[i];
            }
        }
        return q;
    }

    /**
     * The Householder vector u (entries from {@code from} on) with (I - 2 u u^T / u^T u) x = (.., alpha, 0, ..., 0),
     * or null when x is already zero from {@code from} on. The entries are scaled by their largest magnitude first, so
     * that tiny columns (products of small layers) neither underflow nor lose digits in the sum of squares.
     */
    private static double[] reflector(double[] x, int from) {
        double largest = 0;
        for (int i = from; i < x.length; i++) {
            largest = Math.max(largest, Math.abs(x[i]));
        }
        if (largest == 0) {
            return null;
        }
        double[] u = new double[x.length];
        double squares = 0;
        for (int i = from; i < x.length; i++) {
            u[i] = x[i] / largest;
            squares += u[i] * u[i];
        }
        double norm = Math.sqrt(squares);
        // alpha of the opposite sign to x_from: no cancellation in u_from - alpha
        u[from] += u[from] >= 0 ? norm : -norm;
        return u;
    }

    /** x &lt;- (I - beta u u^T) x on the entries from {@code from} on. */
    private static void reflect(double[] u, double beta, int from, double[] x) {
        double s = beta * dot(u, x, from);
        for (int i = from; i < x.length; i++) {
            x[i] -= s * u[i];
        }
    }

    private static double dot(double[] a, double[] b, int from) {
        double s = 0;
        for (int i = from; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
