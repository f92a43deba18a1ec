package org.optreport.experiment;

import org.optreport.bench.DlnFlops;
import org.optreport.data.Dataset;
import org.optreport.linalg.Lanczos;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.ReducedHessian;

/**
 * The cost of a landscape run, read off {@link LandscapeExperiment#run}: gradient descent on a deep linear network,
 * and at every recorded step the extreme Hessian eigenvalues (a dense eigen-decomposition of the reduced Hessian up to
 * {@link DeepLinearNetwork#DENSE_EIGEN_LIMIT} parameters, Lanczos above) and the imbalance.
 */
final class LandscapeCost {
    /**
     * Hessian-vector products per Lanczos run: 46 to 127 measured on networks of 2,130 and 21,100 parameters at
     * several points of training, about 260 on one of 366,600 near its small initialization; Lanczos stops at
     * {@link Lanczos#DEFAULT_MAX_APPLICATIONS}.
     */
    static final int LANCZOS_APPLICATIONS = 150;
    /** Vectors Lanczos allocates: the basis and the next vector, the work vector, the spares for restarts. */
    static final int LANCZOS_VECTORS = Lanczos.DEFAULT_BASIS_SIZE + 2 + 2 * Lanczos.DEFAULT_KEEP_PER_END;
    /**
     * Orthogonalising a new vector against a basis of up to DEFAULT_BASIS_SIZE vectors, a dot product and an update
     * (4 flops per entry) per basis vector, usually twice: per application and parameter.
     */
    static final int ORTHOGONALISATION_FLOPS = 8 * Lanczos.DEFAULT_BASIS_SIZE;
    /**
     * Parameter-length arrays alive during the run: the layers, their workspaces, the gradient buffer, the
     * Hessian-vector direction, the initial weights, the last recorded weights, the recorder's gradient, the final copy.
     */
    static final int NETWORK_COPIES = 8;
    /** Matrices of the dense path: the Hessian, the copy the eigen-solver decomposes, the solver's work. */
    static final int DENSE_HESSIAN_COPIES = 3;
    /**
     * Flops of one layer's spectral norm (an SVD, values only) per entry times its larger side, a generous constant
     * for the small matrices of the dense path, where SegmentSmoothness takes it for every layer at every step.
     */
    static final int SPECTRAL_NORM_FLOPS = 20;
    /**
     * A reduced Hessian's extremes per k^3: (4/3) k^3 for the tridiagonal reduction, and a generous allowance for filling
     * its k^2 entries and forming the rotated factors, which weigh as much at the small k of the runs.
     */
    static final double REDUCED_FLOPS_PER_CUBE = 4;

    private LandscapeCost() {}

    static RunCost of(Parameters p) {
        int depth = p.get(LandscapeExperiment.DEPTH);
        int width = p.get(LandscapeExperiment.WIDTH);
        int steps = p.get(LandscapeExperiment.STEPS);
        int records = p.get(LandscapeExperiment.RECORDS);
        Dataset data = LandscapeExperiment.DATA.load(p);
        int used = p.get(LandscapeExperiment.SAMPLES).map(n -> Math.min(n, data.samples())).orElse(data.samples());
        NetworkWidths net = NetworkWidths.of(data.inputDimension(), data.outputDimension(), depth, width);
        double parameters = net.parameters();
        String count = CostEstimate.count(parameters);
        // the log-spaced floor plus every adaptive spectral record a run may add
        int recorded = SpectralSchedule.maxRecords(RecordingSchedule.logSpaced(steps, records).length,
                p.get(LandscapeExperiment.MAX_ADAPTIVE_RECORDS));

        CostEstimate cost = new CostEstimate(p).dataset(data, "dataset");
        net.checkLayers(cost, "depth", "width");
        net.checkInputMoments(cost, "dataset");
        cost.doubles("the network: " + NETWORK_COPIES + " arrays of its " + count + " parameters", parameters, 1, NETWORK_COPIES, "depth", "width");
        cost.flops(CostEstimate.count(steps) + " gradient steps of " + count + " parameters",
                steps * (DlnFlops.gradient(net.shape()) + 2 * parameters), CostEstimate.MATRIX_FLOPS_PER_SECOND, "steps", "depth", "width");
        if (parameters <= DeepLinearNetwork.DENSE_EIGEN_LIMIT) {
            cost.doubles("the dense Hessian of " + count + " x " + count + " entries and its eigen-decomposition", parameters, parameters,
                    DENSE_HESSIAN_COPIES, "depth", "width");
            // every record and HessianStructure's two rescalings per pair of adjacent layers: the reduced Hessian
            int reduced = ReducedHessian.dimension(net.widths());
            cost.flops((recorded + 2 * (depth - 1)) + " dense Hessian eigen-decompositions of " + CostEstimate.count(reduced) + " x "
                            + CostEstimate.count(reduced) + " (the Hessian on a subspace containing its range)",
                    (recorded + 2.0 * (depth - 1)) * REDUCED_FLOPS_PER_CUBE * Math.pow(reduced, 3), CostEstimate.MATRIX_FLOPS_PER_SECOND,
                    "records", "depth", "width");
            // HessianStructure: every eigenvalue at the origin and at the final weights
            cost.flops("2 full dense eigen-decompositions of " + count + " x " + count,
                    2.0 * DlnFlops.denseExtremes(net.shape()), CostEstimate.MATRIX_FLOPS_PER_SECOND, "depth", "width");
            cost.flops(CostEstimate.count(steps) + " steps of layer spectral norms", (double) steps * SPECTRAL_NORM_FLOPS * parameters
                    * Math.max(net.largestHidden(), data.inputDimension()), CostEstimate.MATRIX_FLOPS_PER_SECOND, "steps", "depth", "width");
        } else {
            cost.doubles("the Lanczos basis, " + LANCZOS_VECTORS + " vectors of the " + count + " parameters", parameters, 1, LANCZOS_VECTORS,
                    "depth", "width");
            cost.flops(recorded + " Lanczos runs of about " + LANCZOS_APPLICATIONS + " Hessian-vector products each on " + count + " parameters",
                    recorded * LANCZOS_APPLICATIONS * (DlnFlops.hessianVectorProduct(net.shape()) + ORTHOGONALISATION_FLOPS * parameters),
                    CostEstimate.MATRIX_FLOPS_PER_SECOND, "records", "depth", "width");
        }
        int hidden = net.largestHidden();
        cost.doubles("the imbalance's two Gram matrices of " + CostEstimate.count(hidden) + " x " + CostEstimate.count(hidden), hidden, hidden, 2, "width");
        cost.flops(recorded + " imbalances of " + (depth - 1) + " Gram-matrix pairs", recorded * net.imbalanceFlops(), CostEstimate.MATRIX_FLOPS_PER_SECOND,
                "records", "depth", "width");
        cost.resultNumbers("the initial and final weights", 2 * parameters, "depth", "width");
        cost.resultNumbers("the processed dataset", (double) used * (data.inputDimension() + data.outputDimension()), "dataset", "samples");
        return cost.cost();
    }
}
