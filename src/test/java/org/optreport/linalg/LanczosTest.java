package org.optreport.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class LanczosTest {

    private static SymmetricOperator diagonal(double[] entries) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return entries.length;
            }

            @Override
            public void apply(double[] in, double[] out) {
                for (int i = 0; i < entries.length; i++) {
                    out[i] = entries[i] * in[i];
                }
            }
        };
    }

    private static SymmetricOperator dense(DMatrixRMaj a) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return a.numRows;
            }

            @Override
            public void apply(double[] in, double[] out) {
                CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(in.length, 1, in), DMatrixRMaj.wrap(out.length, 1, out));
            }
        };
    }

    private static void assertExtremes(double expectedMin, double expectedMax, LanczosResult result) {
        double scale = Math.max(Math.abs(expectedMin), Math.abs(expectedMax));
        assertTrue(result.converged(), () -> "not converged: " + result);
        assertEquals(expectedMin, result.min(), 1e-8 * scale, () -> result.toString());
        assertEquals(expectedMax, result.max(), 1e-8 * scale, () -> result.toString());
    }

    @Test
    void diagonalSpectrumWithABigClusterAtZeroNeedsRestarts() {
        int n = 3000;
        double[] entries = new double[n];
        Random random = new Random(11);
        // most eigenvalues exactly zero, a band of near-zero ones of both signs, a spread-out bulk
        for (int i = 0; i < n; i++) {
            if (i < 2000) {
                entries[i] = 0;
            } else if (i < 2500) {
                entries[i] = 1e-6 * (random.nextDouble() - 0.3);
            } else {
                entries[i] = 10 * random.nextDouble();
            }
        }
        entries[2600] = 12.0;
        entries[2001] = -0.05;
        LanczosResult result = Lanczos.extremes(diagonal(entries), 3);
        assertExtremes(-0.05, 12.0, result);
        assertTrue(result.restarts() > 0, "the test is meant to exercise restarts");
    }

    @Test
    void diagonalSpectrumWhoseMinimumSitsInAClusterNearZero() {
        int n = 2000;
        double[] entries = new double[n];
        Random random = new Random(12);
        for (int i = 0; i < n; i++) {
            entries[i] = i < 1500 ? 1e-7 * random.nextDouble() : 1 + random.nextDouble();
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double e : entries) {
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        assertExtremes(min, max, Lanczos.extremes(diagonal(entries), 4));
    }

    @Test
    void denseRandomSymmetricMatrixAgreesWithDenseEigen() {
        int n = 300;
        DMatrixRMaj g = SeededMatrices.gaussian(n, n, 1.0, new Random(13));
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(g, CommonOps_DDRM.transpose(g, null), a);
        SpectrumExtremes expected = DenseEigen.extremes(a);
        assertExtremes(expected.min(), expected.max(), Lanczos.extremes(dense(a), 5));
    }

    @Test
    void operatorSmallerThanTheBasisIsSolvedExactly() {
        double[] entries = {3, -1, 2, 0, 0.5};
        assertExtremes(-1, 3, Lanczos.extremes(diagonal(entries), 6));
    }

    @Test
    void operatorWithFewDistinctEigenvaluesStopsAtTheInvariantSubspace() {
        double[] entries = new double[500];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = i % 3 - 1.0;
        }
        LanczosResult result = Lanczos.extremes(diagonal(entries), 7);
        assertExtremes(-1, 1, result);
        assertTrue(result.applications() <= 5, () -> "applications: " + result.applications());
    }
}
