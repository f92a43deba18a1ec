package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.model.ReluFixtures.unitRows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class NeuralTangentKernelTest {

    @Test
    void infiniteWidthKernelIsTheLimitOfWideNetworks() {
        int m = 200_000;
        DMatrixRMaj x = unitRows(20, 5, 31);
        DMatrixRMaj limit = NeuralTangentKernel.infiniteWidth(x);
        DMatrixRMaj empirical = NeuralTangentKernel.empirical(TwoLayerReluNetwork.create(m, 5, 32), x);
        // Each entry is a mean of m i.i.d. terms in [0, |x_i . x_j|] <= 1, so its standard deviation is at most
        // 1/(2 sqrt(m)) ~ 0.0011; allow 5 of them for the maximum over the 210 distinct entries.
        double tolerance = 5 * 0.5 / Math.sqrt(m);
        double worst = 0.0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                worst = Math.max(worst, Math.abs(limit.get(i, j) - empirical.get(i, j)));
            }
        }
        assertTrue(worst <= tolerance, "max |H* - H(w0)| = " + worst + " > " + tolerance);
    }

    @Test
    void infiniteWidthKernelIsSymmetricPositiveDefiniteWithHalfDiagonal() {
        int n = 30;
        DMatrixRMaj kernel = NeuralTangentKernel.infiniteWidth(unitRows(n, 5, 33));
        for (int i = 0; i < n; i++) {
            assertEquals(0.5, kernel.get(i, i), 1e-15);
            for (int j = 0; j < n; j++) {
                assertEquals(kernel.get(i, j), kernel.get(j, i), 0.0);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(kernel.copy()));
        double lambdaMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lambdaMin = Math.min(lambdaMin, eig.getEigenvalue(i).real);
        }
        assertTrue(lambdaMin > 0, "lambda_min = " + lambdaMin);
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
        assertTrue(cholesky.decompose(kernel.copy()), "Cholesky succeeds on a positive definite matrix");
    }

    @Test
    void infiniteWidthKernelMatchesElementaryAngles() {
        // Orthogonal inputs: pi/2 apart, x.x' = 0. Same direction: 1 * pi / (2 pi). At 60 degrees:
        // cos = 1/2, (1/2)(pi - pi/3)/(2 pi) = 1/6. Opposite: x.x' = -1, theta = pi, kernel 0.
        double c = Math.cos(Math.PI / 3);
        double s = Math.sin(Math.PI / 3);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {c, s}, {-1, 0}});
        DMatrixRMaj kernel = NeuralTangentKernel.infiniteWidth(x);
        assertEquals(0.0, kernel.get(0, 1), 1e-16);
        assertEquals(0.5, kernel.get(0, 0), 1e-16);
        assertEquals(1.0 / 6.0, kernel.get(0, 2), 1e-15);
        assertEquals(0.0, kernel.get(0, 3), 1e-16);
    }
}
