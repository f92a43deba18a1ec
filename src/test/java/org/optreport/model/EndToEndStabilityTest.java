package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.data.Preprocessing;

/** The linearised stability limit against a closed form (l2) and against finite differences of the dynamics' own step (l4). */
class EndToEndStabilityTest {
    private static final Dataset DATA = Preprocessing.standardize(Datasets.load("diabetes"));

    /** Scalar output, l2: lambda_max(P_W Sxx) is ScalarOutputTheory's closed-form sharpness lambda_max(Sxx^1/2 P_W Sxx^1/2). */
    @Test void squaredLossLimitIsTheClosedFormSharpness() {
        SquaredLoss loss = SquaredLoss.of(DATA.x(), DATA.y());
        DMatrixRMaj optimum = loss.optimalWeights();
        DMatrixRMaj hessian = EndToEndStability.squaredLossHessian(loss.inputMoment(), 1);
        for (int depth = 1; depth <= 3; depth++) {
            double expected = 2 / ScalarOutputTheory.predictedSharpness(optimum, depth, loss.inputMoment());
            assertEquals(expected, EndToEndStability.stepLimit(optimum, depth, hessian), 1e-10 * expected, "N = " + depth);
        }
    }

    /** The l4 Hessian against central differences of the loss's gradient. */
    @Test void quarticHessianIsTheGradientsDerivative() {
        QuarticLoss loss = new QuarticLoss(DATA.x(), DATA.y());
        DMatrixRMaj w = new DMatrixRMaj(1, DATA.inputDimension());
        for (int i = 0; i < w.data.length; i++) w.data[i] = 0.1 * Math.sin(i + 1);
        DMatrixRMaj expected = jacobian(v -> { DMatrixRMaj g = new DMatrixRMaj(1, v.numCols); loss.gradient(v, g); return g; }, w, 1e-5);
        DMatrixRMaj h = EndToEndStability.quarticLossHessian(DATA.x(), DATA.y(), w);
        for (int i = 0; i < h.data.length; i++) assertEquals(expected.data[i], h.data[i], 1e-6, "entry " + i);
    }

    /**
     * At the l4 optimum the gradient vanishes, so the Jacobian of W -&gt; P_W(grad l(W)) is P_{W*} H: its largest eigenvalue
     * from central differences of {@link EndToEndDynamics#direction} (a general eigen-solve, no symmetry assumed).
     */
    @Test void quarticLimitIsThatOfTheDynamicsJacobian() {
        QuarticLoss loss = new QuarticLoss(DATA.x(), DATA.y());
        DMatrixRMaj optimum = quarticOptimum(loss);
        DMatrixRMaj hessian = EndToEndStability.quarticLossHessian(DATA.x(), DATA.y(), optimum);
        for (int depth = 1; depth <= 3; depth++) {
            EndToEndDynamics dynamics = new EndToEndDynamics(depth, 1, DATA.inputDimension());
            DMatrixRMaj j = jacobian(v -> { DMatrixRMaj d = new DMatrixRMaj(1, v.numCols); dynamics.direction(v, loss, d); return d; },
                    optimum, 1e-6);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(j.numRows, false, false);
            eig.decompose(j.copy());
            double largest = 0;
            for (int i = 0; i < j.numRows; i++) largest = Math.max(largest, eig.getEigenvalue(i).real);
            assertEquals(2 / largest, EndToEndStability.stepLimit(optimum, depth, hessian), 1e-4 * 2 / largest, "N = " + depth);
        }
    }

    /** Newton's method on the convex l4 loss, written out here (the experiment's own optimum is package-private). */
    private static DMatrixRMaj quarticOptimum(QuarticLoss loss) {
        DMatrixRMaj w = SquaredLoss.of(DATA.x(), DATA.y()).optimalWeights(), g = new DMatrixRMaj(1, w.numCols), step = new DMatrixRMaj(w.numCols, 1);
        for (int k = 0; k < 50; k++) {
            loss.gradient(w, g);
            DMatrixRMaj h = EndToEndStability.quarticLossHessian(DATA.x(), DATA.y(), w);
            CommonOps_DDRM.solve(h, CommonOps_DDRM.transpose(g, null), step);
            for (int i = 0; i < w.data.length; i++) w.data[i] -= step.data[i];
        }
        loss.gradient(w, g);
        for (double v : g.data) assertEquals(0, v, 1e-13, "the optimum's gradient");
        return w;
    }

    /** Central differences of a matrix-valued map, column k = d f / d w_k (row-major vec order). */
    private static DMatrixRMaj jacobian(java.util.function.Function<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj at, double h) {
        int n = at.getNumElements();
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            DMatrixRMaj plus = at.copy(), minus = at.copy();
            plus.data[k] += h;
            minus.data[k] -= h;
            DMatrixRMaj a = f.apply(plus), b = f.apply(minus);
            for (int i = 0; i < n; i++) j.set(i, k, (a.data[i] - b.data[i]) / (2 * h));
        }
        return j;
    }

    /** The preconditioner's matrix is the dynamics' direction applied to each unit matrix, bit for bit (the old way). */
    @Test void preconditionerIsTheDirectionOfEveryUnitMatrix() {
        for (int depth = 1; depth <= 4; depth++) {
            DMatrixRMaj w = org.optreport.linalg.SeededMatrices.gaussian(2, 4, 1.0, new java.util.Random(60 + depth));
            DMatrixRMaj unit = new DMatrixRMaj(2, 4), image = new DMatrixRMaj(2, 4), expected = new DMatrixRMaj(8, 8);
            EndToEndLoss constantGradient = new EndToEndLoss() {
                @Override public int inputDimension() { return 4; }
                @Override public int outputDimension() { return 2; }
                @Override public double value(DMatrixRMaj m) { throw new UnsupportedOperationException(); }
                @Override public void gradient(DMatrixRMaj m, DMatrixRMaj out) { out.setTo(unit); }
            };
            EndToEndDynamics dynamics = new EndToEndDynamics(depth, 2, 4);
            for (int k = 0; k < 8; k++) {
                unit.zero();
                unit.data[k] = 1;
                dynamics.direction(w, constantGradient, image);
                for (int i = 0; i < 8; i++) expected.set(i, k, image.data[i]);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected.data, EndToEndStability.preconditioner(w, depth).data, 0.0, "depth " + depth);
        }
    }

    /** The array loops sum in the order of the plain formula (3/n) sum_i r_ik^2 x_i x_i^T: the same bits. */
    @Test void quarticHessianIsThePlainFormulaBitForBit() {
        SyntheticData data = SyntheticData.of(25, 4, 2, 0.3, 65);
        DMatrixRMaj w = org.optreport.linalg.SeededMatrices.gaussian(2, 4, 1.0, new java.util.Random(66));
        DMatrixRMaj x = data.x(), y = data.y();
        int n = x.numRows, d = 4, outputs = 2;
        DMatrixRMaj residuals = new DMatrixRMaj(n, outputs);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(x, w, residuals);
        org.ejml.dense.row.CommonOps_DDRM.subtractEquals(residuals, y);
        DMatrixRMaj expected = new DMatrixRMaj(outputs * d, outputs * d);
        for (int k = 0; k < outputs; k++)
            for (int i = 0; i < n; i++) {
                double weight = 3 * residuals.get(i, k) * residuals.get(i, k) / n;
                for (int a = 0; a < d; a++)
                    for (int b = 0; b < d; b++) expected.add(k * d + a, k * d + b, weight * x.get(i, a) * x.get(i, b));
            }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.data, EndToEndStability.quarticLossHessian(x, y, w).data, 0.0);
    }
}
