package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.model.ReluFixtures.gaussianVector;
import static org.optreport.model.ReluFixtures.maxAbs;
import static org.optreport.model.ReluFixtures.maxAbsDifference;
import static org.optreport.model.ReluFixtures.unitRows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class KernelDynamicsTest {
    private static final int N = 20;

    private static KernelDynamics dynamics(double learningRateTimesLambdaMax) {
        DMatrixRMaj x = unitRows(N, 5, 41);
        double[] y = gaussianVector(N, 42);
        double[] u0 = TwoLayerReluNetwork.create(1000, 5, 43).outputs(x);
        DMatrixRMaj kernel = NeuralTangentKernel.infiniteWidth(x);
        double lambdaMax = new KernelDynamics(kernel, y, u0, 0.0).lambdaMax();
        return new KernelDynamics(kernel, y, u0, learningRateTimesLambdaMax / lambdaMax);
    }

    private static double[] residual(double[] u, double[] y) {
        double[] r = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            r[i] = u[i] - y[i];
        }
        return r;
    }

    @Test
    void steppedMatchesClosedFormAfter200Steps() {
        KernelDynamics dynamics = dynamics(1.0);
        double[] u = dynamics.initialOutputs();
        for (int k = 0; k < 200; k++) {
            dynamics.step(u);
        }
        double[] y = dynamics.targets();
        double[] closed = dynamics.closedForm(200);
        double[] steppedResidual = residual(u, y);
        double[] closedResidual = residual(closed, y);
        assertTrue(maxAbsDifference(steppedResidual, closedResidual) <= 1e-10 * maxAbs(closedResidual),
                "difference " + maxAbsDifference(steppedResidual, closedResidual) + " vs residual "
                        + maxAbs(closedResidual));
    }

    @Test
    void lossStaysUnderTheLambdaMinBound() {
        KernelDynamics dynamics = dynamics(0.9);
        double eta = dynamics.learningRate();
        double contraction = 1.0 - eta * dynamics.lambdaMin();
        double[] u = dynamics.initialOutputs();
        double initialLoss = dynamics.loss(u);
        for (int k = 1; k <= 200; k++) {
            dynamics.step(u);
            double bound = Math.pow(contraction, 2 * k) * initialLoss;
            assertTrue(dynamics.loss(u) <= bound * (1 + 1e-12), "step " + k);
        }
        assertTrue(dynamics.loss(u) < initialLoss, "the loss decreased");
    }

    @Test
    void eigenpairsAreSortedOrthonormalAndSatisfyTheEigenEquation() {
        KernelDynamics dynamics = dynamics(1.0);
        DMatrixRMaj kernel = NeuralTangentKernel.infiniteWidth(unitRows(N, 5, 41));
        double[] lambda = dynamics.eigenvalues();
        DMatrixRMaj q = dynamics.eigenvectors();
        assertEquals(lambda[0], dynamics.lambdaMax(), 0.0);
        assertEquals(lambda[N - 1], dynamics.lambdaMin(), 0.0);
        double trace = 0.0;
        for (int c = 0; c < N; c++) {
            trace += lambda[c];
            if (c > 0) {
                assertTrue(lambda[c] <= lambda[c - 1]);
            }
            for (int i = 0; i < N; i++) {
                double hq = 0.0;
                for (int j = 0; j < N; j++) {
                    hq += kernel.get(i, j) * q.get(j, c);
                }
                assertEquals(lambda[c] * q.get(i, c), hq, 1e-12);
            }
            for (int c2 = 0; c2 < N; c2++) {
                double inner = 0.0;
                for (int i = 0; i < N; i++) {
                    inner += q.get(i, c) * q.get(i, c2);
                }
                assertEquals(c == c2 ? 1.0 : 0.0, inner, 1e-12);
            }
        }
        assertEquals(0.5 * N, trace, 1e-12, "trace = sum of the diagonal 1/2");
    }

    @Test
    void projectionsSplitTheLossAndDecayGeometrically() {
        KernelDynamics dynamics = dynamics(0.5);
        double[] u = dynamics.initialOutputs();
        for (int k = 0; k < 37; k++) {
            dynamics.step(u);
        }
        double[] projected = dynamics.projections(u);
        double[] predicted = dynamics.residualProjections(37);
        assertTrue(maxAbsDifference(projected, predicted) <= 1e-10 * maxAbs(predicted));
        double split = 0.0;
        for (double p : projected) {
            split += 0.5 * p * p;
        }
        assertEquals(dynamics.loss(u), split, 1e-12 * split);
    }
}
