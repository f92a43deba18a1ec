package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;

/** The baseline computes the same Hessian as the analytic kernel, so the speed-up compares like with like. */
class FiniteDifferenceHessianTest {
    @Test void agreesWithTheAnalyticHessian() {
        DlnShape shape = DlnShape.parse("10x4x3x1");
        DeepLinearNetwork network = shape.network();
        SquaredLoss loss = shape.loss();
        DMatrixRMaj analytic = network.hessian(loss);
        double[] before = network.parameters();
        DMatrixRMaj differences = new FiniteDifferenceHessian(network).compute(loss, 1e-5);
        DMatrixRMaj gap = new DMatrixRMaj(analytic.numRows, analytic.numCols);
        CommonOps_DDRM.subtract(analytic, differences, gap);
        assertTrue(NormOps_DDRM.normF(gap) <= 1e-6 * NormOps_DDRM.normF(analytic), "relative gap " + NormOps_DDRM.normF(gap) / NormOps_DDRM.normF(analytic));
        assertTrue(java.util.Arrays.equals(before, network.parameters()), "the weights are restored");
    }
}
