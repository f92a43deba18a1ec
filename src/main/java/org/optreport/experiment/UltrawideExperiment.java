package org.optreport.experiment;

import static org.optreport.experiment.settings.Interval.above;
import static org.optreport.experiment.settings.Interval.open;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.integers;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.wordOr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.optreport.data.Dataset;
import org.optreport.data.Preprocessing;
import org.optreport.experiment.settings.Setting;
import org.optreport.linalg.DenseEigen;
import org.optreport.model.KernelDynamics;
import org.optreport.model.NeuralTangentKernel;
import org.optreport.model.TwoLayerReluNetwork;
import org.optreport.results.DatasetRows;
import org.optreport.results.ResultDocuments;
import org.optreport.results.UltrawideResult;

/**
 * Part 3: wide two-layer ReLU networks trained by gradient descent on the squared loss, each compared step by
 * step with the kernel dynamics u_{k+1} = u_k - eta H* (u_k - y) started from the same network's initial
 * outputs (docs/results-format.md, ultrawide/v3). One result file may hold several (width, seed) runs; the
 * report asks for one run per file so the build can spread them over its threads.
 *
 * <p>Extras beyond the contract: per run the traces of the losses and the distance over every step (not only
 * recorded ones) with the largest distance and its step; the kernel dynamics of the network's own H(0) beside those of
 * H*, which splits the distance into the initialization error ||u_H(0) - u_H*|| and the rest ||u_net - u_H(0)||; the
 * weight movement (largest, median, RMS, relative) and activation-flip fraction series; the activations flipping
 * within a step ({@link UltrawideStepFlips}); the extreme eigenvalues of H(0) and the smallest of H(T);
 * ||H(0) - H*|| (spectral and Frobenius), ||H(T) - H(0)|| (spectral), the recorded losses split along the eigenvectors
 * of H* ({@link KernelBands}) and timings; at the top the eigenvalues of H*, the projections of y on its eigenvectors and
 * the groups of eigen-directions.
 */
public final class UltrawideExperiment implements Experiment {
    // The parameters, also read by UltrawideCost.
    /** The dataset and its columns (inputs standardized, rows scaled to unit norm; the one target standardized). */
    static final DatasetParameters DATA = DatasetParameters.STANDARD;
    static final Setting<Integer> SAMPLES = Setting.of("samples", integer(1, 1_000_000), 256,
            "the first n samples of the dataset (at most its size)");
    static final Setting<List<Integer>> WIDTHS = Setting.of("widths", integers(1, 10_000_000),
            List.of(10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000), "hidden widths m, comma-separated");
    static final Setting<List<Integer>> SEEDS = Setting.of("seeds", integers(Integer.MIN_VALUE, Integer.MAX_VALUE), List.of(1, 2, 3),
            "initialization seeds, comma-separated (one run per width and seed)");
    static final Setting<Integer> STEPS = Setting.of("steps", integer(1, 10_000_000), 1000, "gradient-descent steps");
    static final Setting<Optional<Double>> LEARNING_RATE = Setting.of("learningRate", wordOr("auto", real(above(0))), Optional.empty(),
            "the step eta, below 2/lambda_max(H*); auto = learningRateFraction / lambda_max(H*)");
    /** By default every kernel direction contracts monotonically: the step is 1/lambda_max(H*). */
    static final Setting<Double> LEARNING_RATE_FRACTION = Setting.of("learningRateFraction", real(open(0, 2)), 1.0,
            "with learningRate=auto: eta = fraction / lambda_max(H*)");
    static final Setting<Integer> RECORDS = Setting.of("records", integer(2, 100_000), 60, "about this many log-spaced recorded steps");
    static final Setting<Integer> TRACE_BUCKETS = Setting.of("traceBuckets", integer(1, 100_000), 100,
            "log-spaced buckets of the every-step traces (every step is kept while steps <= 4 x buckets)");

    @Override public String name() { return "ultrawide"; }

    @Override public List<Setting<?>> parameters() {
        return List.of(DATA.dataset(), DATA.inputs(), DATA.targets(), SAMPLES, WIDTHS, SEEDS, STEPS, LEARNING_RATE, LEARNING_RATE_FRACTION, RECORDS, TRACE_BUCKETS);
    }

