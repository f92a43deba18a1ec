package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The flop formulas against counts written out product by product for the network 3 -> 2 -> 1 (d0 = 3, d1 = 2,
 * d2 = 1), following the kernels' code: a product m x k by k x n is 2mkn.
 */
class DlnFlopsTest {
    private static final DlnShape TINY = DlnShape.parse("3x2x1");

    // G = W Sxx - Syx: (1x3)(3x3) = 18, minus 3 entries = 3.
    // layer 1: prefix1 = W1 I3 (2x3)(3x3) = 36, suffix1 = suffix2 W1 (1x2)(2x3) = 12, G prefix0^T (1x3)(3x3) = 18.
    // layer 2: prefix2 = W2 prefix1 (1x2)(2x3) = 12, suffix2 = I1 W2 (1x1)(1x2) = 4, G prefix1^T (1x3)(3x2) = 12.
    private static final double PRODUCTS = 21 + 36 + 12 + 18 + 12 + 4 + 12;

    @Test void gradientCountsEveryProductOfTheBackwardPass() {
        // layer gradients: suffix2^T (G prefix0^T) (2x1)(1x3) = 12, suffix3^T (G prefix1^T) (1x1)(1x2) = 4.
        assertEquals(PRODUCTS + 12 + 4, GradientBenchmark.flops(TINY));
        assertEquals(131, GradientBenchmark.flops(TINY));
    }

    @Test void hessianVectorProductCountsTheDirectionalDerivatives() {
        double prefixChanges = 36 + 36 + 12 + 12;   // W_j dP_{j-1} and E_j P_{j-1}, j = 1, 2
        double suffixChanges = 4 + 4 + 12 + 12;     // dS_{j+1} W_j and S_{j+1} E_j, j = 2, 1
        double gradientChange = 18;                 // dW Sxx
        double layer1 = 18 + 18 + 12 + 12;          // dG P0^T, G dP0^T (1x3)(3x3); S2^T mixed, dS2^T (G P0^T) (2x1)(1x3)
        double layer2 = 12 + 12 + 4 + 4;            // (1x3)(3x2) twice; (1x1)(1x2) twice
        assertEquals(PRODUCTS + prefixChanges + suffixChanges + gradientChange + layer1 + layer2,
                HessianVectorProductBenchmark.flops(TINY));
    }

    @Test void hessianCountsGramProductsAndTheFillOfEveryUpperBlock() {
        double block11 = 54 + 8 + 54 + 2 * 6 * 6;   // P0 Sxx (3x3)(3x3); S2^T S2 (2x1)(1x2); (P0 Sxx) P0^T; Kronecker fill
        double block12 = 4 + 36 + 2 * 6 * 2         // S2^T S3 (2x1)(1x1); (P0 Sxx) P1^T (3x3)(3x2); fill
                + 18 + 6 + 2 * 6 * 2 + 8;           // G P0^T; S3^T (G P0^T) (1x1)(1x3); curvature fill; W2 M (1x2)(2x2)
        double block22 = 36 + 2 + 24 + 2 * 2 * 2;   // P1 Sxx (2x3)(3x3); S3^T S3; (P1 Sxx) P1^T (2x3)(3x2); fill
        assertEquals(PRODUCTS + block11 + block12 + block22, HessianBenchmark.flops(TINY));
    }

    @Test void finiteDifferencesCostTwoGradientsPerParameter() {
        int p = 8;
        assertEquals(2 * p * 131 + 2 * p * p, FiniteDifferenceHessianBenchmark.flops(TINY));
    }

    @Test void matrixProductMatchesANaiveLoopsOperationCount() {
        int n = 7;
        long operations = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) operations += 2;   // one multiply, one add into c[i][j]
        assertEquals(operations, MatrixProductBenchmark.flops(n));
    }

    @Test void reluStepMatchesAPairByPairCount() {
        int n = 3, m = 4, d = 2;
        long count = 0;
        for (int i = 0; i < n; i++)
            for (int r = 0; r < m; r++) {
                count += 2 * d + 2;       // output pass: w_r . x_i, then sign * relu added to f(x_i)
                count += 2 * d + 1 + 2 * d;   // gradient pass: w_r . x_i again, masked residual, accumulate into g_r
            }
        count += 3L * m * d;              // g scaled, times eta, subtracted
        assertEquals(count, ReluStepBenchmark.flops(m, n, d));
    }

    @Test void infiniteWidthKernelMatchesAPairByPairCount() {
        int n = 5, d = 3;
        long count = 2L * n * d;          // norms
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) count += 2 * d + 6;
        assertEquals(count, InfiniteWidthKernelBenchmark.flops(n, d));
    }
}
