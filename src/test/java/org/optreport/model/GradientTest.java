package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientTest {

    private static final int[][] SHAPES = {{3, 2}, {3, 4, 2}, {3, 4, 5, 2}, {3, 4, 5, 3, 2}};

    private static double[] finiteDifferenceGradient(DeepLinearNetwork net, EndToEndLoss loss) {
        double[] theta = net.parameters();
        double[] gradient = new double[theta.length];
        double h = 1e-5;
        for (int i = 0; i < theta.length; i++) {
            double original = theta[i];
            theta[i] = original + h;
            net.setParameters(theta);
            double plus = net.loss(loss);
            theta[i] = original - h;
            net.setParameters(theta);
            double minus = net.loss(loss);
            theta[i] = original;
            gradient[i] = (plus - minus) / (2 * h);
        }
        net.setParameters(theta);
        return gradient;
    }

    private static void assertGradientMatches(DeepLinearNetwork net, EndToEndLoss loss) {
        double[] analytic = new double[net.parameterCount()];
        net.gradient(loss, analytic);
        double error = SyntheticData.relativeDifference(analytic, finiteDifferenceGradient(net, loss));
        assertTrue(error < 1e-6, () -> "relative error " + error + " at depth " + net.depth());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void squaredLossGradientMatchesFiniteDifferences(int depth) {
        SyntheticData data = SyntheticData.of(20, 3, 2, 0.1, 100 + depth);
        DeepLinearNetwork net = DeepLinearNetwork.gaussian(SHAPES[depth - 1], 0.7, depth);
        assertGradientMatches(net, data.squaredLoss());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void quarticLossGradientMatchesFiniteDifferences(int depth) {
        SyntheticData data = SyntheticData.of(20, 3, 2, 0.1, 200 + depth);
        DeepLinearNetwork net = DeepLinearNetwork.gaussian(SHAPES[depth - 1], 0.7, 10 + depth);
        assertGradientMatches(net, data.quarticLoss());
    }
}
