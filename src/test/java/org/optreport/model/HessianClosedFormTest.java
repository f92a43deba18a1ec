package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;
import org.optreport.linalg.DenseEigen;

class HessianClosedFormTest {

    private static DeepLinearNetwork zeroNetwork(int[] widths) {
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (int j = 1; j < widths.length; j++) {
            layers.add(new DMatrixRMaj(widths[j], widths[j - 1]));
        }
        return new DeepLinearNetwork(layers);
    }

    @Test
    void depthTwoAtZeroHasEigenvaluesPlusMinusSingularValuesOfTheGradient() {
        int[] widths = {4, 5, 3};
        SquaredLoss loss = SyntheticData.of(30, 4, 3, 0.2, 7).squaredLoss();
        double[] eigenvalues = DenseEigen.eigenvalues(zeroNetwork(widths).hessian(loss));
        // grad l(0) = -Syx; each singular value sigma_i appears as +-sigma_i once per hidden unit
        double[] sigma = SingularOps_DDRM.singularValues(loss.crossMoment().copy());
        int parameters = 4 * 5 + 5 * 3;
        double[] expected = new double[parameters];
        int k = 0;
        for (int unit = 0; unit < 5; unit++) {
            for (double s : sigma) {
                expected[k++] = s;
                expected[k++] = -s;
            }
        }
        Arrays.sort(expected);
        assertArrayEquals(expected, eigenvalues, 1e-12);
    }

    @Test
    void depthThreeAndMoreHaveAZeroHessianAtZero() {
        SquaredLoss loss = SyntheticData.of(30, 3, 2, 0.2, 8).squaredLoss();
        assertEquals(0.0, NormOps_DDRM.normF(zeroNetwork(new int[]{3, 4, 5, 2}).hessian(loss)));
        assertEquals(0.0, NormOps_DDRM.normF(zeroNetwork(new int[]{3, 4, 4, 4, 2}).hessian(loss)));
    }

    @Test
    void balancedScalarOutputMinimumHasThePredictedSharpnessAndZeroMinimum() {
        for (int depth = 2; depth <= 4; depth++) {
            SyntheticData data = SyntheticData.of(40, 5, 1, 0.3, 9 + depth);
            SquaredLoss loss = data.squaredLoss();
            DMatrixRMaj optimum = loss.optimalWeights();
            int[] widths = new int[depth + 1];
            Arrays.fill(widths, 4);
            widths[0] = 5;
            widths[depth] = 1;
            DeepLinearNetwork net = DeepLinearNetworkInitializers.balancedFactorization(optimum, widths, depth);
            double[] gradient = new double[net.parameterCount()];
            net.gradient(loss, gradient);
            assertTrue(SyntheticData.norm(gradient) < 1e-10, "the factorization must sit at a critical point");

            double[] eigenvalues = DenseEigen.eigenvalues(net.hessian(loss));
            double predicted = ScalarOutputTheory.predictedSharpness(optimum, depth, loss.inputMoment());
            double largest = eigenvalues[eigenvalues.length - 1];
            assertEquals(predicted, largest, 1e-8 * predicted, "depth " + depth);
            assertEquals(0.0, eigenvalues[0], 1e-8 * predicted, "depth " + depth);
        }
    }

    @Test
    void predictedSharpnessAtDepthOneIsTheLargestEigenvalueOfSigma() {
        SquaredLoss loss = SyntheticData.of(40, 5, 1, 0.3, 20).squaredLoss();
        double expected = DenseEigen.extremes(loss.inputMoment()).max();
        DMatrixRMaj w = loss.optimalWeights();
        assertEquals(expected, ScalarOutputTheory.predictedSharpness(w, 1, loss.inputMoment()), 1e-12 * expected);
        // and it equals the depth-1 Hessian's top eigenvalue, which is Sxx itself
        DeepLinearNetwork net = new DeepLinearNetwork(List.of(w));
        DMatrixRMaj h = net.hessian(loss);
        DMatrixRMaj diff = h.copy();
        CommonOps_DDRM.subtractEquals(diff, loss.inputMoment());
        assertTrue(NormOps_DDRM.normF(diff) < 1e-14 * NormOps_DDRM.normF(h));
    }
}
