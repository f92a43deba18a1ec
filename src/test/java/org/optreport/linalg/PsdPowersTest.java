package org.optreport.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class PsdPowersTest {

    /** G G^T with G of shape n x rank: PSD of the given rank. */
    private static DMatrixRMaj randomPsd(int n, int rank, long seed) {
        DMatrixRMaj g = SeededMatrices.gaussian(n, rank, 1.0, new Random(seed));
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(g, g, a);
        return a;
    }

    private static double relativeDifference(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj diff = a.copy();
        CommonOps_DDRM.subtractEquals(diff, b);
        return NormOps_DDRM.normF(diff) / Math.max(NormOps_DDRM.normF(b), 1e-300);
    }

    @Test
    void firstPowerIsTheMatrixItself() {
        DMatrixRMaj a = randomPsd(6, 6, 1);
        assertTrue(relativeDifference(PsdPowers.power(a, 1.0), a) < 1e-12);
    }

    @Test
    void powersAddUnderMultiplication() {
        DMatrixRMaj a = randomPsd(7, 7, 2);
        DMatrixRMaj product = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.mult(PsdPowers.power(a, 0.3), PsdPowers.power(a, 0.45), product);
        assertTrue(relativeDifference(product, PsdPowers.power(a, 0.75)) < 1e-11);
    }

    @Test
    void rankDeficientPowersAddAndKeepTheRange() {
        DMatrixRMaj a = randomPsd(8, 3, 3);
        DMatrixRMaj product = new DMatrixRMaj(8, 8);
        CommonOps_DDRM.mult(PsdPowers.power(a, 0.25), PsdPowers.power(a, 0.75), product);
        assertTrue(relativeDifference(product, a) < 1e-11);
        DMatrixRMaj root = PsdPowers.sqrt(a);
        CommonOps_DDRM.mult(root, root, product);
        assertTrue(relativeDifference(product, a) < 1e-11);
        // a small positive power of a rank-3 matrix is (close to) the projector's scale, never full rank
        assertEquals(3, MatrixFeatures_DDRM.rank(PsdPowers.power(a, 0.01), 1e-6));
    }

    @Test
    void zeroPowerIsTheIdentityEvenForTheZeroMatrix() {
        DMatrixRMaj zero = new DMatrixRMaj(4, 4);
        assertTrue(MatrixFeatures_DDRM.isIdentity(PsdPowers.power(zero, 0.0), 0.0));
        assertTrue(MatrixFeatures_DDRM.isIdentity(PsdPowers.power(randomPsd(4, 2, 4), 0.0), 0.0));
    }

    @Test
    void positivePowerOfTheZeroMatrixIsZero() {
        DMatrixRMaj zero = new DMatrixRMaj(4, 4);
        assertEquals(0.0, NormOps_DDRM.normF(PsdPowers.power(zero, 0.5)));
    }

    @Test
    void eigenvaluesBelowTheCutoffCountAsZero() {
        DMatrixRMaj a = CommonOps_DDRM.diag(1.0, 1e-14, -1e-15);
        DMatrixRMaj expected = CommonOps_DDRM.diag(1.0, 0.0, 0.0);
        assertTrue(relativeDifference(PsdPowers.power(a, 0.5), expected) < 1e-15);
    }
}
