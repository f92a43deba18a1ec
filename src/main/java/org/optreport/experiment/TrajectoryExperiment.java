package org.optreport.experiment;

import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.choice;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.seed;
import static org.optreport.experiment.settings.SettingType.wordOr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.optreport.data.Dataset;
import org.optreport.data.Preprocessing;
import org.optreport.experiment.settings.Setting;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.EndToEndDynamics;
import org.optreport.model.EndToEndLoss;
import org.optreport.model.QuarticLoss;
import org.optreport.model.SquaredLoss;
import org.optreport.results.ResultDocuments;
import org.optreport.results.TrajectoryResult;

/**
 * Part 3 (trajectory/v1): a depth-N linear network trained by gradient descent and the discrete end-to-end
 * dynamics applied to a linear model, both started from the same end-to-end matrix W_0 and stepped side by side
 * with the same learning rate. Records both end-to-end matrices, both losses, their distance and the network's
 * imbalance max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F on a log-spaced schedule; the losses, excess losses and the
 * distance are also seen at every step ({@link TrajectoryScalars}), so that extremes and crossing steps are exact.
 * The imbalance stays on the schedule: its two Gram products per hidden layer cost 10-40% of a step, and the
 * report quotes it only at the first and last steps, which are recorded. With depth 1 the network is the linear
 * model and the dynamics is plain gradient descent, so the two coincide.
 */
public final class TrajectoryExperiment implements Experiment {
    // The parameters, also read by TrajectoryCost.
    /** The dataset and its columns (inputs and targets are standardized). */
    static final DatasetParameters DATA = DatasetParameters.STANDARD;
    static final Setting<Optional<Integer>> SAMPLES = Setting.of("samples", wordOr("all", integer(2, Integer.MAX_VALUE)), Optional.empty(),
            "use the first n samples, or all");
    static final Setting<Integer> DEPTH = Setting.of("depth", integer(1, 20), 2, "number of layers N (1 = the linear model itself)");
    static final Setting<Integer> WIDTH = Setting.of("width", integer(1, 10_000), 10, "width of every hidden layer");
    static final Setting<Integer> STEPS = Setting.of("steps", integer(1, 100_000_000), 8000, "gradient-descent steps");
    static final Setting<Double> LEARNING_RATE = Setting.of("learningRate", real(openClosed(0, 1e6)), 0.005,
            "step size eta, the same for the network and the dynamics");
    static final Setting<String> INIT = Setting.of("init", choice("balanced", "gaussian", "xavier"), "balanced",
            "balanced (exactly balanced, end-to-end Frobenius norm = initScale), gaussian (i.i.d. N(0, initScale^2)) "
                    + "or xavier (Xavier normal times initScale)");
    static final Setting<Double> INIT_SCALE = Setting.of("initScale", real(openClosed(0, 1e6)), 0.001,
            "size of the initialization (meaning depends on init)");
    static final Setting<String> LOSS = Setting.of("loss", choice("l2", "l4"), "l2",
            "l2 = (1/2n) sum ||W x - y||^2, l4 = (1/4n) sum ||W x - y||_4^4");
    static final Setting<Long> SEED = Setting.of("seed", seed(), 1L, "seed of the random initialization");
    static final Setting<Integer> RECORDS = Setting.of("records", integer(2, 100_000), 200, "about this many recorded steps, log-spaced");
    static final Setting<Integer> BUCKETS = Setting.of("buckets", integer(1, 100_000), 200,
            "log-spaced buckets of the every-step traces (each keeps its first, last, smallest and largest value)");
    static final Setting<Double> EXCESS_TARGET = Setting.of("excessTarget", real(openClosed(0, 1e6)), 1e-6,
            "the events give the step from which each excess loss stays at or below this");

    @Override public String name() { return "trajectory"; }

    @Override public List<Setting<?>> parameters() {
        return List.of(DATA.dataset(), DATA.inputs(), DATA.targets(), SAMPLES, DEPTH, WIDTH, STEPS, LEARNING_RATE, INIT, INIT_SCALE, LOSS, SEED, RECORDS, BUCKETS, EXCESS_TARGET);
    }

    @Override public RunCost cost(Parameters p) { return TrajectoryCost.of(p); }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        int depth = p.get(DEPTH);
        int width = p.get(WIDTH);
        int steps = p.get(STEPS);
        double eta = p.get(LEARNING_RATE);
        String init = p.get(INIT);
        double scale = p.get(INIT_SCALE);
        String lossName = p.get(LOSS);
        long seed = p.get(SEED);
        int records = p.get(RECORDS);
        int buckets = p.get(BUCKETS);
        double excessTarget = p.get(EXCESS_TARGET);
        Optional<Integer> samples = p.get(SAMPLES);

        Dataset data = DATA.load(p);
        if (samples.isPresent()) data = Preprocessing.firstSamples(data, samples.get());
        data = Preprocessing.standardize(data);
        int[] widths = NetworkWidths.of(data.inputDimension(), data.outputDimension(), depth, width).widths();

