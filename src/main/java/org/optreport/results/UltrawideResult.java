package org.optreport.results;

import java.util.List;
import java.util.Map;

/**
 * Part 3 (schema ultrawide/v1): two-layer ReLU networks of several widths and seeds, each trained by gradient descent
 * beside the kernel dynamics of the infinite-width kernel H* started from its own initial outputs.
 *
 * @param bands the eigen-directions of H* grouped by time scale, with the target's energy in each group
 * @param runs  one entry per (width, seed), widths outer
 */
@Schema(UltrawideResult.SCHEMA)
public record UltrawideResult(String schema, Map<String, String> parameters, DatasetRows dataset, double learningRate,
                              double learningRateFraction, int steps, double[][] kernelGram, double lambdaMin, double lambdaMax,
                              double[] kernelEigenvalues, double[] targetProjections, SpectralBands bands, List<NetworkRun> runs) {
    public static final String SCHEMA = "ultrawide/v1";

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
     * that diverged; {@code kernelChangeSpectral} is then NaN.
     */
    public record NetworkRun(int width, int seed, Series series, Traces trace, double maxDistance, int maxDistanceStep,
                             double kernelDeviationSpectral, double kernelDeviationFrobenius, double kernelChangeSpectral,
                             boolean diverged, Integer divergedAtStep,
                             String divergence, Timings timings) {}

    /**
     * The state at the recorded steps: outputs u on every sample, losses 1/2 ||u - y||^2, their distance, how far the
     * neurons moved and how many activations flipped, and per recorded step the loss within each group of
     * {@link SpectralBands} (the groups' losses sum to the loss).
     */
    public record Series(int[] step, double[][] networkOutputs, double[][] kernelOutputs, double[] networkLoss, double[] kernelLoss,
                         double[] distance, double[] maxWeightMovement, double[] activationFlipFraction,
                         double[][] networkBandLoss, double[][] kernelBandLoss) {}

    /** The three scalars seen at every step, reduced by {@code rule} into {@code buckets} log-spaced buckets. */
    public record Traces(String rule, int buckets, Trace networkLoss, Trace kernelLoss, Trace distance) {}

    /** CPU time of the thread that ran it and wall-clock time, in seconds. */
    public record Timings(double cpuSeconds, double wallSeconds) {}
}
