package org.optreport.report.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatePhaseRateTest {
    private static double[][] randomInputs(Random random, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = random.nextGaussian() * (j + 1) / d;
        return x;
    }

    /**
     * A second algorithm: iterate the linearised update e <- e - eta (e C) P itself, with C from the samples and P
     * written out, and read the slowest mode's contraction off the iterates (power iteration on I - eta C P).
     */
    @Test void theSmallestEigenvalueIsTheContractionOfTheLinearisedUpdate() {
        Random random = new Random(7);
        int d = 4;
        double[][] x = randomInputs(random, 50, d);
        double[] optimum = {0.3, -0.5, 0.2, 0.7};
        InputCovariance c = InputCovariance.of(x);
        double eta = 0.05;
        for (int depth = 1; depth <= 3; depth++) {
            double[][] cov = new double[d][d];
            for (double[] row : x) for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cov[i][j] += row[i] * row[j] / x.length;
            double norm = Math.sqrt(0.09 + 0.25 + 0.04 + 0.49), a = Math.pow(norm, 2.0 * (depth - 1) / depth);
            double[][] p = new double[d][d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) p[i][j] = a * ((i == j ? 1 : 0) + (depth - 1) * optimum[i] * optimum[j] / (norm * norm));
            double[] e = {1, 1, 1, 1};
            double ratio = 0;
            for (int k = 0; k < 20_000; k++) {
                double[] ec = new double[d], next = new double[d];
                for (int j = 0; j < d; j++) for (int i = 0; i < d; i++) ec[j] += e[i] * cov[i][j];
                for (int j = 0; j < d; j++) {
                    double step = 0;
                    for (int i = 0; i < d; i++) step += ec[i] * p[i][j];
                    next[j] = e[j] - eta * step;
                }
                double before = Math.sqrt(dot(e, e)), after = Math.sqrt(dot(next, next));
                ratio = after / before;
                for (int j = 0; j < d; j++) e[j] = next[j] / after; // renormalised: only the direction matters
            }
            double lambda = LatePhaseRate.smallestEigenvalue(c, optimum, depth);
            assertEquals(1 - ratio, eta * lambda, 1e-9 * eta * lambda + 1e-12, "depth " + depth);
        }
    }

    @Test void depthOneIsTheSmallestEigenvalueOfTheCovariance() {
        double[][] x = randomInputs(new Random(3), 40, 3);
        InputCovariance c = InputCovariance.of(x);
        assertEquals(c.smallest(), LatePhaseRate.smallestEigenvalue(c, new double[] {1, 2, 3}, 1), 1e-12);
    }

    @Test void decadesPerThousandStepsCountTheSquaredContraction() {
        // (1 - 0.01)^(2 * 1000) = 10^(-2000 log10(0.99))
        assertEquals(-2000 * Math.log10(0.99), LatePhaseRate.decadesPerThousandSteps(0.1, 0.1), 1e-12);
        assertEquals(8.73, LatePhaseRate.decadesPerThousandSteps(0.1, 0.1), 0.01);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