    @Override public RunCost cost(Parameters p) { return UltrawideCost.of(p); }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        int samples = p.get(SAMPLES);
        List<Integer> widths = p.get(WIDTHS);
        List<Integer> seeds = p.get(SEEDS);
        int steps = p.get(STEPS);
        int records = p.get(RECORDS);
        int traceBuckets = p.get(TRACE_BUCKETS);
        Dataset all = DATA.load(p);
        if (samples > all.samples())
            throw ParameterException.invalid(SAMPLES.key(), p.string(SAMPLES.key()), "at most " + all.samples() + " (the size of " + all.name() + ")");
        Dataset data = Preprocessing.unitNormRows(Preprocessing.standardize(Preprocessing.firstSamples(all, samples)));
        if (data.outputDimension() != 1)
            throw new ParameterException("parameter dataset=" + p.string(DatasetParameters.DATASET.key()) + " is not allowed with targets=" + p.string(DatasetParameters.TARGETS.key()) + ": the network has one output, the dataset has "
                    + data.outputDimension() + " targets");
        DMatrixRMaj x = data.x();
        double[] y = data.y().data.clone();

        DMatrixRMaj kernel = NeuralTangentKernel.infiniteWidth(x);
        KernelDynamics spectrum = new KernelDynamics(kernel, y, new double[samples], 1);
        double lambdaMax = spectrum.lambdaMax(), lambdaMin = spectrum.lambdaMin();
        double eta = learningRate(p, lambdaMax);

        // Q^T (0 - y) = -Q^T y: flip the sign to get the projections of y itself.
        double[] targetProjections = spectrum.projections(new double[samples]);
        for (int i = 0; i < samples; i++) targetProjections[i] = -targetProjections[i];
        KernelBands bands = new KernelBands(spectrum, eta);

