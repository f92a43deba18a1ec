package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HessianTest {

    private static final int[][] SHAPES = {{3, 2}, {3, 4, 2}, {3, 4, 5, 2}, {3, 4, 5, 3, 2}};

    private static DeepLinearNetwork network(int depth) {
        return DeepLinearNetwork.gaussian(SHAPES[depth - 1], 0.8, 30 + depth);
    }

    private static SquaredLoss loss(int depth) {
        return SyntheticData.of(25, 3, 2, 0.3, 40 + depth).squaredLoss();
    }

    /** Column i = (grad(theta + h e_i) - grad(theta - h e_i)) / (2h). */
    private static DMatrixRMaj finiteDifferenceHessian(DeepLinearNetwork net, SquaredLoss loss) {
        int p = net.parameterCount();
        double[] theta = net.parameters();
        double[] plus = new double[p];
        double[] minus = new double[p];
        DMatrixRMaj h = new DMatrixRMaj(p, p);
        double step = 1e-5;
        for (int i = 0; i < p; i++) {
            double original = theta[i];
            theta[i] = original + step;
            net.setParameters(theta);
            net.gradient(loss, plus);
            theta[i] = original - step;
            net.setParameters(theta);
            net.gradient(loss, minus);
            theta[i] = original;
            for (int r = 0; r < p; r++) {
                h.set(r, i, (plus[r] - minus[r]) / (2 * step));
            }
        }
        net.setParameters(theta);
        return h;
    }

    private static double relativeDifference(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj diff = a.copy();
        CommonOps_DDRM.subtractEquals(diff, b);
        return NormOps_DDRM.normF(diff) / NormOps_DDRM.normF(b);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void analyticHessianMatchesFiniteDifferencesOfTheGradient(int depth) {
        DeepLinearNetwork net = network(depth);
        SquaredLoss loss = loss(depth);
        double error = relativeDifference(net.hessian(loss), finiteDifferenceHessian(net, loss));
        assertTrue(error < 1e-6, () -> "relative error " + error);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void hessianIsSymmetric(int depth) {
        DMatrixRMaj h = network(depth).hessian(loss(depth));
        assertTrue(MatrixFeatures_DDRM.isSymmetric(h, 0.0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void hessianVectorProductMatchesTheDenseHessian(int depth) {
        DeepLinearNetwork net = network(depth);
        SquaredLoss loss = loss(depth);
        DMatrixRMaj h = net.hessian(loss);
        Random random = new Random(depth);
        double[] v = new double[net.parameterCount()];
        double[] product = new double[v.length];
        for (int trial = 0; trial < 3; trial++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            net.hessianVectorProduct(loss, v, product);
            DMatrixRMaj expected = new DMatrixRMaj(v.length, 1);
            CommonOps_DDRM.mult(h, DMatrixRMaj.wrap(v.length, 1, v), expected);
            double error = SyntheticData.relativeDifference(product, expected.data);
            assertTrue(error < 1e-10, () -> "relative error " + error);
        }
    }
}
