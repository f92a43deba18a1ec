package org.optreport.results;

import java.util.List;
import java.util.Map;

/**
 * Part 2 (schema landscape/v1): gradient descent on a deep linear network, with its spectral records, every-step
 * traces, exact events and the least-squares reference it is measured against (docs/results-format.md).
 *
 * <p>Fields a run writes only when they exist (the divergence of a run that did not diverge, the lowest smallest
 * eigenvalue when no record had a finite one, the escape model's inputs when it does not apply) are absent from the
 * document rather than null, so they are left out when null; fields the format defines as null when unknown are
 * written as null.
 */
@Schema(LandscapeResult.SCHEMA)
public record LandscapeResult(String schema, Map<String, String> parameters, DatasetRows dataset, int depth, int[] widths,
                              int parameterCount, double learningRate, double learningRateFraction, int steps, long seed,
                              String init, double initScale, List<double[][]> initialWeights, List<double[][]> finalWeights,
                              Series series, boolean diverged,
                              Integer divergedAtStep,
                              String divergence,
                              Traces trace, Events events, FinalRate finalRate, EscapePrediction escapePrediction,
                              LeastSquares leastSquares, Map<String, Integer> stepsToRelativeExcess, double[][] finalEndToEnd,
                              double finalImbalance, double finalRelativeImbalance, Double predictedSharpness,
                              Conservation conservation, Structure structure, StoppingRule stoppingRule, Timings timings) {
    public static final String SCHEMA = "landscape/v1";

    /**
     * The spectral records: step 0, the log-spaced floor, the adaptive records and the last step. {@code hessianMethod}
     * is {@code dense} or {@code lanczos}; {@code hessianResidual} is 0 for dense records.
     */
    public record Series(int[] step, double[] loss, double[] gradientNorm, double[] hessianMinEigenvalue,
                         double[] hessianMaxEigenvalue, double[] excessLoss, double[] imbalance, double[] hessianResidual,
                         String hessianMethod) {}

    /** The quantities seen at every step, each reduced by {@code rule} into at most about {@code buckets} buckets. */
    public record Traces(String rule, int buckets, Trace loss, Trace excessLoss, Trace gradientNorm) {}

    /**
     * Events found at every step (the escape crossings, -1 if never; the peak gradient norm) or over the spectral
     * records (the lowest smallest Hessian eigenvalue, its step and how far the true minimum may lie from that step).
     */
    public record Events(int escapeStartStep, int escapeStep, int escapeEndStep, double peakGradientNorm, int peakGradientNormStep,
                         Double lowestLambdaMin,
                         Integer lowestLambdaMinStep,
                         Integer lowestLambdaMinResolution,
                         int spectralRecordsInEscape, int spectralRecords) {}

    /**
     * The final linear phase: the rate predicted at the least-squares optimum (null unless one output) and the one
     * measured from {@code windowFromStep} to {@code windowToStep} (null if the excess did not fall).
     */
    public record FinalRate(Double predictedRate, Double predictedStepsPerDecade, int windowFromStep, int windowToStep,
                            Double measuredStepsPerDecade) {}

    /**
     * The escape step model/EscapeTheory predicts from the run's start. Its inputs exist only for one output and depth
     * at least 2; otherwise the document holds {@code predictedEscapeStep: null} alone.
     */
    public record EscapePrediction(Double sigma,
                                   Double lambdaV,
                                   Double halfwayProduct,
                                   Double layerScale,
                                   Double predictedEscapeStep) {}

    /** The linear model on the same data: L*, W*, the extreme eigenvalues of Sxx and sigma_max(Syx). */
    public record LeastSquares(double optimalLoss, double[][] optimalWeights, double inputMomentMaxEigenvalue,
                               double inputMomentMinEigenvalue, double saddleCurvature) {}

    /**
     * What the run did to the quantities gradient flow conserves, and the smoothness along the path, watched at every
     * step: the sum over the steps of ||grad phi(theta_t)||^2 (times eta^2 it bounds the drift of the imbalance), the
     * drift itself, max_j ||D_j(T) - D_j(0)||_F with D_j = W_{j+1}^T W_{j+1} - W_j W_j^T, and (null unless the layers
     * are small enough for an exact spectral norm at every step) the largest layer spectral norm and the largest upper
     * bound on the Hessian's norm over a segment [theta_t, theta_{t+1}] (experiment/SegmentSmoothness), with its t.
     */
    public record Conservation(double sumSquaredGradient, double imbalanceChange, Double maxLayerNorm, Double maxSegmentSmoothness,
                               Integer maxSegmentSmoothnessStep) {}

    /**
     * Dense Hessian structure (null for networks too large for dense eigenvalues): the numbers of negative, zero and
     * positive eigenvalues at the origin (zero: at most 1e-6 of the largest magnitude) and its extreme eigenvalues; the
     * cut below which an eigenvalue at the final weights counts as zero (the bound on the gradient term of the Hessian,
     * experiment/HessianStructure), the rank there, its smallest nonzero eigenvalue magnitude and its largest "zero" one; and lambda_max
     * after rescaling (W_j, W_{j+1}) to (2 W_j, W_{j+1}/2) ("up", index j - 1) and to (W_j/2, 2 W_{j+1}) ("down").
     */
    public record Structure(int originNegative, int originZero, int originPositive, double originMinEigenvalue,
                            double originMaxEigenvalue, double finalZeroCut, int finalRank, double finalSmallestNonzero, double finalLargestNull,
                            double[] rescaledUpSharpness, double[] rescaledDownSharpness) {}

    /**
     * The first step after the escape at which the gradient norm is back at (or below) its value at step 0, checked at
     * every step, and the relative excess loss (L - L*)/L* there; both null if it never is.
     */
    public record StoppingRule(Integer gradientBackToStartStep, Double relativeExcessThen, Double plateauMinimum,
                               Integer plateauMinimumStep, Double plateauMinimumRelativeExcess, Double escapeMinimum) {}

    public record Timings(double totalSeconds, double hessianSeconds) {}
}
