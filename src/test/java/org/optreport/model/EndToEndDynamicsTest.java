package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.optreport.linalg.SeededMatrices;

class EndToEndDynamicsTest {

    private static double relativeDifference(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj diff = a.copy();
        CommonOps_DDRM.subtractEquals(diff, b);
        return NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(b);
    }

    @Test
    void depthOneIsPlainGradientDescentOnW() {
        SyntheticData data = SyntheticData.of(30, 4, 3, 0.2, 70);
        for (EndToEndLoss loss : List.of(data.squaredLoss(), data.quarticLoss())) {
            DMatrixRMaj w = SeededMatrices.gaussian(3, 4, 0.5, new Random(71));
            DMatrixRMaj expected = w.copy();
            DMatrixRMaj gradient = new DMatrixRMaj(3, 4);
            loss.gradient(w, gradient);
            CommonOps_DDRM.addEquals(expected, -0.1, gradient);
            new EndToEndDynamics(1, 3, 4).step(w, loss, 0.1);
            assertTrue(relativeDifference(w, expected) < 1e-15);
        }
    }

    @Test
    void scalarOutputStepEqualsThePreconditionerClosedForm() {
        SyntheticData data = SyntheticData.of(30, 5, 1, 0.2, 72);
        for (EndToEndLoss loss : List.of(data.squaredLoss(), data.quarticLoss())) {
            for (int depth = 2; depth <= 4; depth++) {
                DMatrixRMaj w = SeededMatrices.gaussian(1, 5, 0.5, new Random(73 + depth));
                DMatrixRMaj gradient = new DMatrixRMaj(1, 5);
                loss.gradient(w, gradient);
                // W - eta (P_W grad^T)^T = W - eta grad P_W, P_W symmetric
                DMatrixRMaj preconditioned = new DMatrixRMaj(1, 5);
                CommonOps_DDRM.mult(gradient, ScalarOutputTheory.preconditioner(w, depth), preconditioned);
                DMatrixRMaj expected = w.copy();
                CommonOps_DDRM.addEquals(expected, -0.05, preconditioned);
                new EndToEndDynamics(depth, 1, 5).step(w, loss, 0.05);
                assertTrue(relativeDifference(w, expected) < 1e-12, "depth " + depth);
            }
        }
    }

    @Test
    void balancedNetworkStepAgreesWithTheDynamicsToFirstOrder() {
        SyntheticData data = SyntheticData.of(40, 4, 3, 0.2, 74);
        for (EndToEndLoss loss : List.of(data.squaredLoss(), data.quarticLoss())) {
            for (int depth = 2; depth <= 4; depth++) {
                int[] widths = new int[depth + 1];
                java.util.Arrays.fill(widths, 5);
                widths[0] = 4;
                widths[depth] = 3;
                double previousGap = Double.NaN;
                for (double eta : new double[]{1e-2, 1e-3}) {
                    DeepLinearNetwork net = DeepLinearNetwork.balanced(widths, 1.5, 75 + depth);
                    DMatrixRMaj predicted = net.endToEnd();
                    new EndToEndDynamics(depth, 3, 4).step(predicted, loss, eta);
                    net.gradientStep(loss, eta);
                    DMatrixRMaj diff = net.endToEnd();
                    CommonOps_DDRM.subtractEquals(diff, predicted);
                    double gap = NormOps_DDRM.normF(diff);
                    if (!Double.isNaN(previousGap)) {
                        // a tenth of the step must shrink the gap about a hundredfold (second order)
                        double ratio = previousGap / gap;
                        assertTrue(ratio > 80 && ratio < 120, "depth " + depth + " ratio " + ratio);
                    }
                    previousGap = gap;
                }
            }
        }
    }
}
