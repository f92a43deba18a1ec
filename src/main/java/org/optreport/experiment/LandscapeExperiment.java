package org.optreport.experiment;

import static org.optreport.experiment.settings.Interval.open;
import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.choice;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.seed;
import static org.optreport.experiment.settings.SettingType.wordOr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.optreport.data.Dataset;
import org.optreport.data.Preprocessing;
import org.optreport.experiment.settings.Setting;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.EscapeTheory;
import org.optreport.model.HessianExtremes;
import org.optreport.model.ScalarOutputTheory;
import org.optreport.model.SquaredLoss;
import org.optreport.results.DatasetRows;
import org.optreport.results.LandscapeResult;
import org.optreport.results.ResultDocuments;

/**
 * Part 2: full-batch gradient descent on a deep linear network (standardized data, l2 loss) from a small
 * initialization, recording the loss, the gradient norm and the extreme Hessian eigenvalues at log-spaced steps
 * (result schema landscape/v1, docs/results-format.md).
 *
 * <p>The learning rate is a fraction of 1/lambda_max(Sxx), Sxx = X^T X / n, the step at which gradient descent on
 * the linear model itself is stable with margin 2; {@code learningRate} overrides it with a number. Besides the
 * contract's fields the file carries the least-squares reference (L*, exact excess loss per recorded step, the
 * first steps at which the relative excess falls below 1e-3 and 1e-6, checked at every step), the balancedness of
 * the weights, the sharpness theory predicts at the reached end-to-end matrix (scalar output), and timings.
 */
public final class LandscapeExperiment implements Experiment {
    /** Relative excess losses (L - L*)/L* whose first crossing is reported. */
    static final double[] THRESHOLDS = {1e-3, 1e-6};

    // The parameters, also read by LandscapeCost.
    /** The dataset and its columns (inputs and targets are standardized). */
    static final DatasetParameters DATA = DatasetParameters.STANDARD;
    static final Setting<Optional<Integer>> SAMPLES = Setting.of("samples", wordOr("all", integer(2, Integer.MAX_VALUE)), Optional.empty(),
            "use the first n samples, or all");
    static final Setting<Integer> DEPTH = Setting.of("depth", integer(1, 64), 2, "number of layers N");
    static final Setting<Integer> WIDTH = Setting.of("width", integer(1, 100_000), 10, "hidden width (all hidden layers)");
    static final Setting<Integer> STEPS = Setting.of("steps", integer(1, 100_000_000), 20_000, "full-batch gradient-descent steps");
    static final Setting<Double> LEARNING_RATE_FRACTION = Setting.of("learningRateFraction", real(openClosed(0, 1e6)), 0.5,
            "learning rate = fraction / lambda_max(X^T X / n), unless learningRate is a number");
    static final Setting<Optional<Double>> LEARNING_RATE = Setting.of("learningRate", wordOr("auto", real(openClosed(0, 1e6))), Optional.empty(),
            "the step size, or auto (from learningRateFraction)");
    static final Setting<String> INIT = Setting.of("init", choice("balanced", "gaussian", "xavier"), "gaussian", "initialization");
    static final Setting<Double> INIT_SCALE = Setting.of("initScale", real(openClosed(0, 1e6)), 0.01,
            "gaussian: entry std; xavier: factor on the Glorot std; balanced: norm of the end-to-end matrix");
    static final Setting<Long> SEED = Setting.of("seed", seed(), 1L, "seed of the initialization");
    static final Setting<Integer> RECORDS = Setting.of("records", integer(2, 100_000), 60,
            "log-spaced floor of the spectral records (plus step 0 and the last)");
    static final Setting<Double> SPECTRAL_LOSS_STEP = Setting.of("spectralLossStep", real(openClosed(0, 1)), 0.005,
            "a spectral record also whenever the loss moved by this fraction of L(0) - L*");
    static final Setting<Double> SPECTRAL_GRADIENT_FACTOR = Setting.of("spectralGradientFactor", real(open(1, 1e6)), 4.0,
            "... or the gradient norm by this factor, since the last record");
    static final Setting<Integer> MAX_ADAPTIVE_RECORDS = Setting.of("maxAdaptiveRecords", integer(0, 100_000), 400,
            "at most this many spectral records beyond the floor");
    static final Setting<Integer> TRACE_BUCKETS = Setting.of("traceBuckets", integer(1, 100_000), 500,
            "log-spaced buckets of the every-step traces (each keeps first, last, min, max)");

    @Override public String name() { return "landscape"; }