        SquaredLoss squared = SquaredLoss.of(data.x(), data.y());
        EndToEndLoss loss = lossName.equals("l2") ? squared : new QuarticLoss(data.x(), data.y());
        // l2: the excess loss in the form free of cancellation; l4 has none, so it is L - L*
        LeastSquaresReference leastSquares = lossName.equals("l2") ? new LeastSquaresReference(squared) : null;
        DMatrixRMaj optimum = leastSquares != null ? leastSquares.optimum() : QuarticOptimum.weights(data.x(), data.y());
        double optimalLoss = loss.value(optimum);
        DeepLinearNetwork network = switch (init) {
            case "balanced" -> DeepLinearNetwork.balanced(widths, scale, seed);
            case "gaussian" -> DeepLinearNetwork.gaussian(widths, scale, seed);
            default -> DeepLinearNetwork.xavier(widths, scale, seed);
        };
        List<DMatrixRMaj> initialWeights = network.layers();
        DMatrixRMaj dynamics = network.endToEnd();
        EndToEndDynamics stepper = new EndToEndDynamics(depth, data.outputDimension(), data.inputDimension());

        List<DMatrixRMaj> networkEndToEnd = new ArrayList<>(), dynamicsEndToEnd = new ArrayList<>();
        List<Double> networkLoss = new ArrayList<>(), dynamicsLoss = new ArrayList<>(), distance = new ArrayList<>(),
                imbalance = new ArrayList<>();
        List<Integer> recorded = new ArrayList<>();
        int[] schedule = RecordingSchedule.logSpaced(steps, records);
        DMatrixRMaj product = new DMatrixRMaj(dynamics.numRows, dynamics.numCols); // the network's, rewritten every step
        network.endToEnd(product);
        TrajectoryScalars everyStep = new TrajectoryScalars(steps, buckets, excess(leastSquares, product, loss.value(product), optimalLoss),
                excessTarget);
        DivergenceGuard networkGuard = new DivergenceGuard(loss.value(product));
        DivergenceGuard dynamicsGuard = new DivergenceGuard(loss.value(dynamics));
        int next = 0;
        for (int step = 0; step <= steps; step++) {
            if (step > 0) {
                network.gradientStep(loss, eta);
                stepper.step(dynamics, loss, eta);
            }
            network.endToEnd(product);
            double lossOfNetwork = loss.value(product), lossOfDynamics = loss.value(dynamics);
            // both guards see every step, so a blow-up between two recorded steps is caught where it happens
            boolean networkFailed = networkGuard.diverged(step, lossOfNetwork);
            boolean dynamicsFailed = dynamicsGuard.diverged(step, lossOfDynamics);
            if (networkFailed || dynamicsFailed) break;
            double gap = distance(product, dynamics);
            everyStep.add(step, lossOfNetwork, lossOfDynamics, gap, excess(leastSquares, product, lossOfNetwork, optimalLoss),
                    excess(leastSquares, dynamics, lossOfDynamics, optimalLoss));
            if (step == schedule[next]) {
                recorded.add(step);
                networkEndToEnd.add(product.copy());
                dynamicsEndToEnd.add(dynamics.copy());
                networkLoss.add(lossOfNetwork);
                dynamicsLoss.add(lossOfDynamics);
                distance.add(gap);
                imbalance.add(network.imbalance());
                next++;
            }
            if (step > 0 && step % Math.max(1, steps / 10) == 0)
                progress.report(String.format(Locale.ROOT, "step %d/%d: network loss %.6g, dynamics loss %.6g", step, steps,
                        lossOfNetwork, lossOfDynamics));
        }

        DivergenceGuard failed = networkGuard.hasDiverged() ? networkGuard : dynamicsGuard;
        TrajectoryResult result = new TrajectoryResult(TrajectoryResult.SCHEMA, p.asMap(), lossName,
                new TrajectoryResult.Dataset(data.name(), data.inputColumns(), data.targetColumns(), data.xRows(), data.yRows()),
                depth, widths, eta, steps, seed, init, scale, rows(initialWeights), rows(network.layers()),
                imbalance.isEmpty() ? Double.NaN : imbalance.get(0), rows(optimum), optimalLoss,
                new TrajectoryResult.Series(recorded.stream().mapToInt(Integer::intValue).toArray(), rows(networkEndToEnd),
                        rows(dynamicsEndToEnd), doubles(networkLoss), doubles(dynamicsLoss), doubles(distance), doubles(imbalance)),
                everyStep.traces(), everyStep.events(failed.hasDiverged()), failed.hasDiverged(), failed.divergedAtStep(),
                divergence(networkGuard, dynamicsGuard));
        return ResultDocuments.write(result);
    }

    /** Which of the two diverged, then why (the network's reason when both did); null if neither did. */
    private static String divergence(DivergenceGuard network, DivergenceGuard dynamics) {
        if (!network.hasDiverged() && !dynamics.hasDiverged()) return null;
        String who = network.hasDiverged() ? (dynamics.hasDiverged() ? "network and dynamics" : "network") : "dynamics";
        return who + ": " + (network.hasDiverged() ? network : dynamics).divergence();
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<double[][]> rows(List<DMatrixRMaj> matrices) {
        return matrices.stream().map(TrajectoryExperiment::rows).toList();
    }

    /** The matrix as an array of rows, the form results record. */
    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        return out;
    }

    /** L(W) - L*, given L(W): for l2 from {@link LeastSquaresReference#excess}, else the difference of the two values. */
    private static double excess(LeastSquaresReference leastSquares, DMatrixRMaj endToEnd, double lossValue, double optimalLoss) {
        return leastSquares != null ? leastSquares.excess(endToEnd) : lossValue - optimalLoss;
    }

    /** ||a - b||_F without a temporary matrix. */
    static double distance(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            double d = a.data[i] - b.data[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

}
