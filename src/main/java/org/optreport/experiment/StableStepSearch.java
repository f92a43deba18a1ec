package org.optreport.experiment;

import static org.optreport.experiment.settings.Interval.closed;
import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.choice;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.seed;
import static org.optreport.experiment.settings.SettingType.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
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
 * The acceleration study's experiment (stablestep/v1): for one loss, depth and seed, the largest step size at which
 * gradient descent on a balanced deep linear network converges (its excess loss reaches the target and stays there to
 * the end of the budget), by a geometric scan and a bisection ({@link StepBisection}); the same search for the
 * discrete end-to-end dynamics started at the same product; the dynamics run at every step the network's search
 * tried, and the network at the dynamics' largest converging step; and the linearised stability limit 2 / lambda_max(P_{W*} H) at the optimum ({@link EndToEndStability}).
 */
public final class StableStepSearch implements Experiment {
    static final Setting<String> DATASET = Setting.of("dataset", text(), "diabetes",
            "bundled dataset name or CSV path (inputs and targets are standardized)");
    static final Setting<String> LOSS = Setting.of("loss", choice("l2", "l4"), "l2",
            "l2 = (1/2n) sum ||W x - y||^2, l4 = (1/4n) sum ||W x - y||_4^4");
    static final Setting<Integer> DEPTH = Setting.of("depth", integer(1, 20), 2, "number of layers N (1 = the linear model itself)");
    static final Setting<Integer> WIDTH = Setting.of("width", integer(1, 1000), 10, "width of every hidden layer");
    static final Setting<Double> INIT_SCALE = Setting.of("initScale", real(openClosed(0, 100)), 0.001,
            "end-to-end Frobenius norm of the balanced initialization");
    static final Setting<Long> SEED = Setting.of("seed", seed(), 1L, "seed of the random initialization");
    static final Setting<Integer> STEPS = Setting.of("steps", integer(1, 10_000_000), 3000, "the step budget of every run");
    static final Setting<Double> EXCESS_TARGET = Setting.of("excessTarget", real(openClosed(0, 1e6)), 1e-6,
            "a run converges when its excess loss is at or below this from some step to the end of the budget");
    static final Setting<Double> SCAN_SMALLEST = Setting.of("scanSmallest", real(openClosed(0, 100)), 0.1, "smallest step size of the scan");
    static final Setting<Double> SCAN_LARGEST = Setting.of("scanLargest", real(openClosed(0, 100)), 1.6, "largest step size of the scan");
    static final Setting<Double> SCAN_RATIO = Setting.of("scanRatio", real(openClosed(1, 10)), 1.25,
            "ratio of consecutive scanned step sizes (more than 1)");
    static final Setting<Double> TOLERANCE = Setting.of("tolerance", real(closed(1e-6, 1)), 0.005,
            "the bisection stops when the bracket's upper end is within this relative distance of its lower end");

    @Override public String name() { return "stablestep"; }

    @Override public List<Setting<?>> parameters() {
        return List.of(DATASET, LOSS, DEPTH, WIDTH, INIT_SCALE, SEED, STEPS, EXCESS_TARGET, SCAN_SMALLEST, SCAN_LARGEST, SCAN_RATIO, TOLERANCE);
    }

    @Override public RunCost cost(Parameters p) { return StableStepCost.of(p); }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        String lossName = p.get(LOSS);
        int depth = p.get(DEPTH);
        long seed = p.get(SEED);
        int steps = p.get(STEPS);
        double target = p.get(EXCESS_TARGET), tolerance = p.get(TOLERANCE);
        List<Double> scan = scan(p);

        Dataset data = Preprocessing.standardize(Datasets.load(p.get(DATASET)));
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
        BudgetedDescent descent = new BudgetedDescent(start.layers(), loss, excess, quartic ? null : squared, steps, target);
        double initialExcess = excess.applyAsDouble(start.endToEnd());

        Search network = StepBisection.search(eta -> report(progress, "network", descent.network(eta)), scan, tolerance);
        Search dynamics = StepBisection.search(eta -> report(progress, "dynamics", descent.dynamics(eta)), scan, tolerance);
        List<Trial> dynamicsAtNetworkSteps = new ArrayList<>();
        for (Trial t : network.trials()) dynamicsAtNetworkSteps.add(reuse(dynamics.trials(), t.step(), descent::dynamics));
        Double dynamicsStep = dynamics.largestConverged();
        Trial networkAtDynamicsStep = dynamicsStep == null ? null : reuse(network.trials(), dynamicsStep, descent::network);

        StableStepResult result = new StableStepResult(StableStepResult.SCHEMA, p.asMap(), lossName, depth, seed, steps, target,
                optimalLoss, initialExcess, new StableStepResult.Stability(hessianMax, preconditionedMax, 2 / preconditionedMax),
                network, dynamics, dynamicsAtNetworkSteps, networkAtDynamicsStep);
        return ResultDocuments.write(result);
    }

    static List<Double> scan(Parameters p) {
        if (p.get(SCAN_LARGEST) < p.get(SCAN_SMALLEST))
            throw new ParameterException("scanLargest (" + p.get(SCAN_LARGEST) + ") must be at least scanSmallest (" + p.get(SCAN_SMALLEST) + ")");
        if (p.get(SCAN_RATIO) <= 1) throw new ParameterException("scanRatio must be more than 1, got " + p.get(SCAN_RATIO));
        return StepBisection.scan(p.get(SCAN_SMALLEST), p.get(SCAN_LARGEST), p.get(SCAN_RATIO));
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