    @Override public List<Setting<?>> parameters() {
        return List.of(DATA.dataset(), DATA.inputs(), DATA.targets(), SAMPLES, DEPTH, WIDTH, STEPS, LEARNING_RATE_FRACTION, LEARNING_RATE, INIT, INIT_SCALE, SEED, RECORDS,
                SPECTRAL_LOSS_STEP, SPECTRAL_GRADIENT_FACTOR, MAX_ADAPTIVE_RECORDS, TRACE_BUCKETS);
    }

    @Override public RunCost cost(Parameters p) { return LandscapeCost.of(p); }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        int depth = p.get(DEPTH);
        int width = p.get(WIDTH);
        int steps = p.get(STEPS);
        int records = p.get(RECORDS);
        String init = p.get(INIT);
        double initScale = p.get(INIT_SCALE);
        double fraction = p.get(LEARNING_RATE_FRACTION);
        long seed = p.get(SEED);
        Dataset data = load(p);

        SquaredLoss loss = SquaredLoss.of(data.x(), data.y());
        LeastSquaresReference reference = new LeastSquaresReference(loss);
        double eta = p.get(LEARNING_RATE).orElse(fraction / reference.inputMomentMax());

        int[] widths = NetworkWidths.of(data.inputDimension(), data.outputDimension(), depth, width).widths();
        DeepLinearNetwork net = switch (init) {
            case "balanced" -> DeepLinearNetwork.balanced(widths, initScale, seed);
            case "xavier" -> DeepLinearNetwork.xavier(widths, initScale, seed);
            default -> DeepLinearNetwork.gaussian(widths, initScale, seed);
        };
        List<DMatrixRMaj> initialWeights = net.layers();

        Recorder recorder = new Recorder(net, loss, reference);
        double initialLoss = net.loss(loss);
        SpectralSchedule spectra = new SpectralSchedule(RecordingSchedule.logSpaced(steps, records), initialLoss - reference.optimalValue(),
                p.get(SPECTRAL_LOSS_STEP), p.get(SPECTRAL_GRADIENT_FACTOR), p.get(MAX_ADAPTIVE_RECORDS));
        int buckets = p.get(TRACE_BUCKETS);
        StepTrace lossTrace = new StepTrace(steps, buckets), excessTrace = new StepTrace(steps, buckets), gradientTrace = new StepTrace(steps, buckets);
        EscapeEvents escape = new EscapeEvents(initialLoss, reference.optimalValue());
        TailRate tail = new TailRate(steps);
        DivergenceGuard guard = new DivergenceGuard(initialLoss);
        int[] firstBelow = new int[THRESHOLDS.length];
        Arrays.fill(firstBelow, -1);

