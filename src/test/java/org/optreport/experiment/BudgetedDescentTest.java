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
import org.optreport.model.SquaredLoss;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Trial;

/**
 * Depth 1 on l2 is linear: in the eigenbasis of Sxx the error's i-th coordinate is c_i (1 - eta lambda_i)^k, so the
 * excess loss (1/2) sum lambda_i c_i^2 (1 - eta lambda_i)^{2k} is known at every step in closed form. The classified
 * runs (network and dynamics) against it, at steps that converge, that stay bounded and that diverge.
 */
class BudgetedDescentTest {
    private static final Dataset DATA = Preprocessing.standardize(Datasets.load("diabetes"));
    private static final int STEPS = 3000;
    private static final double TARGET = 1e-6;

    @Test void depthOneOutcomesAreThoseOfTheClosedForm() {
        SquaredLoss loss = SquaredLoss.of(DATA.x(), DATA.y());
        LeastSquaresReference reference = new LeastSquaresReference(loss);
        DeepLinearNetwork start = DeepLinearNetwork.balanced(new int[] {DATA.inputDimension(), 1}, 1e-3, 3);
        BudgetedDescent descent = new BudgetedDescent(start.layers(), loss, reference::excess, loss, STEPS, TARGET);
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
            String outcome = StableStepResult.BOUNDED;
            int lastAbove = -1, diverged = -1;
            for (int k = 0; k <= STEPS; k++) {
                double e = excess(lambda, c, eta, k);
                if (reference.optimalValue() + e > DivergenceGuard.GROWTH_LIMIT * initialLoss) {
                    diverged = k;
                    break;
                }
                if (e > TARGET) lastAbove = k;
            }
            if (diverged >= 0) outcome = StableStepResult.DIVERGED;
            else if (lastAbove < STEPS) outcome = StableStepResult.CONVERGED;
            for (Trial t : new Trial[] {descent.network(eta), descent.dynamics(eta)}) {
                assertEquals(outcome, t.outcome(), "eta = " + eta);
                if (outcome.equals(StableStepResult.CONVERGED)) assertEquals(lastAbove + 1, t.settledStep(), "eta = " + eta);
                if (outcome.equals(StableStepResult.DIVERGED)) assertEquals(diverged, t.divergedAtStep(), "eta = " + eta);
                if (!outcome.equals(StableStepResult.DIVERGED))
                    assertEquals(excess(lambda, c, eta, STEPS), t.finalExcess(), 1e-9 * Math.max(1, t.finalExcess()) + 1e-15, "eta = " + eta);
            }
            checked |= 1 << (outcome.equals(StableStepResult.CONVERGED) ? 0 : outcome.equals(StableStepResult.BOUNDED) ? 1 : 2);
        }
        assertEquals(7, checked, "the step sizes cover all three outcomes");
    }

    private static double excess(double[] lambda, double[] c, double eta, int k) {
        double sum = 0;
        for (int i = 0; i < lambda.length; i++) sum += lambda[i] * c[i] * c[i] * Math.pow(1 - eta * lambda[i], 2 * k);
        return sum / 2;
    }
}
