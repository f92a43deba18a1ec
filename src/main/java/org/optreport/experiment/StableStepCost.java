package org.optreport.experiment;

import org.optreport.data.Dataset;

/**
 * The cost of a {@link StableStepSearch} run: at most (scan + bisections) runs of the budget for the network, as many
 * for the dynamics' own search, as many again for the dynamics at the network's bisected steps, one network run at the dynamics' step and
 * both on the grid, each up to twice the budget (the hold), each step costing
 * about what a trajectory step costs ({@link TrajectoryCost}'s overheads, the l4 loss over every sample); an upper
 * bound, since diverging runs stop early.
 */
final class StableStepCost {
    private StableStepCost() {}

    static RunCost of(Parameters p) {
        int depth = p.get(StableStepSearch.DEPTH), width = p.get(StableStepSearch.WIDTH), steps = p.get(StableStepSearch.STEPS);
        Dataset data = StableStepSearch.DATA.load(p);
        NetworkWidths net = NetworkWidths.of(data.inputDimension(), data.outputDimension(), depth, width);
        int scanned = StableStepSearch.scan(p).size();
        int bisections = StepBisection.bisections(p.get(StableStepSearch.SCAN_RATIO), p.get(StableStepSearch.TOLERANCE));
        double runs = 2.0 * (scanned + bisections) + bisections + 1 + 2.0 * p.get(StableStepSearch.GRID_POINTS);
        double d0 = data.inputDimension(), dN = data.outputDimension(), n = data.samples();
        boolean quartic = p.get(StableStepSearch.LOSS).equals("l4");
        double lossFlops = quartic ? 6 * n * d0 * dN : 4 * dN * d0 * d0;
        double dynamicsFlops = TrajectoryCost.EIGEN_FLOPS_PER_CUBE * (d0 * d0 * d0 + dN * dN * dN) + depth * 2 * (d0 * d0 * d0 + dN * dN * dN);
        double perStep = 6 * net.parameters() + 3 * lossFlops + dynamicsFlops / 2
                + (quartic ? (d0 + 1) * dynamicsFlops / 2 + 3 * n * d0 * d0 * dN : 0); // l4: the sharpness along the run
        CostEstimate cost = new CostEstimate(p).dataset(data, "dataset");
        net.checkLayers(cost, "depth", "width");
        steps *= 2; // the cap: a run may hold the target for as many steps again as the budget
        cost.flops(CostEstimate.count(runs) + " runs of up to " + CostEstimate.count(steps) + " steps", runs * steps * perStep,
                CostEstimate.MATRIX_FLOPS_PER_SECOND, "steps", "depth", "loss");
        cost.seconds("the overhead of EJML calls on small matrices", runs * steps
                * (TrajectoryCost.STEP_OVERHEAD_SECONDS + depth * TrajectoryCost.LAYER_OVERHEAD_SECONDS), "steps", "depth");
        cost.resultNumbers("the trials", runs * 8, "scanRatio", "tolerance");
        return cost.cost();
    }
}