        observe(0, initialLoss, reference.excess(net.endToEnd()), reference, lossTrace, excessTrace, escape, tail, firstBelow);
        double gradientNorm = recorder.record(0);
        spectra.recorded(initialLoss, gradientNorm);
        LandscapeResult.EscapePrediction escapePrediction = escapePrediction(loss, depth, eta, initialLoss - reference.optimalValue(), gradientNorm);
        double[] lastRecordedWeights = net.parameters();
        // the exact layer norms at every step cost a small SVD per layer: only for networks of dense-Hessian size
        SegmentSmoothness smoothness = net.parameterCount() <= DeepLinearNetwork.DENSE_EIGEN_LIMIT
                ? new SegmentSmoothness(depth, reference.inputMomentMax()) : null;
        DMatrixRMaj lossGradient = new DMatrixRMaj(data.outputDimension(), data.inputDimension());
        if (smoothness != null) smoothness.start(net.layers(), lossGradientNorm(loss, net.endToEnd(), lossGradient));
        double sumSquaredGradient = 0;
        GradientReturn gradientReturn = new GradientReturn(gradientNorm, reference.optimalValue());
        double previousExcess = reference.excess(net.endToEnd());
        long start = System.nanoTime();
        int reportEvery = Math.max(1, steps / 4);
        for (int t = 1; t <= steps; t++) {
            gradientNorm = net.gradientStep(loss, eta);
            gradientTrace.add(t - 1, gradientNorm);
            sumSquaredGradient += gradientNorm * gradientNorm;
            gradientReturn.observe(t - 1, gradientNorm, previousExcess, escape.escapeStart(), escape.escapeEnd());
            DMatrixRMaj endToEnd = net.endToEnd();
            if (smoothness != null) smoothness.step(t, net.layers(), lossGradientNorm(loss, endToEnd, lossGradient), eta * gradientNorm);
            double value = loss.value(endToEnd);
            if (guard.diverged(t, value)) {
                // the series end at the last finite state: this one if its loss is finite, else the last recorded
                if (Double.isFinite(value) && Arrays.stream(net.parameters()).allMatch(Double::isFinite)) {
                    observe(t, value, reference.excess(endToEnd), reference, lossTrace, excessTrace, escape, tail, firstBelow);
                    recorder.record(t);
                } else {
                    net.setParameters(lastRecordedWeights);
                }
                break;
            }
            previousExcess = reference.excess(endToEnd);
            observe(t, value, previousExcess, reference, lossTrace, excessTrace, escape, tail, firstBelow);
            if (t == steps || spectra.due(t, value, gradientNorm)) {
                double recordedNorm = recorder.record(t);
                spectra.recorded(value, recordedNorm);
                lastRecordedWeights = net.parameters();
                if (t == steps) gradientTrace.add(t, recordedNorm);
            }
            if (t % reportEvery == 0) progress.report("depth " + depth + ": step " + t + " of " + steps);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        DMatrixRMaj endToEnd = net.endToEnd();
        Double predictedSharpness = endToEnd.numRows == 1 ? ScalarOutputTheory.predictedSharpness(endToEnd, depth, loss.inputMoment()) : null;
        LandscapeResult result = new LandscapeResult(LandscapeResult.SCHEMA, p.asMap(),
                new DatasetRows(data.name(), data.xRows(), data.yRows()), depth, widths, net.parameterCount(), eta,
                eta * reference.inputMomentMax(), steps, seed, init, initScale, rows(initialWeights), rows(net.layers()),
                recorder.series(), guard.hasDiverged(), guard.divergedAtStep(), guard.divergence(),
                new LandscapeResult.Traces(StepTrace.RULE, buckets, lossTrace.toRecord(), excessTrace.toRecord(), gradientTrace.toRecord()),
                events(escape, gradientTrace, recorder), finalRate(loss, reference, depth, eta, tail), escapePrediction,
                reference.toRecord(), stepsToRelativeExcess(firstBelow), endToEnd.get2DData(), net.imbalance(),
                relativeImbalance(net, endToEnd), predictedSharpness,
                new LandscapeResult.Conservation(sumSquaredGradient, imbalanceChange(initialWeights, net.layers()),
                        smoothness == null ? null : smoothness.maxLayerNorm(), smoothness == null ? null : smoothness.maxBound(),
                        smoothness == null ? null : smoothness.maxBoundStep()),
                HessianStructure.of(net, loss), new LandscapeResult.StoppingRule(gradientReturn.step(), gradientReturn.relativeExcess(),
                        gradientReturn.plateauMinimum(), gradientReturn.plateauMinimumStep(),
                        gradientReturn.plateauMinimumRelativeExcess(), gradientReturn.escapeMinimum()),
                new LandscapeResult.Timings(seconds, recorder.hessianSeconds));
        return ResultDocuments.write(result);
    }

    private static List<double[][]> rows(List<DMatrixRMaj> matrices) {
        return matrices.stream().map(DMatrixRMaj::get2DData).toList();
    }

    /** The first step at or below each relative excess threshold, keyed as the format names them; null if never. */
    private static Map<String, Integer> stepsToRelativeExcess(int[] firstBelow) {
        Map<String, Integer> reached = new LinkedHashMap<>();
        for (int k = 0; k < THRESHOLDS.length; k++)
            reached.put(THRESHOLDS[k] == 1e-3 ? "1e-3" : "1e-6", firstBelow[k] >= 0 ? firstBelow[k] : null);
        return reached;
    }

    /**
     * max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F divided by ||W_{1:N}||_2^{2/N}, the squared scale every layer has
     * in a balanced factorization of the same end-to-end matrix: 0 means exactly balanced.
     */
    static double relativeImbalance(DeepLinearNetwork net, DMatrixRMaj endToEnd) {
        double scale = Math.pow(NormOps_DDRM.normP2(endToEnd), 2.0 / net.depth());
        return scale > 0 ? net.imbalance() / scale : Double.POSITIVE_INFINITY;
    }

    /** ||grad l(W)||_F at the end-to-end matrix W, written through {@code work}. */
    private static double lossGradientNorm(SquaredLoss loss, DMatrixRMaj endToEnd, DMatrixRMaj work) {
        loss.gradient(endToEnd, work);
        return NormOps_DDRM.normF(work);
    }

