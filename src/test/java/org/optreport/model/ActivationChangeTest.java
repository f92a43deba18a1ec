package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.model.ReluFixtures.gaussianVector;
import static org.optreport.model.ReluFixtures.maxAbs;
import static org.optreport.model.ReluFixtures.maxAbsDifference;
import static org.optreport.model.ReluFixtures.unitRows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ActivationChangeTest {

    /** The step's change, pair by pair with branches, straight from the definitions. */
    @Test
    void matchesAPairByPairComputation() {
        int n = 19;
        int d = 5;
        int m = 41;
        DMatrixRMaj x = unitRows(n, d, 60);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(m, d, 61);
        double[] before = network.weights();
        network.gdStep(x, gaussianVector(n, 62), 3.0);
        double[] after = network.weights();
        double[] a = network.outputSigns();

        double[] linear = new double[n];
        double[] flip = new double[n];
        long flips = 0;
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                double z = 0.0;
                double zNext = 0.0;
                for (int j = 0; j < d; j++) {
                    z += before[r * d + j] * x.get(i, j);
                    zNext += after[r * d + j] * x.get(i, j);
                }
                double linearPart = z >= 0 ? zNext - z : 0.0;
                linear[i] += a[r] / Math.sqrt(m) * linearPart;
                if ((z >= 0) != (zNext >= 0)) {
                    flips++;
                    flip[i] += a[r] / Math.sqrt(m) * (Math.max(zNext, 0) - Math.max(z, 0) - linearPart);
                }
            }
        }
        ActivationChange change = ActivationChange.between(x, a, before, after);
        assertTrue(flips > 0, "a step this large flips some activations");
        assertEquals(flips, change.flips());
        assertTrue(maxAbsDifference(linear, change.linear()) <= 1e-12 * maxAbs(linear));
        assertTrue(maxAbsDifference(flip, change.flip()) <= 1e-12 * maxAbs(linear));
    }

    @Test
    void bothTermsTogetherAreTheOutputsChange() {
        DMatrixRMaj x = unitRows(33, 6, 63);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(500, 6, 64);
        double[] before = network.weights();
        double[] u = network.outputs(x);
        network.gdStep(x, gaussianVector(33, 65), 4.0);
        double[] uNext = network.outputs(x);
        ActivationChange change = ActivationChange.between(x, network.outputSigns(), before, network.weights());
        double[] sum = new double[33];
        double[] difference = new double[33];
        for (int i = 0; i < 33; i++) {
            sum[i] = change.linear()[i] + change.flip()[i];
            difference[i] = uNext[i] - u[i];
        }
        assertTrue(change.flips() > 0);
        assertTrue(maxAbsDifference(sum, difference) <= 1e-12 * Math.max(1.0, maxAbs(u)));
    }

    @Test
    void identicalWeightsChangeNothing() {
        DMatrixRMaj x = unitRows(10, 4, 66);
        TwoLayerReluNetwork network = TwoLayerReluNetwork.create(30, 4, 67);
        double[] w = network.weights();
        ActivationChange change = ActivationChange.between(x, network.outputSigns(), w, w);
        assertEquals(0, change.flips());
        assertEquals(0.0, maxAbs(change.linear()), 0.0);
        assertEquals(0.0, maxAbs(change.flip()), 0.0);
    }
}
