package org.optreport.model;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.optreport.linalg.SeededMatrices;

/** Seeded regression data Y = X A^T + noise for tests (the data package is separate). */
record SyntheticData(DMatrixRMaj x, DMatrixRMaj y) {

    static SyntheticData of(int samples, int inputs, int outputs, double noise, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = SeededMatrices.gaussian(samples, inputs, 1.0, random);
        DMatrixRMaj teacher = SeededMatrices.gaussian(outputs, inputs, 1.0, random);
        DMatrixRMaj y = new DMatrixRMaj(samples, outputs);
        CommonOps_DDRM.multTransB(x, teacher, y);
        DMatrixRMaj perturbation = SeededMatrices.gaussian(samples, outputs, noise, random);
        CommonOps_DDRM.addEquals(y, perturbation);
        return new SyntheticData(x, y);
    }

    SquaredLoss squaredLoss() {
        return SquaredLoss.of(x, y);
    }

    QuarticLoss quarticLoss() {
        return new QuarticLoss(x, y);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    static double relativeDifference(double[] a, double[] b) {
        double[] diff = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            diff[i] = a[i] - b[i];
        }
        return norm(diff) / Math.max(norm(b), 1e-300);
    }
}
