package org.optreport.experiment;

import org.optreport.model.KernelDynamics;
import org.optreport.results.UltrawideResult.SpectralBands;

/**
 * The eigen-directions of H* grouped by their time scale 1/(eta lambda_i) under kernel gradient descent: fast (under
 * 10 steps), middle (10 to 100) and slow (over 100). Outputs are split along these groups here, beside the
 * eigendecomposition, so that the page reads energies instead of decomposing H* again.
 */
final class KernelBands {
    /** Lower edges of eta lambda_i of the fast and the middle group; the slow group takes the rest. */
    static final double[] EDGES = {0.1, 0.01};
    static final int GROUPS = 3;

    private final KernelDynamics eigenbasis;
    private final int[] groupOf;

    /** {@code eigenbasis}: H* with the targets y; its eigenvalues order the directions. */
    KernelBands(KernelDynamics eigenbasis, double learningRate) {
        this.eigenbasis = eigenbasis;
        double[] eigenvalues = eigenbasis.eigenvalues();
        groupOf = new int[eigenvalues.length];
        for (int i = 0; i < eigenvalues.length; i++) groupOf[i] = group(learningRate * eigenvalues[i]);
    }

    private static int group(double etaLambda) {
        return etaLambda >= EDGES[0] ? 0 : etaLambda >= EDGES[1] ? 1 : 2;
    }

    /** The groups' sizes and the energy of the target, given its projections on the eigenvectors. */
    SpectralBands describe(double[] targetProjections) {
        int[] directions = new int[GROUPS];
        for (int g : groupOf) directions[g]++;
        return new SpectralBands(EDGES.clone(), directions, energy(targetProjections));
    }

    /** 1/2 ||P (u - y)||^2 in each group: the loss of the outputs u split along the eigenvectors of H*. */
    double[] loss(double[] outputs) {
        double[] energy = energy(eigenbasis.projections(outputs));
        for (int g = 0; g < GROUPS; g++) energy[g] /= 2;
        return energy;
    }

    /** Squared projections summed within each group, in eigenvalue order. */
    private double[] energy(double[] projections) {
        double[] out = new double[GROUPS];
        for (int i = 0; i < projections.length; i++) out[groupOf[i]] += projections[i] * projections[i];
        return out;
    }
}
