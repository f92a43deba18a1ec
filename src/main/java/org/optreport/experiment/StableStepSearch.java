package org.optreport.experiment;

import static org.optreport.experiment.settings.Interval.closed;
import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.choice;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.optreport.data.Dataset;
import org.optreport.data.Preprocessing;
import org.optreport.experiment.settings.Setting;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.EndToEndLoss;
import org.optreport.model.EndToEndStability;
import org.optreport.model.QuarticLoss;
import org.optreport.model.SquaredLoss;
import org.optreport.results.ResultDocuments;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Search;
import org.optreport.results.StableStepResult.Trial;

/**
 * The acceleration study's experiment (stablestep/v2): for one loss, depth and seed, the largest step size at which
 * gradient descent on a balanced deep linear network provably converges (its excess loss reaches the target within the
 * budget and holds it, still decreasing, for as many steps again: {@link BudgetedDescent}), by a geometric scan and a
 * bisection ({@link StepBisection}); the same search for the discrete end-to-end dynamics started at the same product;
 * the dynamics run at every step the network's search tried, and the network at the dynamics' largest converging step;
 * both on a common linear grid of step sizes; and the linearised stability limit 2 / lambda_max(P_{W*} H) at the
 * optimum ({@link EndToEndStability}). On l4 the runs of the dynamics (and of depth 1) also record the largest
 * eta * lambda_max(P_W grad^2 l(W)) over every step, and its step.
 */
public final class StableStepSearch implements Experiment {
    /** The dataset and its columns (inputs and targets are standardized). */
    static final DatasetParameters DATA = DatasetParameters.STANDARD;
    static final Setting<String> LOSS = Setting.of("loss", choice("l2", "l4"), "l2",
            "l2 = (1/2n) sum ||W x - y||^2, l4 = (1/4n) sum ||W x - y||_4^4");
    static final Setting<Integer> DEPTH = Setting.of("depth", integer(1, 20), 2, "number of layers N (1 = the linear model itself)");
    static final Setting<Integer> WIDTH = Setting.of("width", integer(1, 1000), 10, "width of every hidden layer");
    static final Setting<Double> INIT_SCALE = Setting.of("initScale", real(openClosed(0, 100)), 0.001,
            "end-to-end Frobenius norm of the balanced initialization");
    static final Setting<Long> SEED = Setting.of("seed", seed(), 1L, "seed of the random initialization");
    static final Setting<Integer> STEPS = Setting.of("steps", integer(1, 5_000_000), 3000,
            "the arrival budget: a run must reach the target by this step; it may run on to twice it to hold the target");
    static final Setting<Double> EXCESS_TARGET = Setting.of("excessTarget", real(openClosed(0, 1e6)), 1e-6,
            "a run converges when its excess loss reaches this by the budget and stays at or below it, still decreasing, for as many steps again");
    static final Setting<Double> SCAN_SMALLEST = Setting.of("scanSmallest", real(openClosed(0, 100)), 0.1, "smallest step size of the scan");
    static final Setting<Double> SCAN_LARGEST = Setting.of("scanLargest", real(openClosed(0, 100)), 1.6, "largest step size of the scan");
    static final Setting<Double> SCAN_RATIO = Setting.of("scanRatio", real(openClosed(1, 10)), 1.25,
            "ratio of consecutive scanned step sizes (more than 1)");
    static final Setting<Double> TOLERANCE = Setting.of("tolerance", real(closed(1e-6, 1)), 0.005,
            "the bisection stops when the bracket's upper end is within this relative distance of its lower end");
    static final Setting<Double> GRID_SMALLEST = Setting.of("gridSmallest", real(openClosed(0, 100)), 0.2,
            "smallest step size of the common grid");
    static final Setting<Double> GRID_LARGEST = Setting.of("gridLargest", real(openClosed(0, 100)), 0.48,
            "largest step size of the common grid");
    static final Setting<Integer> GRID_POINTS = Setting.of("gridPoints", integer(0, 1000), 20,
            "equally spaced step sizes of the common grid, both ends included (0: no grid)");

    @Override public String name() { return "stablestep"; }

    @Override public List<Setting<?>> parameters() {
        return List.of(DATA.dataset(), DATA.inputs(), DATA.targets(), LOSS, DEPTH, WIDTH, INIT_SCALE, SEED, STEPS, EXCESS_TARGET, SCAN_SMALLEST, SCAN_LARGEST, SCAN_RATIO, TOLERANCE,
                GRID_SMALLEST, GRID_LARGEST, GRID_POINTS);
    }

    @Override public RunCost cost(Parameters p) { return StableStepCost.of(p); }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        String lossName = p.get(LOSS);
        int depth = p.get(DEPTH);
        long seed = p.get(SEED);
        int steps = p.get(STEPS);
        double target = p.get(EXCESS_TARGET), tolerance = p.get(TOLERANCE);
        List<Double> scan = scan(p);

