package org.optreport.experiment;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.optreport.linalg.DenseEigen;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;
import org.optreport.results.LandscapeResult;

/**
 * The structure of the full Hessian the Part 2 page states and shows computed: the inertia (negative, zero and positive
 * eigenvalues) at the origin, the rank at the reached minimum, and the sharpness after rescaling two adjacent layers
 * by 2 and 1/2 (a point of the same set of minima). Dense eigenvalues only: used for networks whose Hessian fits
 * {@link DeepLinearNetwork#DENSE_EIGEN_LIMIT}.
 */
final class HessianStructure {
    /** At the origin an eigenvalue counts as zero when its magnitude is at most this fraction of the largest one. */
    static final double RELATIVE_ZERO = 1e-6;
    /** Rounding: at the final weights nothing below this fraction of the largest eigenvalue counts as nonzero. */
    static final double ROUNDING = 1e-9;
    /** The rescaling A = a I of one layer (and 1/a of the next) whose sharpness is recorded, both ways. */
    static final double RESCALING = 2;

    private HessianStructure() {}

    /** Null when the network is too large for dense eigenvalues. */
    static LandscapeResult.Structure of(DeepLinearNetwork reached, SquaredLoss loss) {
        if (reached.parameterCount() > DeepLinearNetwork.DENSE_EIGEN_LIMIT) return null;
        double[] origin = DenseEigen.eigenvalues(zeroLike(reached).hessian(loss));
        double[] atEnd = DenseEigen.eigenvalues(reached.hessian(loss));
        double zeroAtOrigin = RELATIVE_ZERO * Math.max(largestMagnitude(origin), 1e-300);
        int negative = 0, zero = 0, positive = 0;
        for (double e : origin) {
            if (Math.abs(e) <= zeroAtOrigin) zero++;
            else if (e < 0) negative++;
            else positive++;
        }
        double zeroAtEnd = finalZeroCut(reached, loss, largestMagnitude(atEnd));
        int rank = 0;
        double smallestNonzero = Double.POSITIVE_INFINITY, largestNull = 0;
        for (double e : atEnd) {
            if (Math.abs(e) > zeroAtEnd) {
                rank++;
                smallestNonzero = Math.min(smallestNonzero, Math.abs(e));
            } else {
                largestNull = Math.max(largestNull, Math.abs(e));
            }
        }
        int pairs = reached.depth() - 1;
        double[] up = new double[pairs], down = new double[pairs];
        for (int j = 1; j <= pairs; j++) {
            up[j - 1] = sharpness(rescaled(reached, j, RESCALING), loss);
            down[j - 1] = sharpness(rescaled(reached, j, 1 / RESCALING), loss);
        }
        return new LandscapeResult.Structure(negative, zero, positive, origin[0], origin[origin.length - 1], zeroAtEnd, rank,
                smallestNonzero, largestNull, up, down);
    }

    /**
     * Near a minimum the Hessian is the positive semidefinite J^T Sigma J, of rank at most d0 dN, plus the term
     * <grad l(W), D2> of norm at most (N - 1) R^{N-2} ||grad l(W)||_F (R the largest layer norm; the page's
     * eq. local-beta). By Weyl's inequality every eigenvalue of J^T Sigma J that is zero lies within that bound, so it
     * is the cut between "zero" and "nonzero" (never below rounding).
     */
    static double finalZeroCut(DeepLinearNetwork net, SquaredLoss loss, double largest) {
        DMatrixRMaj endToEnd = net.endToEnd();
        DMatrixRMaj gradient = new DMatrixRMaj(endToEnd.numRows, endToEnd.numCols);
        loss.gradient(endToEnd, gradient);
        int depth = net.depth();
        double r = SegmentSmoothness.largestLayerNorm(net.layers());
        double secondTerm = depth < 2 ? 0 : (depth - 1) * Math.pow(r, depth - 2) * NormOps_DDRM.normF(gradient);
        return Math.max(ROUNDING * largest, secondTerm);
    }

    /** The network with every weight zero, of the same shape. */
    static DeepLinearNetwork zeroLike(DeepLinearNetwork net) {
        List<DMatrixRMaj> zeros = new ArrayList<>();
        for (DMatrixRMaj w : net.layers()) zeros.add(new DMatrixRMaj(w.numRows, w.numCols));
        return new DeepLinearNetwork(zeros);
    }

    /** (W_j, W_{j+1}) -> (a W_j, W_{j+1} / a): the same end-to-end matrix, so the same loss. */
    static DeepLinearNetwork rescaled(DeepLinearNetwork net, int j, double a) {
        List<DMatrixRMaj> layers = net.layers();
        CommonOps_DDRM.scale(a, layers.get(j - 1));
        CommonOps_DDRM.scale(1 / a, layers.get(j));
        return new DeepLinearNetwork(layers);
    }

    /** The largest eigenvalue, exact (the rescaled networks have the reached one's size, within the dense limit). */
    static double sharpness(DeepLinearNetwork net, SquaredLoss loss) {
        return net.hessianExtremes(loss).max();
    }

    private static double largestMagnitude(double[] ascending) {
        return Math.max(Math.abs(ascending[0]), Math.abs(ascending[ascending.length - 1]));
    }
}
