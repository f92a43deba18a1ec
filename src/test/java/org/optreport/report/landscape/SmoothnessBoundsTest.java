package org.optreport.report.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The a-priori bounds of the Part 2 page against real networks: the layer bound from the imbalance (random one-output
 * networks, far from balanced, with their spectral norms from an SVD) and the imbalance sum against EJML.
 */
class SmoothnessBoundsTest {
    private static List<DMatrixRMaj> network(Random random, int depth) {
        List<DMatrixRMaj> layers = new ArrayList<>();
        int in = 6;
        for (int j = 1; j <= depth; j++) {
            int out = j == depth ? 1 : 2 + random.nextInt(5);
            double scale = Math.exp(random.nextGaussian()); // layers of very different sizes: far from balanced
            layers.add(RandomMatrices_DDRM.rectangle(out, in, -scale, scale, random));
            in = out;
        }
        return layers;
    }

    private static DMatrixRMaj difference(List<DMatrixRMaj> layers, int j) {
        DMatrixRMaj lower = layers.get(j), upper = layers.get(j + 1);
        DMatrixRMaj d = new DMatrixRMaj(upper.numCols, upper.numCols), outer = new DMatrixRMaj(lower.numRows, lower.numRows);
        CommonOps_DDRM.multTransA(upper, upper, d);
        CommonOps_DDRM.multTransB(lower, lower, outer);
        CommonOps_DDRM.subtractEquals(d, outer);
        return d;
    }

    private static double spectralNorm(DMatrixRMaj m) {
        return NormOps_DDRM.normP2(m);
    }

    @Test void everyLayerIsBoundedByTheProductAndTheImbalance() {
        Random random = new Random(11);
        int tight = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int depth = 2 + trial % 4;
            List<DMatrixRMaj> layers = network(random, depth);
            DMatrixRMaj product = layers.get(0);
            for (int j = 1; j < depth; j++) {
                DMatrixRMaj next = new DMatrixRMaj(layers.get(j).numRows, product.numCols);
                CommonOps_DDRM.mult(layers.get(j), product, next);
                product = next;
            }
            double delta = 0;
            for (int j = 0; j + 1 < depth; j++) delta += spectralNorm(difference(layers, j));
            double bound = SmoothnessBounds.layerNormSquared(NormOps_DDRM.normF(product), depth, delta);
            for (DMatrixRMaj w : layers) {
                double squared = Math.pow(spectralNorm(w), 2);
                assertTrue(squared <= bound * (1 + 1e-12), "trial " + trial + ": " + squared + " > " + bound);
                if (squared > 0.5 * bound) tight++;
            }
        }
        assertTrue(tight > 20, "the bound is not vacuous: within a factor 2 for " + tight + " layers");
    }

    /** Near balance the bound is nearly attained: every layer of a balanced network, nudged, is close to it. */
    @Test void theBoundIsNearlyAttainedNearBalance() {
        org.optreport.model.DeepLinearNetwork net = org.optreport.model.DeepLinearNetwork.balanced(new int[] {6, 4, 4, 1}, 0.8, 3);
        List<DMatrixRMaj> layers = net.layers();
        Random random = new Random(2);
        for (DMatrixRMaj w : layers) for (int i = 0; i < w.data.length; i++) w.data[i] += 1e-3 * random.nextGaussian();
        DMatrixRMaj product = new DMatrixRMaj(1, 6), two = new DMatrixRMaj(4, 6);
        CommonOps_DDRM.mult(layers.get(1), layers.get(0), two);
        CommonOps_DDRM.mult(layers.get(2), two, product);
        double delta = spectralNorm(difference(layers, 0)) + spectralNorm(difference(layers, 1));
        double bound = SmoothnessBounds.layerNormSquared(NormOps_DDRM.normF(product), 3, delta);
        for (DMatrixRMaj w : layers) {
            double squared = Math.pow(spectralNorm(w), 2);
            assertTrue(squared <= bound && squared > 0.95 * bound, squared + " against " + bound);
        }
    }

    @Test void aBalancedNetworkHasLayersOfTheNthRootOfTheProduct() {
        // a balanced scalar chain: every layer s, the product s^N, delta 0
        double s = 0.7;
        assertEquals(s * s, SmoothnessBounds.layerNormSquared(Math.pow(s, 3), 3, 0), 1e-15);
    }

    @Test void theImbalanceSumIsTheSumOfFrobeniusNormsOfTheDifferences() {
        Random random = new Random(5);
        List<DMatrixRMaj> layers = network(random, 4);
        double expected = 0;
        for (int j = 0; j + 1 < layers.size(); j++) expected += NormOps_DDRM.normF(difference(layers, j));
        List<double[][]> arrays = new ArrayList<>();
        for (DMatrixRMaj w : layers) arrays.add(w.get2DData());
        assertEquals(expected, StructureSummary.imbalanceSum(arrays), 1e-12 * expected);
    }

    @Test void theDriftBoundIsTheDescentLemmaSum() {
        // eta (L0 - L*) / (1 - eta beta / 2): with eta beta = 1 the bound is twice eta (L0 - L*)
        assertEquals(2 * 0.1 * 0.3, SmoothnessBounds.imbalanceDrift(0.1, 0.3, 10), 1e-15);
    }
}
