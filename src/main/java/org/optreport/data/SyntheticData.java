package org.optreport.data;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Seeded teacher-student data for tests and for sizes no bundled dataset has: Gaussian inputs, targets from
 * a random teacher plus Gaussian noise. Draw order (documented so results are reproducible): inputs row by
 * row, then the teacher's parameters, then the noise row by row.
 */
public final class SyntheticData {
    private SyntheticData() {}

    /** y = A x + noise, A ~ N(0, 1/d0) entries (dOut x dIn). */
    public static Dataset linearTeacher(int samples, int inputDimension, int outputDimension, double noise, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = gaussian(samples, inputDimension, 1, random);
        DMatrixRMaj a = gaussian(outputDimension, inputDimension, 1 / Math.sqrt(inputDimension), random);
        DMatrixRMaj y = new DMatrixRMaj(samples, outputDimension);
        for (int i = 0; i < samples; i++)
            for (int k = 0; k < outputDimension; k++) {
                double s = 0;
                for (int j = 0; j < inputDimension; j++) s += a.get(k, j) * x.get(i, j);
                y.set(i, k, s);
            }
        addNoise(y, noise, random);
        return new Dataset("linear-teacher", names("x", inputDimension), names("y", outputDimension), x, y);
    }

    /** Scalar y = (1/sqrt(m)) sum_r a_r relu(w_r . x) + noise with w_r ~ N(0, I), a_r = +-1. */
    public static Dataset reluTeacher(int samples, int inputDimension, int teacherWidth, double noise, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = gaussian(samples, inputDimension, 1, random);
        DMatrixRMaj w = gaussian(teacherWidth, inputDimension, 1, random);
        double[] a = new double[teacherWidth];
        for (int r = 0; r < teacherWidth; r++) a[r] = random.nextBoolean() ? 1 : -1;
        DMatrixRMaj y = new DMatrixRMaj(samples, 1);
        for (int i = 0; i < samples; i++) {
            double s = 0;
            for (int r = 0; r < teacherWidth; r++) {
                double z = 0;
                for (int j = 0; j < inputDimension; j++) z += w.get(r, j) * x.get(i, j);
                s += a[r] * Math.max(z, 0);
            }
            y.set(i, 0, s / Math.sqrt(teacherWidth));
        }
        addNoise(y, noise, random);
        return new Dataset("relu-teacher", names("x", inputDimension), names("y", 1), x, y);
    }

    private static DMatrixRMaj gaussian(int rows, int cols, double scale, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = scale * random.nextGaussian();
        return m;
    }

    private static void addNoise(DMatrixRMaj y, double noise, Random random) {
        for (int i = 0; i < y.data.length; i++) y.data[i] += noise * random.nextGaussian();
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }
}
