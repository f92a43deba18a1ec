package org.optreport.results;

import java.util.List;
import java.util.Map;

/**
 * Part 3 (schema trajectory/v1): a depth-N linear network trained by gradient descent beside the discrete end-to-end
 * dynamics started at the same end-to-end matrix; recorded on a log-spaced schedule ({@link Series}) and seen at
 * every step ({@link Traces}, {@link Events}). Matrices are arrays of rows; weights are listed W_1, ..., W_N.
 *
 * @param divergedAtStep null unless the run diverged (then the document carries it and {@code divergence})
 */
@Schema(TrajectoryResult.SCHEMA)
public record TrajectoryResult(String schema, Map<String, String> parameters, String loss, Dataset dataset, int depth,
                               int[] widths, double learningRate, int steps, long seed, String init, double initScale,
                               List<double[][]> initialWeights, List<double[][]> finalWeights, double initialImbalance,
                               double[][] optimalEndToEnd, double optimalLoss, Series series, Traces trace, Events events,
                               boolean diverged,
                               Integer divergedAtStep,
                               String divergence) {
    public static final String SCHEMA = "trajectory/v1";

    /**
     * The processed data trained on. Unlike {@link DatasetRows} it names the columns: the multi-output page quotes
     * them.
     */
    public record Dataset(String name, List<String> inputColumns, List<String> targetColumns, double[][] x, double[][] y) {
        public int samples() { return x.length; }

        public int inputs() { return inputColumns.size(); }
    }

    /** The recorded steps (step 0 and the last one among them) and, at each, both end-to-end matrices and the scalars. */
    public record Series(int[] step, List<double[][]> networkEndToEnd, List<double[][]> dynamicsEndToEnd, double[] networkLoss,
                         double[] dynamicsLoss, double[] distance, double[] imbalance) {}

    /** The scalars seen at every step, each reduced by {@code rule} into about {@code buckets} log-spaced buckets. */
    public record Traces(String rule, int buckets, Trace networkLoss, Trace dynamicsLoss, Trace distance, Trace networkExcess,
                         Trace dynamicsExcess) {}

    /**
     * Exact steps found at every step; a step is null when the event did not happen (the settled steps also when the
     * run diverged).
     */
    public record Events(double halfwayExcess, Integer networkHalfwayStep, Integer dynamicsHalfwayStep, double maxDistance,
                         int maxDistanceStep, double excessTarget, Integer networkExcessSettledStep,
                         Integer dynamicsExcessSettledStep) {}
}
