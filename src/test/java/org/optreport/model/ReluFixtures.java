package org.optreport.model;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Seeded inputs and targets for the ReLU-network tests. */
final class ReluFixtures {
    private ReluFixtures() {
    }

    /** n rows of independent uniformly random unit vectors in R^d (normalized Gaussians). */
    static DMatrixRMaj unitRows(int n, int d, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double squared = 0.0;
            for (int j = 0; j < d; j++) {
                double v = random.nextGaussian();
                x.set(i, j, v);
                squared += v * v;
            }
            double norm = Math.sqrt(squared);
            for (int j = 0; j < d; j++) {
                x.set(i, j, x.get(i, j) / norm);
            }
        }
        return x;
    }

    static double[] gaussianVector(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextGaussian();
        }
        return y;
    }

    static double maxAbsDifference(double[] a, double[] b) {
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static double maxAbs(double[] a) {
        double max = 0.0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
