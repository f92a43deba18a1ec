package org.optreport.experiment;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
    /** An eigenvalue counts as zero when its magnitude is at most this fraction of the largest one. */
    static final double RELATIVE_ZERO = 1e-6;
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
        double zeroAtEnd = RELATIVE_ZERO * largestMagnitude(atEnd);
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
        return new LandscapeResult.Structure(negative, zero, positive, origin[0], origin[origin.length - 1], rank, smallestNonzero,
                largestNull, up, down);
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

    static double sharpness(DeepLinearNetwork net, SquaredLoss loss) {
        double[] e = DenseEigen.eigenvalues(net.hessian(loss));
        return e[e.length - 1];
    }

    private static double largestMagnitude(double[] ascending) {
        return Math.max(Math.abs(ascending[0]), Math.abs(ascending[ascending.length - 1]));
    }
}
