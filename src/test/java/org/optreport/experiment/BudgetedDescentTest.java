package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.data.Preprocessing;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.EndToEndStability;
import org.optreport.model.SquaredLoss;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Trial;

/**
 * Depth 1 on l2 is linear: in the eigenbasis of Sxx the error's i-th coordinate is c_i (1 - eta lambda_i)^k, so the
 * excess loss (1/2) sum lambda_i c_i^2 (1 - eta lambda_i)^{2k} is known at every step in closed form. The classified
 * runs (network and dynamics) against the classification rule applied to it (arrival by the budget, a hold as long
 * again, still decreasing, contracting at the end), at steps that converge, that do not and that diverge.
 */
class BudgetedDescentTest {
    private static final Dataset DATA = Preprocessing.standardize(Datasets.load("diabetes"));
    private static final int STEPS = 3000;
    private static final double TARGET = 1e-6;

    @Test void depthOneOutcomesAreThoseOfTheClosedForm() {
        SquaredLoss loss = SquaredLoss.of(DATA.x(), DATA.y());
        LeastSquaresReference reference = new LeastSquaresReference(loss);
        DeepLinearNetwork start = DeepLinearNetwork.balanced(new int[] {DATA.inputDimension(), 1}, 1e-3, 3);
        DMatrixRMaj sxx = EndToEndStability.squaredLossHessian(loss.inputMoment(), 1);
        java.util.function.ToDoubleFunction<DMatrixRMaj> curvature =
                w -> EndToEndStability.largestEigenvalue(EndToEndStability.preconditioner(w, 1), sxx);
        BudgetedDescent descent = new BudgetedDescent(start.layers(), loss, reference::excess, loss, STEPS, TARGET, curvature, curvature);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(DATA.inputDimension(), true, true);
        eig.decompose(loss.inputMoment().copy());
        int d = DATA.inputDimension();
        double[] lambda = new double[d], c = new double[d];
        DMatrixRMaj w0 = start.endToEnd(), optimum = reference.optimum();
        double lambdaMax = 0;
        for (int i = 0; i < d; i++) {
            lambda[i] = eig.getEigenvalue(i).real;
            lambdaMax = Math.max(lambdaMax, lambda[i]);
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int a = 0; a < d; a++) c[i] += v.get(a) * (w0.get(0, a) - optimum.get(0, a));
        }
        double initialLoss = reference.optimalValue() + excess(lambda, c, 0, 0);
        int checked = 0;
        for (double fraction : new double[] {0.3, 0.6, 0.95, 0.999, 1.0005, 1.01, 1.2}) {
            double eta = fraction * 2 / lambdaMax;
            // the rule, applied to the closed form: arrive by STEPS, hold as long again (cap 2 STEPS), still decreasing,
            // and contracting at the last point (depth 1 on l2: eta lambda_max(Sxx) < 2 everywhere)
            int diverged = -1, settled = -1, end = -1;
            boolean held = false;
            for (int k = 0; k <= 2 * STEPS; k++) {
                end = k;
                double e = excess(lambda, c, eta, k);
                if (reference.optimalValue() + e > DivergenceGuard.GROWTH_LIMIT * initialLoss) {
                    diverged = k;
                    break;
                }
                if (e <= TARGET) {
                    if (settled < 0) settled = k;
                } else settled = -1;
                if (settled >= 0 && settled <= STEPS && k >= Math.max(2 * settled, settled + 1)) {
                    held = true;
                    break;
                }
            }
            String outcome;
            if (diverged >= 0) outcome = StableStepResult.DIVERGED;
            else if (held) {
                double last = excess(lambda, c, eta, end), halfway = excess(lambda, c, eta, settled + (end - settled) / 2);
                boolean decreasing = last <= halfway || last < BudgetedDescent.ROUNDING_FRACTION * TARGET;
                outcome = decreasing && eta * lambdaMax < 2 ? StableStepResult.CONVERGED : StableStepResult.UNDECIDED;
            } else outcome = settled >= 0 ? StableStepResult.UNDECIDED : StableStepResult.BOUNDED;
            for (Trial t : new Trial[] {descent.network(eta), descent.dynamics(eta)}) {
                assertEquals(outcome, t.outcome(), "eta = " + eta);
                if (outcome.equals(StableStepResult.CONVERGED)) assertEquals(settled, t.settledStep(), "eta = " + eta);
                if (outcome.equals(StableStepResult.DIVERGED)) assertEquals(diverged, t.divergedAtStep(), "eta = " + eta);
                else {
                    assertEquals(end, t.endStep(), "eta = " + eta);
                    double expected = excess(lambda, c, eta, end);
                    assertEquals(expected, t.finalExcess(), 1e-9 * Math.max(1, expected) + 1e-15, "eta = " + eta);
                }
            }
            checked |= 1 << (outcome.equals(StableStepResult.CONVERGED) ? 0 : outcome.equals(StableStepResult.DIVERGED) ? 2 : 1);
        }
        assertEquals(7, checked, "the step sizes cover all three outcomes");
    }

    private static double excess(double[] lambda, double[] c, double eta, int k) {
        double sum = 0;
        for (int i = 0; i < lambda.length; i++) sum += lambda[i] * c[i] * c[i] * Math.pow(1 - eta * lambda[i], 2 * k);
        return sum / 2;
    }
}
