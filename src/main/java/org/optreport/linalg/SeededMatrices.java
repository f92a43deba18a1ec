package org.optreport.linalg;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/** Random matrices drawn from a caller-supplied seeded generator, so every use is reproducible. */
public final class SeededMatrices {

    private SeededMatrices() {
    }

    /** Entries i.i.d. N(0, std^2). */
    public static DMatrixRMaj gaussian(int rows, int cols, double std, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * random.nextGaussian();
        }
        return m;
    }

    /** A rows x cols matrix with orthonormal columns (cols &lt;= rows), from the QR of a Gaussian matrix. */
    public static DMatrixRMaj orthonormalColumns(int rows, int cols, Random random) {
        if (cols > rows) {
            throw new IllegalArgumentException("need cols <= rows, got " + rows + " x " + cols);
        }
        DMatrixRMaj g = gaussian(rows, cols, 1.0, random);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(g)) {
            throw new ArithmeticException("QR decomposition failed");
        }
        return qr.getQ(null, true);
    }
}
