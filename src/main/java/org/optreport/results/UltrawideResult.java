package org.optreport.results;

import java.util.List;
import java.util.Map;

/**
 * Part 3 (schema ultrawide/v3): two-layer ReLU networks of several widths and seeds, each trained by gradient descent
 * beside the kernel dynamics of the infinite-width kernel H* and of its own initial kernel H(0), both started from its
 * initial outputs. H* itself is not stored (v2 did): it is a function of the recorded inputs, the same n x n matrix in
 * every result of a dataset, and no page needs more of it than its spectrum and {@code kernelBlocks}.
 *
 * @param kernelBlocks the statistics of H*'s leading block over the first n/2 samples, then over all n
 * @param bands the eigen-directions of H* grouped by time scale, with the target's energy in each group
 * @param runs  one entry per (width, seed), widths outer
 */
@Schema(UltrawideResult.SCHEMA)
public record UltrawideResult(String schema, Map<String, String> parameters, DatasetRows dataset, double learningRate,
                              double learningRateFraction, int steps, List<KernelBlock> kernelBlocks, double lambdaMin, double lambdaMax,
                              double[] kernelEigenvalues, double[] targetProjections, SpectralBands bands, List<NetworkRun> runs) {
    public static final String SCHEMA = "ultrawide/v3";

    /**
     * The leading k x k block of H* (the first k samples), by the numbers that show why lambda_max grows with n: its
     * largest eigenvalue, the largest absolute row sum (an upper bound on it), the Rayleigh quotient 1^T H* 1 / k (a lower
     * bound), the mean off-diagonal entry and the share of negative off-diagonal entries.
     */
    public record KernelBlock(int size, double lambdaMax, double maxRowSum, double onesRayleigh, double meanOffDiagonal,
                              double negativeOffDiagonalShare) {}

    /**
     * The eigen-directions of H* (decreasing eigenvalue) in three groups by eta lambda_i: fast (at least
     * {@code edges[0]}), middle (at least {@code edges[1]}) and slow.
     *
     * @param directions   how many eigen-directions each group holds
     * @param targetEnergy ||P y||^2 of the target's projection on each group
     */
    public record SpectralBands(double[] edges, int[] directions, double[] targetEnergy) {}

    /**
     * One network of width m and one seed against its kernel dynamics. The divergence fields are written only for a run
     * that diverged; {@code kernelChangeSpectral} and {@code finalKernelLambdaMin} are then NaN.
     *
     * @param initialKernelLambdaMin the smallest eigenvalue of H(0) (and {@code initialKernelLambdaMax} its largest)
     * @param finalKernelLambdaMin   the smallest eigenvalue of H(T), the empirical kernel at the last step
     * @param stepFlips              the activations that flip within a step, at the recorded steps before the last
     */
    public record NetworkRun(int width, int seed, Series series, Traces trace, double maxDistance, int maxDistanceStep,
                             double kernelDeviationSpectral, double kernelDeviationFrobenius, double kernelChangeSpectral,
                             double initialKernelLambdaMin, double initialKernelLambdaMax, double finalKernelLambdaMin,
                             StepFlips stepFlips, boolean diverged, Integer divergedAtStep,
                             String divergence, Timings timings) {}

    /**
     * The state at the recorded steps: outputs u on every sample, losses 1/2 ||u - y||^2, their distance, how far the
     * neurons moved (the largest, median and root-mean-square ||w_r(k) - w_r(0)||, and ||W(k) - W(0)||_F / ||W(0)||_F)
     * and how many activations differ from step 0, and per recorded step the loss within each group of
     * {@link SpectralBands} (the groups' losses sum to the loss), for the network, the H* dynamics and the H(0) dynamics.
     */
    public record Series(int[] step, double[][] networkOutputs, double[][] kernelOutputs, double[] networkLoss, double[] kernelLoss,
                         double[] distance, double[] maxWeightMovement, double[] medianWeightMovement,
                         double[] rmsWeightMovement, double[] relativeWeightMovement, double[] activationFlipFraction,
                         double[][] networkBandLoss, double[][] kernelBandLoss,
                         double[][] initialKernelBandLoss) {}

    /**
     * The scalars seen at every step, reduced by {@code rule} into {@code buckets} log-spaced buckets: the losses of the
     * network, of the H* dynamics and of the H(0) dynamics; the network's distance to the H* dynamics ({@code distance}),
     * split into the initialization error ||u_H(0) - u_H*|| and the rest ||u_net - u_H(0)|| (drift and flips).
     */
    public record Traces(String rule, int buckets, Trace networkLoss, Trace kernelLoss, Trace distance, Trace initialKernelLoss,
                         Trace initializationGap, Trace driftGap) {}

    /**
     * At step k (before the last): the fraction of (sample, neuron) pairs whose activation flips between w(k) and w(k+1),
     * and the two parts of the output change u(k+1) - u(k): the norm of the part from flipped pairs (Du et al.'s I_2) and
     * of the linear part -eta H(k) (u(k) - y).
     */
    public record StepFlips(int[] step, double[] flipFraction, double[] flipTermNorm, double[] linearTermNorm) {}

    /** CPU time of the thread that ran it and wall-clock time, in seconds. */
    public record Timings(double cpuSeconds, double wallSeconds) {}
}
