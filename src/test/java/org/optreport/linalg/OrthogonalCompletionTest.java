package org.optreport.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class OrthogonalCompletionTest {

    private static void assertOrthogonal(DMatrixRMaj q) {
        DMatrixRMaj gram = new DMatrixRMaj(q.numCols, q.numCols);
        CommonOps_DDRM.multTransA(q, q, gram);
        for (int i = 0; i < gram.numRows; i++)
            for (int j = 0; j < gram.numCols; j++) assertEquals(i == j ? 1.0 : 0.0, gram.get(i, j), 1e-14, "Q^T Q at " + i + "," + j);
    }

    /** The columns of A lie in the span of Q's first min(m, n) columns: Q^T A vanishes below that row. */
    private static void assertSpans(DMatrixRMaj q, DMatrixRMaj a) {
        DMatrixRMaj rotated = new DMatrixRMaj(q.numCols, a.numCols);
        CommonOps_DDRM.multTransA(q, a, rotated);
        double scale = Math.max(CommonOps_DDRM.elementMaxAbs(a), Double.MIN_NORMAL);
        for (int i = Math.min(a.numRows, a.numCols); i < rotated.numRows; i++)
            for (int j = 0; j < rotated.numCols; j++) assertEquals(0.0, rotated.get(i, j), 1e-14 * scale, "(Q^T A) at " + i + "," + j);
    }

    @Test
    void randomTallMatrix() {
        DMatrixRMaj a = SeededMatrices.gaussian(9, 3, 1.0, new Random(1));
        DMatrixRMaj q = OrthogonalCompletion.of(a);
        assertOrthogonal(q);
        assertSpans(q, a);
    }

    @Test
    void zeroAndDependentColumnsNeedNoRankDecision() {
        DMatrixRMaj a = new DMatrixRMaj(6, 3);
        DMatrixRMaj q = OrthogonalCompletion.of(a);
        assertOrthogonal(q);
        DMatrixRMaj column = SeededMatrices.gaussian(6, 1, 1.0, new Random(2));
        for (int i = 0; i < 6; i++) {
            a.set(i, 1, column.get(i, 0));
            a.set(i, 2, -3 * column.get(i, 0));
        }
        q = OrthogonalCompletion.of(a);
        assertOrthogonal(q);
        assertSpans(q, a);
    }

    @Test
    void tinyEntriesDoNotUnderflow() {
        DMatrixRMaj a = SeededMatrices.gaussian(5, 2, 1e-170, new Random(3));
        DMatrixRMaj q = OrthogonalCompletion.of(a);
        assertOrthogonal(q);
        assertSpans(q, a);
    }

    @Test
    void wideMatrixGivesAFullBasis() {
        DMatrixRMaj a = SeededMatrices.gaussian(3, 5, 1.0, new Random(4));
        assertOrthogonal(OrthogonalCompletion.of(a));
    }
}
