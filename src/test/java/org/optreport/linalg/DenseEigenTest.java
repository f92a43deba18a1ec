package org.optreport.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class DenseEigenTest {

    @Test
    void recoversTheSpectrumOfARotatedDiagonalMatrix() {
        double[] spectrum = {-2.5, -1e-3, 0, 0, 0.7, 4.0};
        DMatrixRMaj q = SeededMatrices.orthonormalColumns(6, 6, new Random(5));
        DMatrixRMaj qd = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.mult(q, CommonOps_DDRM.diag(spectrum), qd);
        DMatrixRMaj a = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.multTransB(qd, q, a);
        assertArrayEquals(spectrum, DenseEigen.eigenvalues(a), 1e-13);
    }
}
