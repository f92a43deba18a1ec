package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.optreport.model.TwoLayerReluNetwork;
import org.optreport.results.UltrawideResult.StepFlips;

/** The within-step flip term against the network's own step and its empirical kernel, computed independently. */
class UltrawideStepFlipsTest {
    private static DMatrixRMaj unitRows(int n, int d, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) { double v = random.nextGaussian(); x.set(i, c, v); s += v * v; }
            for (int c = 0; c < d; c++) x.set(i, c, x.get(i, c) / Math.sqrt(s));
        }
        return x;
    }

    private static double norm(double[] v) { return Math.sqrt(Arrays.stream(v).map(e -> e * e).sum()); }

    @Test void theLinearPartIsTheKernelStepAndTheFlipPartIsTheRestOfTheOutputChange() {
        int n = 12, d = 4, m = 30;
        DMatrixRMaj x = unitRows(n, d, 7);
        double[] y = new Random(8).doubles(n, -2, 2).toArray();
        // A large step, so that some activations flip within it.
        double eta = 3.0;
        TwoLayerReluNetwork net = TwoLayerReluNetwork.create(m, d, 5);
        UltrawideStepFlips flips = new UltrawideStepFlips(x, net.outputSigns());
        double[] before = net.weights(), uBefore = net.outputs(x);
        DMatrixRMaj h = net.empiricalKernel(x);
        net.gdStep(x, y, eta);
        double[] after = net.weights(), uAfter = net.outputs(x);
        flips.measure(0, before, after);
        StepFlips record = flips.toRecord();

        double[] kernelStep = new double[n], rest = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) kernelStep[i] -= eta * h.get(i, j) * (uBefore[j] - y[j]);
            rest[i] = uAfter[i] - uBefore[i] - kernelStep[i];
        }
        assertEquals(norm(kernelStep), record.linearTermNorm()[0], 1e-10 * norm(kernelStep));
        assertEquals(norm(rest), record.flipTermNorm()[0], 1e-10 * Math.max(1, norm(kernelStep)));
        assertTrue(record.flipTermNorm()[0] > 0, "a step this large flips some activations");

        long flipped = 0;
        for (int r = 0; r < m; r++)
            for (int i = 0; i < n; i++) {
                double z = 0, zNext = 0;
                for (int c = 0; c < d; c++) { z += before[r * d + c] * x.get(i, c); zNext += after[r * d + c] * x.get(i, c); }
                if ((z >= 0) != (zNext >= 0)) flipped++;
            }
        assertTrue(flipped > 0);
        assertEquals((double) flipped / (n * m), record.flipFraction()[0], 1e-15);
    }

    @Test void aStepWithoutFlipsIsExactlyTheKernelStep() {
        int n = 8, d = 3, m = 50;
        DMatrixRMaj x = unitRows(n, d, 11);
        double[] y = new Random(12).doubles(n, -1, 1).toArray();
        TwoLayerReluNetwork net = TwoLayerReluNetwork.create(m, d, 13);
        UltrawideStepFlips flips = new UltrawideStepFlips(x, net.outputSigns());
        double[] before = net.weights();
        net.gdStep(x, y, 1e-9);
        flips.measure(3, before, net.weights());
        StepFlips record = flips.toRecord();
        assertEquals(3, record.step()[0]);
        assertEquals(0, record.flipFraction()[0]);
        assertEquals(0, record.flipTermNorm()[0]);
        assertTrue(record.linearTermNorm()[0] > 0);
    }

    @Test void theMovementsAreTheLargestMedianAndRootMeanSquareOfTheNeuronsDistances() {
        // Three neurons in d = 2 that moved by 3, 4 and 12 (3-4-5 and 5-12-13 triangles from 0).
        double[] initial = {1, 1, 0, 0, -2, 5};
        double[] moved = {1 + 3, 1, 0 + 0, 0 + 4, -2 + 5, 5 + 12};
        UltrawideMovement m = UltrawideMovement.of(moved, initial, 2);
        assertEquals(13, m.max(), 1e-12);
        assertEquals(4, m.median(), 1e-12);
        assertEquals(Math.sqrt((9 + 16 + 169) / 3.0), m.rms(), 1e-12);
    }
}
