package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optreport.linalg.DenseEigen;
import org.optreport.linalg.Lanczos;
import org.optreport.linalg.LanczosResult;
import org.optreport.linalg.SpectrumExtremes;

class HessianLanczosTest {

    private static void assertLanczosMatchesDense(DeepLinearNetwork net, SquaredLoss loss) {
        SpectrumExtremes dense = DenseEigen.extremes(net.hessian(loss));
        LanczosResult lanczos = Lanczos.extremes(net.hessianOperator(loss), 17);
        double scale = dense.spectralRadius();
        assertTrue(lanczos.converged(), lanczos::toString);
        assertEquals(dense.min(), lanczos.min(), 1e-8 * scale, lanczos::toString);
        assertEquals(dense.max(), lanczos.max(), 1e-8 * scale, lanczos::toString);
    }

    @Test
    void randomPointOfAFewHundredParameters() {
        SquaredLoss loss = SyntheticData.of(60, 8, 3, 0.3, 50).squaredLoss();
        DeepLinearNetwork net = DeepLinearNetwork.xavier(new int[]{8, 12, 12, 3}, 1.0, 51);
        assertLanczosMatchesDense(net, loss);
    }

    @Test
    void perturbedMinimumWithManyNearZeroEigenvaluesOfBothSigns() {
        SquaredLoss loss = SyntheticData.of(80, 10, 4, 0.3, 52).squaredLoss();
        DeepLinearNetwork net = DeepLinearNetworkInitializers.balancedFactorization(
                loss.optimalWeights(), new int[]{10, 16, 16, 16, 4}, 53);
        double[] theta = net.parameters();
        java.util.Random random = new java.util.Random(58);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 1e-4 * random.nextGaussian();
        }
        net.setParameters(theta);
        assertTrue(net.parameterCount() > 600);
        assertLanczosMatchesDense(net, loss);
    }

    @Test
    void exactBalancedMinimumAtTheDenseLimitAgreesWithLanczos() {
        SquaredLoss loss = SyntheticData.of(100, 20, 5, 0.3, 54).squaredLoss();
        int[] widths = {20, 25, 20, 20, 5};
        DeepLinearNetwork net = DeepLinearNetworkInitializers.balancedFactorization(loss.optimalWeights(), widths, 55);
        assertEquals(DeepLinearNetwork.DENSE_EIGEN_LIMIT, net.parameterCount());
        HessianExtremes dense = net.hessianExtremes(loss);
        assertEquals(HessianExtremes.Method.DENSE, dense.method());
        LanczosResult lanczos = Lanczos.extremes(net.hessianOperator(loss), 17);
        double scale = Math.max(Math.abs(dense.min()), Math.abs(dense.max()));
        assertTrue(lanczos.converged(), lanczos::toString);
        assertEquals(dense.min(), lanczos.min(), 1e-8 * scale, lanczos::toString);
        assertEquals(dense.max(), lanczos.max(), 1e-8 * scale, lanczos::toString);
        assertEquals(0.0, dense.min(), 1e-10 * scale, "a balanced minimum has a flat direction");
    }

    @Test
    void hessianExtremesUsesLanczosAboveTheDenseLimit() {
        SquaredLoss loss = SyntheticData.of(50, 20, 5, 0.3, 56).squaredLoss();
        DeepLinearNetwork net = DeepLinearNetwork.xavier(new int[]{20, 25, 21, 20, 5}, 1.0, 57);
        HessianExtremes viaLanczos = net.hessianExtremes(loss);
        assertEquals(HessianExtremes.Method.LANCZOS, viaLanczos.method());
        SpectrumExtremes dense = DenseEigen.extremes(net.hessian(loss));
        assertEquals(dense.min(), viaLanczos.min(), 1e-8 * dense.spectralRadius());
        assertEquals(dense.max(), viaLanczos.max(), 1e-8 * dense.spectralRadius());
    }
}