    /**
     * max_j ||D_j(after) - D_j(before)||_F, D_j = W_{j+1}^T W_{j+1} - W_j W_j^T: what gradient descent changed of the
     * differences gradient flow conserves (each step adds eta^2 (G_{j+1}^T G_{j+1} - G_j G_j^T)).
     */
    static double imbalanceChange(List<DMatrixRMaj> before, List<DMatrixRMaj> after) {
        double worst = 0;
        for (int j = 0; j + 1 < before.size(); j++) {
            DMatrixRMaj change = difference(after.get(j), after.get(j + 1));
            CommonOps_DDRM.subtractEquals(change, difference(before.get(j), before.get(j + 1)));
            worst = Math.max(worst, NormOps_DDRM.normF(change));
        }
        return worst;
    }

    /** W_{j+1}^T W_{j+1} - W_j W_j^T. */
    private static DMatrixRMaj difference(DMatrixRMaj lower, DMatrixRMaj upper) {
        DMatrixRMaj d = new DMatrixRMaj(upper.numCols, upper.numCols);
        CommonOps_DDRM.multTransA(upper, upper, d);
        DMatrixRMaj outer = new DMatrixRMaj(lower.numRows, lower.numRows);
        CommonOps_DDRM.multTransB(lower, lower, outer);
        CommonOps_DDRM.subtractEquals(d, outer);
        return d;
    }

    /** Everything watched at every step: the traces, the escape crossings, the tail rate and the excess thresholds. */
    private static void observe(int step, double value, double excess, LeastSquaresReference reference, StepTrace lossTrace,
                                StepTrace excessTrace, EscapeEvents escape, TailRate tail, int[] firstBelow) {
        lossTrace.add(step, value);
        excessTrace.add(step, excess);
        escape.observe(step, value);
        tail.observe(step, excess);
        checkThresholds(step, excess / reference.optimalValue(), firstBelow);
    }

    /**
     * Exact events: the escape crossings (every step), the peak gradient norm (every step), and the lowest smallest
     * Hessian eigenvalue, to the resolution of the spectral records (the larger gap to a neighbouring record).
     */
    private static LandscapeResult.Events events(EscapeEvents escape, StepTrace gradient, Recorder recorder) {
        Double lowestLambdaMin = null;
        Integer lowestLambdaMinStep = null, lowestLambdaMinResolution = null;
        int lowest = recorder.lowestLambdaMinIndex();
        if (lowest >= 0) {
            List<Integer> steps = recorder.step;
            lowestLambdaMin = recorder.min.get(lowest);
            lowestLambdaMinStep = steps.get(lowest);
            int before = lowest > 0 ? steps.get(lowest) - steps.get(lowest - 1) : 0;
            int after = lowest + 1 < steps.size() ? steps.get(lowest + 1) - steps.get(lowest) : 0;
            lowestLambdaMinResolution = Math.max(before, after);
        }
        int inEscape = 0;
        for (int t : recorder.step) if (escape.escapeStart() >= 0 && escape.escapeEnd() >= 0 && t >= escape.escapeStart() && t <= escape.escapeEnd()) inEscape++;
        return new LandscapeResult.Events(escape.escapeStart(), escape.escapeStep(), escape.escapeEnd(), gradient.max(), gradient.maxStep(),
                lowestLambdaMin, lowestLambdaMinStep, lowestLambdaMinResolution, inEscape, recorder.step.size());
    }

    /**
     * The escape step {@link EscapeTheory} predicts from the run's own start (one output, depth &gt;= 2): the layer scale
     * of the model with the measured initial gradient norm, grown to the product that covers half the loss's fall.
     */
    private static LandscapeResult.EscapePrediction escapePrediction(SquaredLoss loss, int depth, double eta, double fall, double initialGradientNorm) {
        DMatrixRMaj cross = loss.crossMoment();
        if (cross.numRows != 1 || depth < 2) return new LandscapeResult.EscapePrediction(null, null, null, null, null);
        double sigma = NormOps_DDRM.normF(cross);
        DMatrixRMaj v = cross.copy();
        org.ejml.dense.row.CommonOps_DDRM.divide(v, sigma);
        double lambdaV = org.ejml.dense.row.mult.VectorVectorMult_DDRM.innerProdA(v, loss.inputMoment(), v);
        double halfway = EscapeTheory.halfwayProduct(sigma, lambdaV, fall);
        double s0 = EscapeTheory.scaleFromGradient(initialGradientNorm, sigma, depth);
        double steps = EscapeTheory.escapeSteps(depth, eta, sigma, s0, halfway);
        return new LandscapeResult.EscapePrediction(sigma, lambdaV, halfway, s0, Double.isFinite(steps) ? steps : null);
    }

