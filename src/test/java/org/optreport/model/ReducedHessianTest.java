package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.optreport.linalg.DenseEigen;

/**
 * The reduced Hessian against the independent full dense path (assemble all p x p entries, eigen-decompose): the whole
 * spectrum, not only its ends, at random points, at the origin (where the spectrum is a few values of huge
 * multiplicity) and at and near a minimum (where all but a few eigenvalues are near zero, of both signs).
 */
class ReducedHessianTest {
    /** Orthogonal rotations move eigenvalues by a few eps ||H||; the target is 1e-8 of the spectral radius. */
    private static final double TOLERANCE = 1e-12;

    /** Every eigenvalue of H: those of the reduced matrix and p - k zeros, against the full dense solve's. */
    private static void assertSameSpectrum(DeepLinearNetwork net, SquaredLoss loss) {
        double[] full = DenseEigen.eigenvalues(net.hessian(loss));
        double[] reduced = DenseEigen.eigenvalues(ReducedHessian.matrix(net, loss));
        assertTrue(reduced.length <= full.length);
        double[] padded = Arrays.copyOf(reduced, full.length);   // the zeros of the complement
        Arrays.sort(padded);
        double scale = Math.max(Math.abs(full[0]), Math.abs(full[full.length - 1]));
        for (int i = 0; i < full.length; i++)
            assertEquals(full[i], padded[i], TOLERANCE * scale, "eigenvalue " + i + " of " + full.length);
        HessianExtremes extremes = net.hessianExtremes(loss);
        assertEquals(HessianExtremes.Method.DENSE, extremes.method());
        assertEquals(full[0], extremes.min(), TOLERANCE * scale);
        assertEquals(full[full.length - 1], extremes.max(), TOLERANCE * scale);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void randomPointsOfEveryDepthHaveTheFullSpectrum(int depth) {
        SquaredLoss loss = SyntheticData.of(40, 6, 1, 0.3, 70 + depth).squaredLoss();
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, 7);
        widths[0] = 6;
        widths[depth] = 1;
        assertSameSpectrum(DeepLinearNetwork.gaussian(widths, 0.5, 80 + depth), loss);
    }

    @Test
    void severalOutputsAndABottleneckNarrowerThanTheOutputs() {
        SquaredLoss loss = SyntheticData.of(50, 5, 3, 0.3, 71).squaredLoss();
        assertSameSpectrum(DeepLinearNetwork.xavier(new int[]{5, 8, 2, 6, 3}, 1.0, 72), loss);
        assertSameSpectrum(DeepLinearNetwork.xavier(new int[]{5, 9, 9, 3}, 1.0, 73), loss);
    }

    @Test
    void theReportsSmallStartAtEachDepth() {
        SquaredLoss loss = SyntheticData.of(60, 10, 1, 0.3, 74).squaredLoss();
        for (int depth = 2; depth <= 4; depth++) {
            int[] widths = new int[depth + 1];
            Arrays.fill(widths, 10);
            widths[depth] = 1;
            assertSameSpectrum(DeepLinearNetwork.gaussian(widths, 0.05, depth), loss);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void theOriginWhereTheSpectrumIsHighlyDegenerate(int depth) {
        SquaredLoss loss = SyntheticData.of(40, 6, 2, 0.3, 75).squaredLoss();
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, 5);
        widths[0] = 6;
        widths[depth] = 2;
        List<DMatrixRMaj> zeros = new ArrayList<>();
        for (int j = 1; j <= depth; j++) zeros.add(new DMatrixRMaj(widths[j], widths[j - 1]));
        DeepLinearNetwork origin = new DeepLinearNetwork(zeros);
        double[] full = DenseEigen.eigenvalues(origin.hessian(loss));
        if (depth == 2) assertTrue(full[0] < 0 && full[full.length - 1] > 0, "depth 2: a strict saddle");
        if (depth >= 3) assertEquals(0.0, Math.max(-full[0], full[full.length - 1]), "depth >= 3: the Hessian vanishes");
        assertSameSpectrum(origin, loss);
    }

    @Test
    void atAndNearABalancedMinimum() {
        SquaredLoss loss = SyntheticData.of(80, 8, 2, 0.3, 76).squaredLoss();
        DeepLinearNetwork net = DeepLinearNetworkInitializers.balancedFactorization(loss.optimalWeights(), new int[]{8, 9, 9, 9, 2}, 77);
        assertSameSpectrum(net, loss);
        double[] theta = net.parameters();
        Random random = new Random(78);
        for (int i = 0; i < theta.length; i++) theta[i] += 1e-4 * random.nextGaussian();
        net.setParameters(theta);
        assertSameSpectrum(net, loss);
    }

    @Test
    void theReducedDimensionIsTheCountOfKeptEntries() {
        SquaredLoss loss = SyntheticData.of(40, 10, 1, 0.3, 79).squaredLoss();
        // per layer r d_{j-1} + s d_j - r s with r = s = 1 (one output): 19 for each 10 x 10 layer, 10 for the last
        DeepLinearNetwork net = DeepLinearNetwork.gaussian(new int[]{10, 10, 10, 10, 1}, 0.05, 1);
        assertEquals(3 * 19 + 10, ReducedHessian.matrix(net, loss).numRows);
        assertEquals(310, net.parameterCount());
    }

    @Test
    void theReducedMatrixIsExactlySymmetric() {
        SquaredLoss loss = SyntheticData.of(40, 6, 2, 0.3, 81).squaredLoss();
        DMatrixRMaj t = ReducedHessian.matrix(DeepLinearNetwork.xavier(new int[]{6, 7, 7, 2}, 1.0, 82), loss);
        DMatrixRMaj transposed = org.ejml.dense.row.CommonOps_DDRM.transpose(t, null);
        assertArrayEquals(t.data, transposed.data, 0.0);
    }
}