        Dataset data = Preprocessing.standardize(DATA.load(p));
        int[] widths = NetworkWidths.of(data.inputDimension(), data.outputDimension(), depth, p.get(WIDTH)).widths();
        SquaredLoss squared = SquaredLoss.of(data.x(), data.y());
        boolean quartic = lossName.equals("l4");
        EndToEndLoss loss = quartic ? new QuarticLoss(data.x(), data.y()) : squared;
        DMatrixRMaj optimum;
        ToDoubleFunction<DMatrixRMaj> excess;
        DMatrixRMaj hessian;
        if (quartic) {
            optimum = QuarticOptimum.weights(data.x(), data.y());
            double optimal = loss.value(optimum);
            excess = w -> loss.value(w) - optimal;
            hessian = EndToEndStability.quarticLossHessian(data.x(), data.y(), optimum);
        } else {
            LeastSquaresReference reference = new LeastSquaresReference(squared); // the excess free of cancellation
            optimum = reference.optimum();
            excess = reference::excess;
            hessian = EndToEndStability.squaredLossHessian(squared.inputMoment(), data.outputDimension());
        }
        double optimalLoss = loss.value(optimum);
        double hessianMax = EndToEndStability.largestEigenvalue(EndToEndStability.preconditioner(optimum, 1), hessian);
        double preconditionedMax = EndToEndStability.largestEigenvalue(EndToEndStability.preconditioner(optimum, depth), hessian);

        DeepLinearNetwork start = DeepLinearNetwork.balanced(widths, p.get(INIT_SCALE), seed);
        // lambda_max(P_W grad^2 l(W)): the end-point test of every run of the dynamics (and of depth 1), and the curve along the grid's l4 runs
        DMatrixRMaj constantHessian = hessian;
        ToDoubleFunction<DMatrixRMaj> endToEndSharpness = w -> EndToEndStability.largestEigenvalue(EndToEndStability.preconditioner(w, depth),
                quartic ? EndToEndStability.quarticLossHessian(data.x(), data.y(), w) : constantHessian);
        ToDoubleFunction<DMatrixRMaj> plainSharpness = w -> EndToEndStability.largestEigenvalue(EndToEndStability.preconditioner(w, 1),
                quartic ? EndToEndStability.quarticLossHessian(data.x(), data.y(), w) : constantHessian);
        BudgetedDescent descent = new BudgetedDescent(start.layers(), loss, excess, quartic ? null : squared, steps, target,
                endToEndSharpness, plainSharpness);
        double initialExcess = excess.applyAsDouble(start.endToEnd());

        Search network = StepBisection.search(eta -> report(progress, "network", descent.network(eta)), scan, tolerance);
        Search dynamics = StepBisection.search(eta -> report(progress, "dynamics", descent.dynamics(eta)), scan, tolerance);
        List<Trial> dynamicsAtNetworkSteps = new ArrayList<>();
        for (Trial t : network.trials()) dynamicsAtNetworkSteps.add(reuse(dynamics.trials(), t.step(), descent::dynamics));
        Double dynamicsStep = dynamics.largestConverged();
        Trial networkAtDynamicsStep = dynamicsStep == null ? null : reuse(network.trials(), dynamicsStep, descent::network);
        List<Trial> networkGrid = new ArrayList<>(), dynamicsGrid = new ArrayList<>();
        for (double eta : grid(p)) {
            networkGrid.add(report(progress, "network (grid)", descent.network(eta, quartic)));
            dynamicsGrid.add(report(progress, "dynamics (grid)", descent.dynamics(eta, quartic)));
        }

        StableStepResult result = new StableStepResult(StableStepResult.SCHEMA, p.asMap(), lossName, depth, seed, steps, target,
                optimalLoss, initialExcess, new StableStepResult.Stability(hessianMax, preconditionedMax, 2 / preconditionedMax),
                network, dynamics, dynamicsAtNetworkSteps, networkAtDynamicsStep, networkGrid, dynamicsGrid);
        return ResultDocuments.write(result);
    }

    static List<Double> scan(Parameters p) {
        if (p.get(SCAN_LARGEST) < p.get(SCAN_SMALLEST))
            throw new ParameterException("scanLargest (" + p.get(SCAN_LARGEST) + ") must be at least scanSmallest (" + p.get(SCAN_SMALLEST) + ")");
        if (p.get(SCAN_RATIO) <= 1) throw new ParameterException("scanRatio must be more than 1, got " + p.get(SCAN_RATIO));
        return StepBisection.scan(p.get(SCAN_SMALLEST), p.get(SCAN_LARGEST), p.get(SCAN_RATIO));
    }

    /** The common grid: gridPoints equally spaced steps from gridSmallest to gridLargest (one point: gridSmallest). */
    static List<Double> grid(Parameters p) {
        int n = p.get(GRID_POINTS);
        double lo = p.get(GRID_SMALLEST), hi = p.get(GRID_LARGEST);
        if (n > 1 && hi <= lo) throw new ParameterException("gridLargest (" + hi + ") must be larger than gridSmallest (" + lo + ")");
        List<Double> grid = new ArrayList<>();
        for (int k = 0; k < n; k++) grid.add(n == 1 ? lo : lo + k * (hi - lo) / (n - 1));
        return grid;
    }

    /** The trial at this step: one already tried at the very same step (the scans share their steps), else a new run. */
    private static Trial reuse(List<Trial> tried, double eta, java.util.function.DoubleFunction<Trial> run) {
        for (Trial t : tried) if (t.step() == eta) return t;
        return run.apply(eta);
    }

    private static Trial report(Progress progress, String what, Trial t) {
        progress.report(String.format(Locale.ROOT, "%s at step size %.6g: %s", what, t.step(), t.outcome()));
        return t;
    }
}
