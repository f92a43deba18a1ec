package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class InitializerTest {

    private static final int[] WIDTHS = {6, 8, 7, 9, 3};

    private interface Initializer {
        DeepLinearNetwork create(int[] widths, double scale, long seed);
    }

    private static final Initializer[] ALL = {
            DeepLinearNetwork::balanced, DeepLinearNetwork::gaussian, DeepLinearNetwork::xavier};

    /** Largest |entry| of the layer Grams, the natural size to measure the imbalance against. */
    private static double gramScale(DeepLinearNetwork net) {
        double scale = 0;
        for (int j = 1; j <= net.depth(); j++) {
            DMatrixRMaj w = net.layer(j);
            DMatrixRMaj gram = new DMatrixRMaj(w.numCols, w.numCols);
            CommonOps_DDRM.multTransA(w, w, gram);
            scale = Math.max(scale, NormOps_DDRM.normF(gram));
        }
        return scale;
    }

    @Test
    void balancedIsBalancedAndHasTheRequestedEndToEndNorm() {
        for (double scale : new double[]{1e-3, 1.0, 30.0}) {
            DeepLinearNetwork net = DeepLinearNetwork.balanced(WIDTHS, scale, 1);
            assertTrue(net.imbalance() <= 1e-12 * gramScale(net), "imbalance " + net.imbalance());
            assertEquals(scale, NormOps_DDRM.normF(net.endToEnd()), 1e-12 * scale);
        }
    }

    @Test
    void balancedWithANarrowHiddenLayerHasRankAtMostItsWidth() {
        DeepLinearNetwork net = DeepLinearNetwork.balanced(new int[]{6, 2, 5, 4}, 1.0, 2);
        assertTrue(net.imbalance() <= 1e-12 * gramScale(net));
        assertEquals(2, org.ejml.dense.row.MatrixFeatures_DDRM.rank(net.endToEnd(), 1e-10));
    }

    @Test
    void gaussianAndXavierHaveTheRequestedEntryScale() {
        int[] widths = {200, 300, 100};
        double sampleStd = std(DeepLinearNetwork.gaussian(widths, 0.3, 3).layer(1));
        assertEquals(0.3, sampleStd, 0.01);
        double xavierStd = std(DeepLinearNetwork.xavier(widths, 2.0, 4).layer(2));
        assertEquals(2.0 * Math.sqrt(2.0 / 400), xavierStd, 0.01 * xavierStd * 3);
    }

    private static double std(DMatrixRMaj w) {
        double s = 0;
        for (double v : w.data) {
            s += v * v;
        }
        return Math.sqrt(s / w.data.length);
    }

    @Test
    void sameSeedReproducesAndAnotherSeedDiffers() {
        for (Initializer init : ALL) {
            double[] first = init.create(WIDTHS, 0.5, 7).parameters();
            assertArrayEquals(first, init.create(WIDTHS, 0.5, 7).parameters(), 0.0);
            assertFalse(Arrays.equals(first, init.create(WIDTHS, 0.5, 8).parameters()));
        }
    }
}
