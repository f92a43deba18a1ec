package org.optreport.report.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The small numerics behind the trajectory study's new numbers, against independent computations. */
class TrajectoryNumericsTest {
    private static double[][] gaussian(Random random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) for (int j = 0; j < cols; j++) row[j] = random.nextGaussian();
        return m;
    }

    private static double loss(DMatrixRMaj w, double[][] x, double[][] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++)
            for (int r = 0; r < w.numRows; r++) {
                double out = -y[i][r];
                for (int c = 0; c < w.numCols; c++) out += w.get(r, c) * x[i][c];
                sum += out * out;
            }
        return sum / (2 * x.length);
    }

    @Test void theSquaredLossGradientMatchesCentralDifferences() {
        Random random = new Random(11);
        double[][] x = gaussian(random, 30, 4), y = gaussian(random, 30, 2);
        DMatrixRMaj w = new DMatrixRMaj(gaussian(random, 2, 4));
        DMatrixRMaj g = TrajectoryCharts.squaredLossGradient(w, x, y);
        double h = 1e-6;
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 4; c++) {
                DMatrixRMaj plus = w.copy(), minus = w.copy();
                plus.add(r, c, h);
                minus.add(r, c, -h);
                assertEquals((loss(plus, x, y) - loss(minus, x, y)) / (2 * h), g.get(r, c), 1e-7);
            }
    }

    @Test void theCovarianceEigenpairsSatisfyTheEigenEquationInAscendingOrder() {
        Random random = new Random(5);
        double[][] x = gaussian(random, 40, 3);
        for (double[] row : x) row[2] *= 0.1; // one small direction
        InputCovariance c = InputCovariance.of(x);
        double[][] cov = new double[3][3];
        for (double[] row : x) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) cov[i][j] += row[i] * row[j] / x.length;
        for (int k = 0; k < 3; k++) {
            double[] v = c.eigenvectors()[k];
            for (int i = 0; i < 3; i++) {
                double cv = 0;
                for (int j = 0; j < 3; j++) cv += cov[i][j] * v[j];
                assertEquals(c.eigenvalues()[k] * v[i], cv, 1e-12);
            }
            if (k > 0) assertEquals(true, c.eigenvalues()[k] >= c.eigenvalues()[k - 1]);
        }
        assertEquals(c.eigenvalues()[0], c.smallest(), 0);
        // the slow component of the slowest eigenvector itself is its unit length
        assertEquals(1.0, Math.abs(c.slowComponent(c.slowestDirection())), 1e-12);
    }
}
