package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.model.ReluFixtures.gaussianVector;
import static org.optreport.model.ReluFixtures.maxAbs;
import static org.optreport.model.ReluFixtures.maxAbsDifference;
import static org.optreport.model.ReluFixtures.unitRows;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TwoLayerReluNetworkTest {

    /** f(x_i) straight from the definition, one sample and one neuron at a time. */
    private static double[] naiveOutputs(TwoLayerReluNetwork network, DMatrixRMaj x) {
        int m = network.width();
        int d = network.inputDimension();
        double[] w = network.weights();
        double[] a = network.outputSigns();
        double[] out = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double sum = 0.0;
            for (int r = 0; r < m; r++) {
                double z = 0.0;
                for (int j = 0; j < d; j++) {
                    z += w[r * d + j] * x.get(i, j);
                }
                sum += a[r] * Math.max(z, 0.0);
            }
            out[i] = sum / Math.sqrt(m);
        }
        return out;
    }

    /** max_r ||w_r - w_r(0)||. */
    private static double maxNeuronMovement(TwoLayerReluNetwork network) {
        double[] w = network.weights();
        double[] w0 = network.initialWeights();
        int d = network.inputDimension();
        double max = 0.0;
        for (int r = 0; r < network.width(); r++) {
            double squared = 0.0;
            for (int j = 0; j < d; j++) {
                squared += (w[r * d + j] - w0[r * d + j]) * (w[r * d + j] - w0[r * d + j]);
            }
            max = Math.max(max, Math.sqrt(squared));
        }
        return max;
    }

    @Test
    void outputsMatchPerSampleFormula() {
        DMatrixRMaj x = unitRows(9, 5, 1);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(37, 5, 2);
        double[] expected = naiveOutputs(network, x);
        assertTrue(maxAbsDifference(network.outputs(x), expected) <= 1e-12 * Math.max(1.0, maxAbs(expected)));
    }

    @Test
    void gdStepMatchesGradientFromExplicitActivationMatrix() {
        int n = 11;
        int d = 6;
        int m = 53;
        double eta = 0.3;
        DMatrixRMaj x = unitRows(n, d, 3);
        double[] y = gaussianVector(n, 4);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(m, d, 5, 16);
        double[] w = network.weights();
        double[] a = network.outputSigns();

        boolean[][] active = new boolean[n][m];
        double[] residual = naiveOutputs(network, x);
        for (int i = 0; i < n; i++) {
            residual[i] -= y[i];
            for (int r = 0; r < m; r++) {
                double z = 0.0;
                for (int j = 0; j < d; j++) {
                    z += w[r * d + j] * x.get(i, j);
                }
                active[i][r] = z >= 0.0;
            }
        }
        double[] expected = w.clone();
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < d; j++) {
                double g = 0.0;
                for (int i = 0; i < n; i++) {
                    if (active[i][r]) {
                        g += residual[i] * x.get(i, j);
                    }
                }
                expected[r * d + j] -= eta * a[r] / Math.sqrt(m) * g;
            }
        }

        network.gdStep(x, y, eta);
        assertTrue(maxAbsDifference(network.weights(), expected) <= 1e-12);
    }

    @Test
    void gradientMatchesCentralDifferencesOfLoss() {
        DMatrixRMaj x = unitRows(7, 3, 6);
        double[] y = gaussianVector(7, 7);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(20, 3, 8);
        double[] w = network.weights();
        double[] gradient = new double[w.length];
        network.gradient(x, y, gradient);

        double h = 1e-6;
        double[] differences = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double[] shifted = w.clone();
            shifted[k] = w[k] + h;
            network.setWeights(shifted);
            double up = network.loss(x, y);
            shifted[k] = w[k] - h;
            network.setWeights(shifted);
            double down = network.loss(x, y);
            differences[k] = (up - down) / (2 * h);
        }
        assertTrue(maxAbsDifference(differences, gradient) <= 1e-6 * maxAbs(gradient),
                "finite differences " + Arrays.toString(differences) + " vs " + Arrays.toString(gradient));
    }

    @Test
    void gdStepIsWeightsMinusLearningRateTimesGradient() {
        DMatrixRMaj x = unitRows(13, 4, 9);
        double[] y = gaussianVector(13, 10);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(300, 4, 11);
        double[] gradient = new double[300 * 4];
        network.gradient(x, y, gradient);
        double[] expected = network.weights();
        for (int k = 0; k < expected.length; k++) {
            expected[k] -= 0.7 * gradient[k];
        }
        network.gdStep(x, y, 0.7);
        assertArrayEquals(expected, network.weights(), 0.0);
    }

    @Test
    void gdStepReportsLossAndOutputsBeforeTheStep() {
        DMatrixRMaj x = unitRows(10, 4, 12);
        double[] y = gaussianVector(10, 13);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(64, 4, 14);
        double[] before = naiveOutputs(network, x);
        double expectedLoss = 0.0;
        for (int i = 0; i < 10; i++) {
            expectedLoss += 0.5 * (before[i] - y[i]) * (before[i] - y[i]);
        }
        double[] reported = new double[10];
        double loss = network.gdStep(x, y, 0.1, reported);
        assertEquals(expectedLoss, loss, 1e-12 * expectedLoss);
        assertTrue(maxAbsDifference(reported, before) <= 1e-12);
    }

    @Test
    void blockSizeDoesNotChangeTrajectory() {
        DMatrixRMaj x = unitRows(23, 7, 15);
        double[] y = gaussianVector(23, 16);
        int width = 1000;
        double[] reference = null;
        for (int blockSize : new int[] {1, 7, 64, 256, 1000, 4096}) {
            TwoLayerReluNetwork network = TwoLayerReluNetwork.create(width, 7, 17, blockSize);
            for (int step = 0; step < 3; step++) {
                network.gdStep(x, y, 0.5);
            }
            if (reference == null) {
                reference = network.weights();
            } else {
                assertArrayEquals(reference, network.weights(), 0.0, "block size " + blockSize);
            }
        }
    }

    @Test
    void outputsKeptByTheStepAreThoseOfAFreshOutputPass() {
        DMatrixRMaj x = unitRows(21, 5, 52);
        double[] y = gaussianVector(21, 53);
        TwoLayerReluNetwork trained = TwoLayerReluNetwork.create(333, 5, 54, 20);
        for (int step = 0; step < 4; step++) {
            trained.gdStep(x, y, 0.8);
        }
        TwoLayerReluNetwork fresh = TwoLayerReluNetwork.create(333, 5, 54);
        fresh.setWeights(trained.weights());
        assertArrayEquals(fresh.outputs(x), trained.outputs(x), 0.0);
    }

    @Test
    void trainingIsBitForBitReproducible() {
        DMatrixRMaj x = unitRows(45, 10, 40);
        double[] y = gaussianVector(45, 41);
        TwoLayerReluNetwork first = TwoLayerReluNetwork.create(777, 10, 42);
        TwoLayerReluNetwork second = TwoLayerReluNetwork.create(777, 10, 42);
        double[] u1 = new double[45];
        double[] u2 = new double[45];
        for (int step = 0; step < 10; step++) {
            assertEquals(first.gdStep(x, y, 1.5, u1), second.gdStep(x, y, 1.5, u2), 0.0);
            assertArrayEquals(u1, u2, 0.0);
        }
        assertArrayEquals(first.weights(), second.weights(), 0.0);
        assertEquals(first.activationFlipFraction(x), second.activationFlipFraction(x), 0.0);
    }

    /**
     * Several steps of a plain per-(neuron, sample) loop: outputs from the definition, then every neuron's gradient
     * over the samples where it is active. n = 45 spans two pattern codes and a partial table group; the step is large
     * enough that activations flip, so the stored pattern must follow the weights.
     */
    @Test
    void stepsMatchAPlainPerNeuronPerSampleLoop() {
        int n = 45;
        int d = 10;
        int m = 301;
        double eta = 2.0;
        DMatrixRMaj x = unitRows(n, d, 43);
        double[] y = gaussianVector(n, 44);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(m, d, 45, 32);
        double[] w = network.weights();
        double[] a = network.outputSigns();
        for (int step = 0; step < 6; step++) {
            double[] u = new double[n];
            boolean[][] active = new boolean[m][n];
            for (int r = 0; r < m; r++) {
                for (int i = 0; i < n; i++) {
                    double z = 0.0;
                    for (int j = 0; j < d; j++) {
                        z += w[r * d + j] * x.get(i, j);
                    }
                    active[r][i] = z >= 0;
                    u[i] += a[r] * Math.max(z, 0.0) / Math.sqrt(m);
                }
            }
            double[] reported = new double[n];
            network.gdStep(x, y, eta, reported);
            assertTrue(maxAbsDifference(reported, u) <= 1e-12 * maxAbs(u), "outputs at step " + step);
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < d; j++) {
                    double g = 0.0;
                    for (int i = 0; i < n; i++) {
                        if (active[r][i]) {
                            g += (u[i] - y[i]) * x.get(i, j);
                        }
                    }
                    w[r * d + j] -= eta * a[r] / Math.sqrt(m) * g;
                }
            }
            assertTrue(maxAbsDifference(network.weights(), w) <= 1e-12 * maxAbs(w), "weights after step " + step);
        }
        assertTrue(network.activationFlipFraction(x) > 0, "the steps flipped some activations");
    }

    @Test
    void newInputsAndNewWeightsAreSeen() {
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(50, 4, 49);
        DMatrixRMaj first = unitRows(9, 4, 50);
        DMatrixRMaj second = unitRows(9, 4, 51);
        network.outputs(first);
        assertTrue(maxAbsDifference(network.outputs(second), naiveOutputs(network, second)) <= 1e-12);
        double[] moved = network.weights();
        moved[3] += 0.5;
        network.setWeights(moved);
        assertTrue(maxAbsDifference(network.outputs(second), naiveOutputs(network, second)) <= 1e-12);
        second.set(2, 1, 0.25);
        assertTrue(maxAbsDifference(network.outputs(second), naiveOutputs(network, second)) <= 1e-12);
    }

    @Test
    void sameSeedGivesSameNetworkAndDifferentSeedDiffers() {
        TwoLayerReluNetwork first = TwoLayerReluNetwork.create(50, 3, 42);
        TwoLayerReluNetwork second = TwoLayerReluNetwork.create(50, 3, 42);
        TwoLayerReluNetwork other = TwoLayerReluNetwork.create(50, 3, 43);
        assertArrayEquals(first.weights(), second.weights(), 0.0);
        assertArrayEquals(first.outputSigns(), second.outputSigns(), 0.0);
        assertFalse(Arrays.equals(first.weights(), other.weights()));
        assertFalse(Arrays.equals(first.outputSigns(), other.outputSigns()));
    }

    @Test
    void drawsFollowTheDocumentedOrder() {
        java.util.Random random = new java.util.Random(42);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(40, 3, 42);
        double[] w = network.weights();
        double[] a = network.outputSigns();
        for (int r = 0; r < 40; r++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(random.nextGaussian(), w[r * 3 + j], 0.0);
            }
            assertEquals(random.nextBoolean() ? 1.0 : -1.0, a[r], 0.0);
        }
        long plus = Arrays.stream(a).filter(s -> s == 1.0).count();
        assertTrue(plus > 0 && plus < 40, "both signs occur");
    }

    @Test
    void nothingHasMovedBeforeTraining() {
        DMatrixRMaj x = unitRows(12, 4, 18);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(500, 4, 19);
        assertEquals(0.0, network.activationFlipFraction(x), 0.0);
        assertArrayEquals(network.initialWeights(), network.weights(), 0.0);
        assertEquals(0.0, network.relativeWeightMovement(), 0.0);
    }

    @Test
    void flipFractionCountsChangedActivationsAgainstExplicitPatterns() {
        int n = 12;
        int d = 4;
        int m = 40;
        DMatrixRMaj x = unitRows(n, d, 20);
        double[] y = gaussianVector(n, 21);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(m, d, 22, 8);
        for (int step = 0; step < 20; step++) {
            network.gdStep(x, y, 2.0);
        }
        double[] w0 = network.initialWeights();
        double[] w = network.weights();
        int flips = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < m; r++) {
                double z0 = 0.0;
                double z = 0.0;
                for (int j = 0; j < d; j++) {
                    z0 += w0[r * d + j] * x.get(i, j);
                    z += w[r * d + j] * x.get(i, j);
                }
                if ((z0 >= 0) != (z >= 0)) {
                    flips++;
                }
            }
        }
        assertTrue(flips > 0, "the learning rate is large enough to flip some activations");
        assertEquals((double) flips / (n * m), network.activationFlipFraction(x), 1e-15);
    }

    @Test
    void weightMovementShrinksAsWidthGrows() {
        DMatrixRMaj x = unitRows(10, 4, 23);
        double[] y = gaussianVector(10, 24);
        double[] movement = new double[2];
        int[] widths = {100, 10000};
        for (int c = 0; c < 2; c++) {
            TwoLayerReluNetwork network = TwoLayerReluNetwork.create(widths[c], 4, 25);
            double initialLoss = network.loss(x, y);
            for (int step = 0; step < 100; step++) {
                network.gdStep(x, y, 0.2);
            }
            assertTrue(network.loss(x, y) < 0.5 * initialLoss, "training made progress at width " + widths[c]);
            movement[c] = maxNeuronMovement(network);
        }
        // Each step moves w_r by at most eta ||residual||_1 / sqrt(m): a 100x wider net should move ~10x less.
        assertTrue(movement[1] < movement[0] / 4, Arrays.toString(movement));
    }

    @Test
    void empiricalKernelMatchesExplicitSum() {
        int n = 9;
        int d = 5;
        int m = 30;
        DMatrixRMaj x = unitRows(n, d, 26);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(m, d, 27);
        network.gdStep(x, gaussianVector(n, 28), 1.0);
        double[] w = network.weights();
        DMatrixRMaj kernel = NeuralTangentKernel.empirical(network, x);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double inner = 0.0;
                for (int j = 0; j < d; j++) {
                    inner += x.get(i, j) * x.get(k, j);
                }
                double sum = 0.0;
                for (int r = 0; r < m; r++) {
                    double zi = 0.0;
                    double zk = 0.0;
                    for (int j = 0; j < d; j++) {
                        zi += w[r * d + j] * x.get(i, j);
                        zk += w[r * d + j] * x.get(k, j);
                    }
                    if (zi >= 0 && zk >= 0) {
                        sum += inner;
                    }
                }
                assertEquals(sum / m, kernel.get(i, k), 1e-14);
            }
        }
    }

    @Test
    void gdStepAllocatesNothingInSteadyState() {
        DMatrixRMaj x = unitRows(64, 10, 29);
        double[] y = gaussianVector(64, 30);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(1000, 10, 31);
        double[] outputs = new double[64];
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        network.gdStep(x, y, 0.1, outputs);
        long before = threads.getThreadAllocatedBytes(thread);
        for (int step = 0; step < 20; step++) {
            network.gdStep(x, y, 0.1, outputs);
            network.outputs(x, outputs);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // One n x m activation matrix would be 64 x 1000 doubles = 512 kB per step; allow only bookkeeping noise.
        assertTrue(allocated < 4096, allocated + " bytes allocated in 20 steps");
    }
}