        int[] schedule = RecordingSchedule.logSpaced(steps, records);
        List<UltrawideResult.NetworkRun> runs = new ArrayList<>();
        for (int width : widths)
            for (int seed : seeds) {
                progress.report(String.format(Locale.ROOT, "width %d seed %d: %d steps", width, seed, steps));
                runs.add(train(x, y, kernel, bands, eta, steps, schedule, traceBuckets, width, seed));
            }
        UltrawideResult result = new UltrawideResult(UltrawideResult.SCHEMA, p.asMap(),
                new DatasetRows(data.name(), data.xRows(), data.yRows()), eta, eta * lambdaMax, steps, KernelBlocks.of(kernel), lambdaMin, lambdaMax,
                spectrum.eigenvalues(), targetProjections, bands.describe(targetProjections), runs);
        return ResultDocuments.write(result);
    }

    /** The step from learningRate (a number) or learningRateFraction / lambda_max; must stay below 2 / lambda_max. */
    private static double learningRate(Parameters p, double lambdaMax) {
        Optional<Double> given = p.get(LEARNING_RATE);
        double eta = given.isPresent() ? given.get() : p.get(LEARNING_RATE_FRACTION) / lambdaMax;
        if (eta * lambdaMax >= 2)
            throw ParameterException.invalid(LEARNING_RATE.key(), p.string(LEARNING_RATE.key()),
                    String.format(Locale.ROOT, "a step below 2 / lambda_max(H*) = %.4g (the kernel dynamics diverge beyond it)", 2 / lambdaMax));
        return eta;
    }

    private static UltrawideResult.NetworkRun train(DMatrixRMaj x, double[] y, DMatrixRMaj kernel, KernelBands bands, double eta, int steps,
                                                    int[] schedule, int traceBuckets, int width, int seed) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime(), wallStart = System.nanoTime();
        TwoLayerReluNetwork net = TwoLayerReluNetwork.create(width, x.numCols, seed);
        DMatrixRMaj initialKernel = net.empiricalKernel(x);
        DMatrixRMaj deviation = initialKernel.copy();
        CommonOps_DDRM.subtractEquals(deviation, kernel);

        double[] network = net.outputs(x);
        KernelDynamics dynamics = new KernelDynamics(kernel, y, network, eta);
        double[] kernelOutputs = network.clone();
        // The network's own initial kernel: gradient descent on the network minus these dynamics is drift and flips alone.
        KernelDynamics initialDynamics = new KernelDynamics(initialKernel, y, network, eta);
        double[] initialKernelOutputs = network.clone();
        UltrawideStepFlips stepFlips = new UltrawideStepFlips(x, net.outputSigns());
        DivergenceGuard guard = new DivergenceGuard(dynamics.loss(network));

        List<Integer> recordedSteps = new ArrayList<>();
        List<double[]> networkSeries = new ArrayList<>(), kernelSeries = new ArrayList<>();
        List<Double> networkLoss = new ArrayList<>(), kernelLoss = new ArrayList<>(), distance = new ArrayList<>();
        List<Double> movement = new ArrayList<>(), medianMovement = new ArrayList<>(), rmsMovement = new ArrayList<>(),
                relativeMovement = new ArrayList<>(), flips = new ArrayList<>();
        List<double[]> networkBandLoss = new ArrayList<>(), kernelBandLoss = new ArrayList<>(), initialKernelBandLoss = new ArrayList<>();
        UltrawideTraces traces = new UltrawideTraces(steps, traceBuckets);
        int next = 0;
        for (int k = 0; k <= steps; k++) {
            boolean record = next < schedule.length && schedule[next] == k;
            double[] weightsBefore = null;
            if (record) {
                weightsBefore = net.weights();
                UltrawideMovement moved = UltrawideMovement.of(weightsBefore, net.initialWeights(), x.numCols);
                movement.add(moved.max());
                medianMovement.add(moved.median());
                rmsMovement.add(moved.rms());
                relativeMovement.add(net.relativeWeightMovement());
                flips.add(net.activationFlipFraction(x));
            }
            // The step returns the loss and outputs at the weights before it: u_k of the network.
            double loss = k < steps ? net.gdStep(x, y, eta, network) : outputsAndLoss(net, x, y, network);
            if (guard.diverged(k, loss)) {
                if (record) {
                    for (List<Double> l : List.of(movement, medianMovement, rmsMovement, relativeMovement, flips)) l.remove(l.size() - 1);
                }
                break;
            }
            // An O(m n d) pass, as costly as the step itself: only at the recorded steps.
            if (record && k < steps) stepFlips.measure(k, weightsBefore, net.weights());
            // O(n) and O(n^2), beside the O(m n d) step: cheap enough to see every step.
            double kernelLossValue = dynamics.loss(kernelOutputs), d = distance(network, kernelOutputs);
            traces.add(k, loss, kernelLossValue, d);
            traces.addSplit(k, initialDynamics.loss(initialKernelOutputs), distance(initialKernelOutputs, kernelOutputs),
                    distance(network, initialKernelOutputs));
            if (record) {
                recordedSteps.add(k);
                networkSeries.add(network.clone());
                kernelSeries.add(kernelOutputs.clone());
                networkLoss.add(loss);
                kernelLoss.add(kernelLossValue);
                distance.add(d);
                networkBandLoss.add(bands.loss(network));
                kernelBandLoss.add(bands.loss(kernelOutputs));
                initialKernelBandLoss.add(bands.loss(initialKernelOutputs));
                next++;
            }
            if (k < steps) {
                dynamics.step(kernelOutputs);
                initialDynamics.step(initialKernelOutputs);
            }
        }
        // ||H(T) - H(0)|| only at the end: the empirical kernel is an O(m n d) pass and O(m n^2 / 64) bit counts.
        double kernelChange = Double.NaN, finalLambdaMin = Double.NaN;
        if (!guard.hasDiverged()) {
            DMatrixRMaj finalKernel = net.empiricalKernel(x);
            finalLambdaMin = DenseEigen.eigenvalues(finalKernel)[0];
            DMatrixRMaj change = finalKernel;
            CommonOps_DDRM.subtractEquals(change, initialKernel);
            kernelChange = spectralNorm(change);
        }

        UltrawideResult.Series series = new UltrawideResult.Series(recordedSteps.stream().mapToInt(Integer::intValue).toArray(),
                networkSeries.toArray(new double[0][]), kernelSeries.toArray(new double[0][]), doubles(networkLoss), doubles(kernelLoss),
                doubles(distance), doubles(movement), doubles(medianMovement), doubles(rmsMovement), doubles(relativeMovement), doubles(flips),
                networkBandLoss.toArray(new double[0][]), kernelBandLoss.toArray(new double[0][]),
                initialKernelBandLoss.toArray(new double[0][]));
        UltrawideResult.Traces traced = traces.toRecord();
        double deviationSpectral = spectralNorm(deviation), deviationFrobenius = NormOps_DDRM.normF(deviation);
        // Timed last, so that the run's time covers everything it computed.
        UltrawideResult.Timings timings = new UltrawideResult.Timings((threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9,
                (System.nanoTime() - wallStart) * 1e-9);
        return new UltrawideResult.NetworkRun(width, seed, series, traced, traced.distance().max(), traced.distance().maxStep(),
                deviationSpectral, deviationFrobenius, kernelChange, initialDynamics.lambdaMin(), initialDynamics.lambdaMax(), finalLambdaMin,
                stepFlips.toRecord(), guard.hasDiverged(), guard.divergedAtStep(), guard.divergence(), timings);
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double outputsAndLoss(TwoLayerReluNetwork net, DMatrixRMaj x, double[] y, double[] out) {
        net.outputs(x, out);
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (out[i] - y[i]) * (out[i] - y[i]);
        return s / 2;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    /** Largest absolute eigenvalue of a symmetric matrix. */
    private static double spectralNorm(DMatrixRMaj symmetric) {
        double norm = 0;
        for (double v : DenseEigen.eigenvalues(symmetric)) norm = Math.max(norm, Math.abs(v));
        return norm;
    }
}
