package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optreport.bench.DlnFlops;
import org.optreport.bench.DlnShape;
import org.optreport.bench.LandscapeSpectraBenchmark;
import org.optreport.bench.SpectralFlops;
import org.optreport.linalg.Lanczos;
import org.optreport.linalg.LanczosResult;

/**
 * The benchmarks' flop formulas against the operations the kernels count while they run (every product they perform,
 * through {@link CountedProducts}), at shapes of depth 1 to 4 with unequal widths so that no two terms can trade
 * places. The loss gradient W Sxx - Syx is computed inside {@link SquaredLoss} and added here.
 */
class KernelOperationCountTest {
    private static DeepLinearNetwork network(DlnShape shape) { return shape.network(); }

    private static double lossGradient(DlnShape shape) {
        int[] d = shape.widths();
        int d0 = d[0], dN = d[d.length - 1];
        return 2.0 * dN * d0 * d0 + (double) dN * d0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x2", "4x3x2", "5x4x3x2", "6x5x4x3x2", "10x10x1", "10x7x9x1"})
    void theGradientPerformsExactlyTheCountedOperations(String text) {
        DlnShape shape = DlnShape.parse(text);
        DeepLinearNetwork net = network(shape);
        SquaredLoss loss = shape.loss();
        long before = net.operationCount();
        net.gradient(loss, new double[net.parameterCount()]);
        assertEquals(DlnFlops.gradient(shape), net.operationCount() - before + lossGradient(shape));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x2", "4x3x2", "5x4x3x2", "6x5x4x3x2", "10x10x1", "10x7x9x1"})
    void theHessianVectorProductPerformsExactlyTheCountedOperations(String text) {
        DlnShape shape = DlnShape.parse(text);
        DeepLinearNetwork net = network(shape);
        SquaredLoss loss = shape.loss();
        double[] v = new Random(4).doubles(net.parameterCount()).toArray();
        long before = net.operationCount();
        net.hessianVectorProduct(loss, v, new double[v.length]);
        assertEquals(DlnFlops.hessianVectorProduct(shape), net.operationCount() - before + lossGradient(shape));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x2", "4x3x2", "5x4x3x2", "6x5x4x3x2", "10x10x1", "10x7x9x1"})
    void theHessianPerformsExactlyTheCountedOperations(String text) {
        DlnShape shape = DlnShape.parse(text);
        DeepLinearNetwork net = network(shape);
        SquaredLoss loss = shape.loss();
        long before = net.operationCount();
        net.hessian(loss);
        assertEquals(DlnFlops.hessian(shape), net.operationCount() - before + lossGradient(shape));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x2", "4x3x2", "5x4x3x2", "6x5x4x3x2", "10x10x1", "10x7x9x1", "10x10x10x10x1"})
    void theReducedHessianPerformsExactlyTheCountedOperations(String text) {
        // the spectral record's dense path: the products it forms and its fill (the completions and EJML's solve are
        // not the network's operations)
        DlnShape shape = DlnShape.parse(text);
        DeepLinearNetwork net = network(shape);
        SquaredLoss loss = shape.loss();
        long before = net.operationCount();
        net.hessianExtremes(loss);
        assertEquals(DlnFlops.reducedHessian(shape), net.operationCount() - before + lossGradient(shape));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x10x1", "10x10x10x1", "10x7x9x1", "10x10x10x10x1"})
    void aLandscapeRunPerformsItsStepsAndRecordsCounts(String text) {
        // 45 steps with records at 0, 20 and 40: the steps after the first two records reuse the record's products
        DlnShape shape = DlnShape.parse(text);
        DeepLinearNetwork net = DeepLinearNetwork.gaussian(shape.widths(), 0.05, 1);
        SquaredLoss loss = shape.loss();
        int steps = 45, every = 20, records = 3;
        long before = net.operationCount();
        LandscapeSpectraBenchmark.run(net, loss, steps, every);
        double solves = records * (SpectralFlops.spectralRecord(shape) - DlnFlops.reducedHessian(shape));
        assertEquals(SpectralFlops.landscapeRun(shape, steps, every) - solves,
                net.operationCount() - before + (steps + records) * lossGradient(shape), 1e-6);   // the solves' 4k^3/3 is not an integer
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x10x1", "10x7x9x1", "10x30x30x1", "10x10x10x10x1"})
    void lanczosAppliesTheOperatorItsCountSays(String text) {
        // the operator's set-up once, then one Hessian-vector product at fixed products per application
        DlnShape shape = DlnShape.parse(text);
        DeepLinearNetwork net = network(shape);
        SquaredLoss loss = shape.loss();
        long before = net.operationCount();
        LanczosResult run = Lanczos.extremes(net.hessianOperator(loss), HessianExtremes.DEFAULT_LANCZOS_SEED);
        assertEquals(SpectralFlops.hessianOperator(shape, run.applications()), net.operationCount() - before + lossGradient(shape));
        assertEquals(SpectralFlops.hessianOperator(shape, run.applications()) + run.vectorFlops() + 9.0 * run.projectedCubes(),
                SpectralFlops.lanczosExtremes(shape, run));
    }

    /** The worked example: 10x10x1 needs about 820 flops, not the 3,250 the identity products made it. */
    @Test
    void theDefaultShapesGradientIsItsNeededCount() {
        // B_2 = W1; W2 B_2 (1x10)(10x10) = 200; G (1x10)(10x10) + 10 = 210; G B_2^T (1x10)(10x10) = 200;
        // layer 1: A_1^T G (10x1)(1x10) = 200
        assertEquals(810, DlnFlops.gradient(DlnShape.parse("10x10x1")));
    }
}
