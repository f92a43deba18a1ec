package org.optreport.report.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/**
 * The a-priori bounds of the Part 2 page against real networks: the layer bound from the imbalance (random one-output
 * networks, far from balanced, with their spectral norms from an SVD) and the imbalance sum against EJML.
 */
class SmoothnessBoundsTest {
    private static List<SimpleMatrix> network(Random random, int depth) {
        List<SimpleMatrix> layers = new ArrayList<>();
        int in = 6;
        for (int j = 1; j <= depth; j++) {
            int out = j == depth ? 1 : 2 + random.nextInt(5);
            double scale = Math.exp(random.nextGaussian()); // layers of very different sizes: far from balanced
            layers.add(SimpleMatrix.random_DDRM(out, in, -scale, scale, random));
            in = out;
        }
        return layers;
    }

    private static SimpleMatrix difference(List<SimpleMatrix> layers, int j) {
        SimpleMatrix lower = layers.get(j), upper = layers.get(j + 1);
        return upper.transpose().mult(upper).minus(lower.mult(lower.transpose()));
    }

    private static double spectralNorm(SimpleMatrix m) {
        return java.util.Arrays.stream(m.svd(true).getSingularValues()).max().orElse(0);
    }

    @Test void everyLayerIsBoundedByTheProductAndTheImbalance() {
        Random random = new Random(11);
        int tight = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int depth = 2 + trial % 4;
            List<SimpleMatrix> layers = network(random, depth);
            SimpleMatrix product = layers.get(0);
            for (int j = 1; j < depth; j++) product = layers.get(j).mult(product);
            double delta = 0;
            for (int j = 0; j + 1 < depth; j++) delta += spectralNorm(difference(layers, j));
            double bound = SmoothnessBounds.layerNormSquared(product.normF(), depth, delta);
            for (SimpleMatrix w : layers) {
                double squared = Math.pow(spectralNorm(w), 2);
                assertTrue(squared <= bound * (1 + 1e-12), "trial " + trial + ": " + squared + " > " + bound);
                if (squared > 0.5 * bound) tight++;
            }
        }
        assertTrue(tight > 100, "the bound is not vacuous: within a factor 2 for " + tight + " layers");
    }

    @Test void aBalancedNetworkHasLayersOfTheNthRootOfTheProduct() {
        // a balanced scalar chain: every layer s, the product s^N, delta 0
        double s = 0.7;
        assertEquals(s * s, SmoothnessBounds.layerNormSquared(Math.pow(s, 3), 3, 0), 1e-15);
    }

    @Test void theImbalanceSumIsTheSumOfFrobeniusNormsOfTheDifferences() {
        Random random = new Random(5);
        List<SimpleMatrix> layers = network(random, 4);
        double expected = 0;
        for (int j = 0; j + 1 < layers.size(); j++) expected += difference(layers, j).normF();
        List<double[][]> arrays = new ArrayList<>();
        for (SimpleMatrix w : layers) {
            double[][] a = new double[w.getNumRows()][w.getNumCols()];
            for (int r = 0; r < a.length; r++) for (int c = 0; c < a[r].length; c++) a[r][c] = w.get(r, c);
            arrays.add(a);
        }
        assertEquals(expected, StructureSummary.imbalanceSum(arrays), 1e-12 * expected);
    }

    @Test void theDriftBoundIsTheDescentLemmaSum() {
        // eta (L0 - L*) / (1 - eta beta / 2): with eta beta = 1 the bound is twice eta (L0 - L*)
        assertEquals(2 * 0.1 * 0.3, SmoothnessBounds.imbalanceDrift(0.1, 0.3, 10), 1e-15);
    }
}
