package org.optreport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optreport.model.ReducedHessian;

/** The parts of the spectral counts that the kernels do not count themselves (the network's share: model.KernelOperationCountTest). */
class SpectralFlopsTest {
    @ParameterizedTest
    @ValueSource(strings = {"10x10x1", "10x10x10x1", "10x10x10x10x1", "5x4x3x2", "10x7x9x1"})
    void theReducedDimensionIsTheModelsOwn(String text) {
        DlnShape shape = DlnShape.parse(text);
        assertEquals(ReducedHessian.dimension(shape.widths()), DlnFlops.reducedDimension(shape));
    }

    /** A single column: one reflector of length m (3m + 1 for the vector and its norm, 2m + 1 for beta), then Q: m columns. */
    @Test
    void aColumnsCompletionIsCountedByHand() {
        int m = 10;
        assertEquals(3 * m + 1 + 2 * m + 1 + m * (4 * m + 1), SpectralFlops.completion(m, 1));
        // a second column: its reflection by the first reflector (4m + 1) and a second reflector of length m - 1
        double second = 3 * (m - 1) + 1 + 2 * (m - 1) + 1 + m * (4 * (m - 1) + 1);
        assertEquals(SpectralFlops.completion(m, 1) + 4 * m + 1 + second, SpectralFlops.completion(m, 2));
    }

    /** The landscape benchmark's run: 2,000 steps, 101 records, 100 of them followed by a step. */
    @Test
    void theBenchmarksRunIsItsStepsAndRecords() {
        DlnShape shape = LandscapeSpectraBenchmark.shape(3, 10);
        double expected = 2000 * DlnFlops.gradientStep(shape) - 100 * DlnFlops.prefixAndSuffix(shape) + 101 * SpectralFlops.spectralRecord(shape);
        assertEquals(expected, LandscapeSpectraBenchmark.flops(shape), 1e-6 * expected);
    }
}
