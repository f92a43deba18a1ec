package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The flop formulas against counts written out product by product for the network 3 -> 2 -> 1 (d0 = 3, d1 = 2,
 * d2 = 1), following the kernels' code: a product m x k by k x n is 2mkn, and no product with the identity or zero is
 * performed (B_1 = I, A_2 = I, dB_1 = 0, dA_3 = 0).
 */
class DlnFlopsTest {
    private static final DlnShape TINY = DlnShape.parse("3x2x1");

    // G = W Sxx - Syx: (1x3)(3x3) = 18, minus 3 entries = 3; prefix B_3 = W2 W1 (1x2)(2x3) = 12; G B_2^T = G W1^T
    // (1x3)(3x2) = 12. No suffix product: A_1 = W2 is W2 itself, the end-to-end suffix is not formed.
    private static final double PRODUCTS = 21 + 12 + 12;

    @Test void gradientCountsOnlyTheNeededProducts() {
        // layer 1: A_1^T G (2x1)(1x3) = 12; layer 2's gradient is G B_2^T as it stands.
        assertEquals(PRODUCTS + 12, GradientBenchmark.flops(TINY));
        assertEquals(57, GradientBenchmark.flops(TINY));
    }

    @Test void hessianVectorProductCountsTheDirectionalDerivatives() {
        double prefixChange = 12 + 12;   // dB_3 = W2 dB_2 + E2 B_2, with dB_2 = E1: (1x2)(2x3) twice
        double gradientChange = 18;      // dG = dB_3 Sxx (1x3)(3x3)
        double mixed2 = 12 + 12;         // dG B_2^T + G dB_2^T (1x3)(3x2) twice; mixed_1 = dG as it stands
        double layer1 = 12 + 12;         // A_1^T mixed_1 + dA_1^T (G B_1^T) (2x1)(1x3) twice, dA_1 = E2; layer 2 is mixed_2
        assertEquals(PRODUCTS + prefixChange + gradientChange + mixed2 + layer1, HessianVectorProductBenchmark.flops(TINY));
    }

    @Test void hessianCountsGramProductsAndTheFillOfEveryUpperBlock() {
        double moments = 36;                 // B_2 Sxx (2x3)(3x3); B_1 Sxx = Sxx
        double block11 = 8 + 6 * 6;          // A_1^T A_1 (2x1)(1x2); B_1 Sxx B_1^T = Sxx; one multiply per entry
        double block12 = 36 + 6 * 6 * 2;     // A_2 = I; Sxx B_2^T (3x3)(3x2); curvature G B_1^T as kept; 3 flops per entry, twice
        double block22 = 24 + 2 * 2;         // (B_2 Sxx) B_2^T (2x3)(3x2); fill
        assertEquals(PRODUCTS + moments + block11 + block12 + block22, HessianBenchmark.flops(TINY));
    }

    @Test void finiteDifferencesCostTwoGradientsPerParameter() {
        int p = 8;
        assertEquals(2 * p * 57 + 2 * p * p, FiniteDifferenceHessianBenchmark.flops(TINY));
    }

    @Test void matrixProductMatchesANaiveLoopsOperationCount() {
        int n = 7;
        long operations = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) operations += 2;   // one multiply, one add into c[i][j]
        assertEquals(operations, MatrixProductBenchmark.flops(n));
    }

    @Test void reluStepsExecutedCountMatchesAPairByPairCountOfTheKernel() {
        int n = 3, m = 4, d = 2;
        long count = 0;
        for (int i = 0; i < n; i++)
            for (int r = 0; r < m; r++) {
                count += 2 * d + 2;       // output pass: w_r . x_i, then sign * relu added to f(x_i)
                count += 2 * d + 1 + 2 * d;   // gradient pass: w_r . x_i again, masked residual, accumulate into g_r
            }
        count += 3L * m * d;              // g scaled, times eta, subtracted
        assertEquals(count, ReluStepBenchmark.executedFlops(m, n, d));
    }

    @Test void reluStepsMinimalCountMatchesAStepThatFormsEachPreActivationOnce() {
        // forward Z = X W^T once, the outputs and the residual coefficients from Z, then the gradient G = C^T X
        int n = 3, m = 4, d = 2;
        long count = 0;
        for (int i = 0; i < n; i++)
            for (int r = 0; r < m; r++) {
                count += 2 * d;   // z_ir = w_r . x_i
                count += 2;       // a_r relu(z_ir) added to f(x_i)
                count += 1;       // c_ir = a_r e_i, masked by z_ir > 0
                count += 2 * d;   // g_r += c_ir x_i
            }
        count += 3L * m * d;
        assertEquals(count, ReluStepBenchmark.flops(m, n, d));
        // the kernel does exactly one more pass of pre-activations
        assertEquals(2.0 * n * m * d, ReluStepBenchmark.executedFlops(m, n, d) - ReluStepBenchmark.flops(m, n, d));
    }

    @Test void lanczosAgreesWithTheDenseExtremesToItsTolerance() {
        LanczosExtremesBenchmark.DenseCheck check = LanczosExtremesBenchmark.againstDense(DlnShape.parse("10x5x5x1"));
        assertTrue(check.relativeDifference() >= 0 && check.relativeDifference() < check.tolerance(), "relative difference " + check.relativeDifference());
    }

    @Test void infiniteWidthKernelMatchesAPairByPairCount() {
        int n = 5, d = 3;
        long count = 2L * n * d;          // norms
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) count += 2 * d + 6;
        assertEquals(count, InfiniteWidthKernelBenchmark.flops(n, d));
    }
}
