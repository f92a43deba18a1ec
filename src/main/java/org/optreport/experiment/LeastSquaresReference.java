package org.optreport.experiment;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.optreport.linalg.DenseEigen;
import org.optreport.linalg.SpectrumExtremes;
import org.optreport.model.SquaredLoss;
import org.optreport.results.LandscapeResult;

/**
 * What theory says about a linear model on the same data, the reference every deep linear network is measured
 * against: the least-squares optimum W* and its value L*, the spectrum of Sxx (which sets the learning rate) and
 * the excess loss L(W) - L* in a form free of cancellation.
 */
final class LeastSquaresReference {
    private final SquaredLoss loss;
    private final DMatrixRMaj optimum;
    private final double optimalValue;
    private final SpectrumExtremes inputSpectrum;
    private final DMatrixRMaj difference;
    private final DMatrixRMaj product;

    LeastSquaresReference(SquaredLoss loss) {
        this.loss = loss;
        this.optimum = loss.optimalWeights();
        this.optimalValue = loss.optimalValue();
        this.inputSpectrum = DenseEigen.extremes(loss.inputMoment());
        this.difference = new DMatrixRMaj(optimum.numRows, optimum.numCols);
        this.product = new DMatrixRMaj(optimum.numRows, optimum.numCols);
    }

    double optimalValue() { return optimalValue; }

    DMatrixRMaj optimum() { return optimum; }

    double inputMomentMax() { return inputSpectrum.max(); }

    double inputMomentMin() { return inputSpectrum.min(); }

    /**
     * L(W) - L* = (1/2) tr((W - W*) Sxx (W - W*)^T), exact because Syx = W* Sxx (the rows of Syx lie in the row
     * space of X). Subtracting two losses near L* would lose every digit below 1e-16 L*; this form keeps them,
     * so the excess loss can be followed over many decades.
     */
    double excess(DMatrixRMaj endToEnd) {
        CommonOps_DDRM.subtract(endToEnd, optimum, difference);
        CommonOps_DDRM.mult(difference, loss.inputMoment(), product);
        double sum = 0;
        for (int i = 0; i < product.data.length; i++) sum += product.data[i] * difference.data[i];
        return Math.max(0, 0.5 * sum);
    }

    /**
     * sigma_max(grad l(0)) = sigma_max(Syx): at the origin a depth-2 network's Hessian has eigenvalues
     * +-sigma_i(grad l(0)), so minus this is its smallest eigenvalue there (the saddle's steepest descent).
     */
    double saddleCurvature() {
        double[] s = SingularOps_DDRM.singularValues(loss.crossMoment().copy());
        double max = 0;
        for (double v : s) max = Math.max(max, v);
        return max;
    }

    /** The reference as a landscape result records it. */
    LandscapeResult.LeastSquares toRecord() {
        return new LandscapeResult.LeastSquares(optimalValue, optimum.get2DData(), inputMomentMax(), inputMomentMin(), saddleCurvature());
    }
}