    /**
     * The final linear phase, predicted and measured. Predicted (scalar output): near a balanced minimum the excess
     * falls by (1 - eta mu)^2 per step, mu = lambda_min(Sigma^{1/2} P_{W*} Sigma^{1/2}) at the least-squares optimum.
     * Measured: the excess's decades over the second half of the run, from the exact values at its ends.
     */
    private static LandscapeResult.FinalRate finalRate(SquaredLoss loss, LeastSquaresReference reference, int depth, double eta, TailRate tail) {
        Double predictedRate = null, predictedStepsPerDecade = null;
        if (reference.optimum().numRows == 1) {
            double mu = ScalarOutputTheory.predictedFinalRate(reference.optimum(), depth, loss.inputMoment());
            predictedRate = mu;
            predictedStepsPerDecade = ScalarOutputTheory.stepsPerDecade(eta, mu);
        }
        double measured = tail.stepsPerDecade();
        return new LandscapeResult.FinalRate(predictedRate, predictedStepsPerDecade, tail.fromStep(), tail.toStep(),
                Double.isFinite(measured) ? measured : null);
    }

    private static void checkThresholds(int step, double relativeExcess, int[] firstBelow) {
        for (int k = 0; k < THRESHOLDS.length; k++)
            if (firstBelow[k] < 0 && relativeExcess <= THRESHOLDS[k]) firstBelow[k] = step;
    }

    private static Dataset load(Parameters p) {
        Dataset data = DATA.load(p);
        Optional<Integer> samples = p.get(SAMPLES);
        if (samples.isPresent()) data = Preprocessing.firstSamples(data, samples.get());
        return Preprocessing.standardize(data);
    }

    /** The series recorded at the scheduled steps. */
    private static final class Recorder {
        private final DeepLinearNetwork net;
        private final SquaredLoss loss;
        private final LeastSquaresReference reference;
        private final double[] gradient;
        private final List<Integer> step = new ArrayList<>();
        private final List<Double> value = new ArrayList<>(), excess = new ArrayList<>(), gradientNorm = new ArrayList<>(),
                min = new ArrayList<>(), max = new ArrayList<>(), imbalance = new ArrayList<>(), residual = new ArrayList<>();
        private String method;
        private double hessianSeconds;

        Recorder(DeepLinearNetwork net, SquaredLoss loss, LeastSquaresReference reference) {
            this.net = net;
            this.loss = loss;
            this.reference = reference;
            this.gradient = new double[net.parameterCount()];
        }

        /** Records the state at step t; returns its gradient norm. */
        double record(int t) {
            DMatrixRMaj endToEnd = net.endToEnd();
            step.add(t);
            value.add(loss.value(endToEnd));
            excess.add(reference.excess(endToEnd));
            net.gradient(loss, gradient);
            double s = 0;
            for (double g : gradient) s += g * g;
            double norm = Math.sqrt(s);
            gradientNorm.add(norm);
            long start = System.nanoTime();
            try {
                HessianExtremes h = net.hessianExtremes(loss);
                min.add(h.min());
                max.add(h.max());
                method = h.method().name().toLowerCase(java.util.Locale.ROOT);
                residual.add(h.lanczos() == null ? 0.0 : Math.max(h.lanczos().minResidual(), h.lanczos().maxResidual()));
            } catch (ArithmeticException e) {
                // only at the state where a diverging run stopped: the eigen-solver gave up on its huge entries
                min.add(Double.NaN);
                max.add(Double.NaN);
                residual.add(Double.NaN);
            }
            hessianSeconds += (System.nanoTime() - start) / 1e9;
            imbalance.add(net.imbalance());
            return norm;
        }

        /** Index of the record with the smallest finite lambda_min (the first if tied), or -1. */
        int lowestLambdaMinIndex() {
            int best = -1;
            for (int i = 0; i < min.size(); i++)
                if (Double.isFinite(min.get(i)) && (best < 0 || min.get(i) < min.get(best))) best = i;
            return best;
        }

        LandscapeResult.Series series() {
            return new LandscapeResult.Series(step.stream().mapToInt(Integer::intValue).toArray(), doubles(value), doubles(gradientNorm),
                    doubles(min), doubles(max), doubles(excess), doubles(imbalance), doubles(residual), method);
        }

        private static double[] doubles(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
