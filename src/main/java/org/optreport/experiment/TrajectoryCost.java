package org.optreport.experiment;

import java.util.Optional;
import org.optreport.bench.DlnFlops;
import org.optreport.data.Dataset;

/**
 * The cost of a trajectory run, read off {@link TrajectoryExperiment#run}: at every step a gradient step of the
 * network, its loss, a step of the end-to-end dynamics (fractional powers of the d_N x d_N and d_0 x d_0 Gram
 * matrices of the end-to-end matrix), the two excess losses, the distance and the traces
 * ({@link TrajectoryScalars}); at every recorded step the imbalance.
 */
final class TrajectoryCost {
    /** Parameter-length arrays alive during the run: the layers, their workspaces, the gradient buffer, the initial and final copies. */
    static final int NETWORK_COPIES = 5;
    /**
     * Seconds per step beyond the flops, and per layer: the end-to-end dynamics allocates two eigen-decompositions
     * per step and the network makes several EJML calls per layer on matrices of a few entries, where the calls'
     * overhead, not arithmetic, costs the time (a depth-4 step on diabetes took 52 us against 36 us of flops).
     */
    static final double STEP_OVERHEAD_SECONDS = 5e-6, LAYER_OVERHEAD_SECONDS = 3e-6;
    /** A symmetric eigen-decomposition with eigenvectors of a k x k matrix takes about this many k^3 flops. */
    static final double EIGEN_FLOPS_PER_CUBE = 9;
    /** Every-step traces: networkLoss, dynamicsLoss, distance, networkExcess, dynamicsExcess (TrajectoryScalars). */
    static final int TRACES = 5;
    /**
     * A StepTrace of B buckets holds at most 4 B + 1 slots (a short run keeps every step in a slot of its own), each of
     * 4 steps, 4 values and a flag (9 numbers), and writes at most 4 (B + 1) points of 2 numbers.
     */
    static final int TRACE_NUMBERS_PER_SLOT = 9, TRACE_RESULT_NUMBERS_PER_BUCKET = 8;

    private TrajectoryCost() {}

    static RunCost of(Parameters p) {
        int depth = p.get(TrajectoryExperiment.DEPTH);
        int width = p.get(TrajectoryExperiment.WIDTH);
        int steps = p.get(TrajectoryExperiment.STEPS);
        int records = p.get(TrajectoryExperiment.RECORDS);
        int buckets = p.get(TrajectoryExperiment.BUCKETS);
        boolean quartic = p.get(TrajectoryExperiment.LOSS).equals("l4");
        Optional<Integer> samples = p.get(TrajectoryExperiment.SAMPLES);
        Dataset data = TrajectoryExperiment.DATA.load(p);
        double n = samples.map(given -> Math.min(given, data.samples())).orElse(data.samples());
        double d0 = data.inputDimension(), dN = data.outputDimension();
        NetworkWidths net = NetworkWidths.of(data.inputDimension(), data.outputDimension(), depth, width);
        double parameters = net.parameters();
        String count = CostEstimate.count(parameters);
        int recorded = RecordingSchedule.logSpaced(steps, records).length;

        // l2 works on the moments (d0 x d0); l4 needs every sample for each loss value and gradient
        double lossValue = quartic ? 2 * n * d0 * dN + 4 * n * dN : 2 * dN * d0 * d0 + 3 * dN * d0;
        double extraLossGradient = quartic ? 4 * n * d0 * dN + n * dN : 0; // DlnFlops counts the l2 gradient already
        double dynamics = depth == 1 ? 2 * dN * d0 * d0
                : EIGEN_FLOPS_PER_CUBE * (d0 * d0 * d0 + dN * dN * dN) + 2 * dN * d0 * (dN + d0)
                  + depth * (2 * (d0 * d0 * d0 + dN * dN * dN) + 2 * dN * d0 * (dN + d0) + dN * d0);
        // l2's excess loss costs as much as its loss value; l4's is a subtraction. Then the distance and the copy.
        double excess = quartic ? 2 : 2 * (2 * dN * d0 * d0 + 3 * dN * d0);
        double perStep = DlnFlops.gradient(net.shape()) + 2 * parameters + DlnFlops.products(net.shape()) + dynamics
                + 2 * lossValue + 2 * extraLossGradient + excess + 4 * dN * d0;

        CostEstimate cost = new CostEstimate(p).dataset(data, "dataset");
        net.checkLayers(cost, "depth", "width");
        net.checkInputMoments(cost, "dataset");
        cost.doubles("the network: " + NETWORK_COPIES + " arrays of its " + count + " parameters", parameters, 1, NETWORK_COPIES, "depth", "width");
        cost.flops(CostEstimate.count(steps) + " steps of a network of " + count + " parameters and of the end-to-end dynamics",
                steps * perStep, CostEstimate.MATRIX_FLOPS_PER_SECOND, "steps", "depth", "width");
        cost.seconds("the overhead of " + CostEstimate.count(steps) + " steps of EJML calls on small matrices",
                steps * (STEP_OVERHEAD_SECONDS + depth * LAYER_OVERHEAD_SECONDS), "steps", "depth");
        // StepTrace.add is a few comparisons, well inside the per-step overhead above: only the traces' arrays are counted
        cost.doubles("the " + TRACES + " every-step traces of " + CostEstimate.count(buckets) + " buckets", 4.0 * buckets + 1,
                TRACE_NUMBERS_PER_SLOT, TRACES, "buckets");
        int hidden = net.largestHidden();
        cost.doubles("the imbalance's two Gram matrices of " + CostEstimate.count(hidden) + " x " + CostEstimate.count(hidden), hidden, hidden, 2, "width");
        cost.flops(recorded + " imbalances of " + (depth - 1) + " Gram-matrix pairs", recorded * net.imbalanceFlops(), CostEstimate.MATRIX_FLOPS_PER_SECOND,
                "records", "depth", "width");
        if (quartic)
            cost.flops("the l4 optimum: up to " + QuarticOptimum.MAX_ITERATIONS + " Newton steps per output over the samples",
                    QuarticOptimum.MAX_ITERATIONS * dN * (6 * n * d0 * d0 + 20 * lossValue), CostEstimate.MATRIX_FLOPS_PER_SECOND, "loss", "dataset", "samples");
        cost.resultNumbers("the initial and final weights", 2 * parameters, "depth", "width");
        cost.resultNumbers("the recorded end-to-end matrices", recorded * (2 * dN * d0 + 5), "records");
        cost.resultNumbers("the every-step traces", TRACES * (buckets + 1.0) * TRACE_RESULT_NUMBERS_PER_BUCKET, "buckets");
        cost.resultNumbers("the processed dataset", n * (d0 + dN), "dataset", "samples");
        return cost.cost();
    }
}
