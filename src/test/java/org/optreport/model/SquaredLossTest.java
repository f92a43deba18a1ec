package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.optreport.linalg.SeededMatrices;

class SquaredLossTest {

    /** (1/(2n)) ||X W^T - Y||_F^2 straight from the samples. */
    private static double directLoss(SyntheticData data, DMatrixRMaj w) {
        DMatrixRMaj residual = new DMatrixRMaj(data.x().numRows, w.numRows);
        CommonOps_DDRM.multTransB(data.x(), w, residual);
        CommonOps_DDRM.subtractEquals(residual, data.y());
        double norm = NormOps_DDRM.normF(residual);
        return norm * norm / (2.0 * data.x().numRows);
    }

    @Test
    void valueFromMomentsEqualsTheSampleFormula() {
        SyntheticData data = SyntheticData.of(30, 4, 3, 0.2, 1);
        DMatrixRMaj w = SeededMatrices.gaussian(3, 4, 1.0, new Random(2));
        assertEquals(directLoss(data, w), data.squaredLoss().value(w), 1e-12 * directLoss(data, w));
    }

    @Test
    void optimumWithSingularInputMomentHasZeroGradientAndMatchesTheSampleLoss() {
        // more inputs than samples: Sxx is singular and the fit is exact
        SyntheticData data = SyntheticData.of(5, 8, 2, 0.3, 3);
        SquaredLoss loss = data.squaredLoss();
        DMatrixRMaj optimum = loss.optimalWeights();
        DMatrixRMaj gradient = new DMatrixRMaj(2, 8);
        loss.gradient(optimum, gradient);
        assertTrue(NormOps_DDRM.normF(gradient) < 1e-10);
        assertEquals(directLoss(data, optimum), loss.optimalValue(), 1e-10);
        assertEquals(0.0, loss.optimalValue(), 1e-10);
    }

    @Test
    void optimalValueIsBelowRandomPerturbations() {
        SyntheticData data = SyntheticData.of(40, 4, 2, 0.5, 4);
        SquaredLoss loss = data.squaredLoss();
        DMatrixRMaj optimum = loss.optimalWeights();
        Random random = new Random(5);
        for (int trial = 0; trial < 10; trial++) {
            DMatrixRMaj w = optimum.copy();
            CommonOps_DDRM.addEquals(w, SeededMatrices.gaussian(2, 4, 1e-3, random));
            assertTrue(loss.value(w) > loss.optimalValue());
        }
        assertTrue(loss.optimalValue() > 0, "noisy targets cannot be fitted exactly");
    }
}
