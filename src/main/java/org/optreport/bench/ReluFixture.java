package org.optreport.bench;

import org.ejml.data.DMatrixRMaj;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.data.Preprocessing;
import org.optreport.data.SyntheticData;

/**
 * The ultra-wide experiment's data: the first n diabetes patients (d = 10), standardized, each input row scaled
 * to unit norm (the closed form of H* assumes it). Beyond the 442 patients a seeded ReLU teacher of the same
 * dimension stands in.
 */
final class ReluFixture {
    static final int DIMENSION = 10;

    final DMatrixRMaj x;
    final double[] y;

    ReluFixture(int samples) {
        Dataset diabetes = Datasets.load("diabetes");
        Dataset data = samples <= diabetes.samples()
                ? Preprocessing.firstSamples(diabetes, samples)
                : SyntheticData.reluTeacher(samples, DIMENSION, 100, 0.1, 1);
        data = Preprocessing.unitNormRows(Preprocessing.standardize(data));
        x = data.x();
        y = data.y().data.clone();
    }
}
