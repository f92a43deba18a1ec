package org.optreport.data;

import org.ejml.data.DMatrixRMaj;

/** Transformations applied before training; each returns a new dataset and records itself in the name. */
public final class Preprocessing {
    private Preprocessing() {}

    /** The first {@code n} samples (the file's order, so the choice is reproducible and visible). */
    public static Dataset firstSamples(Dataset data, int n) {
        if (n < 1) throw new IllegalArgumentException("samples must be at least 1, got " + n);
        if (n > data.samples())
            throw new DataException(data.name() + ": " + n + " samples requested but the dataset has only " + data.samples());
        if (n == data.samples()) return data;
        DMatrixRMaj x = new DMatrixRMaj(n, data.inputDimension());
        DMatrixRMaj y = new DMatrixRMaj(n, data.outputDimension());
        System.arraycopy(data.x().data, 0, x.data, 0, x.data.length);
        System.arraycopy(data.y().data, 0, y.data, 0, y.data.length);
        return new Dataset(data.name(), data.inputColumns(), data.targetColumns(), x, y);
    }

    /** z-scores every input and target column (mean 0, population standard deviation 1). */
    public static Dataset standardize(Dataset data) {
        return new Dataset(data.name(), data.inputColumns(), data.targetColumns(),
                standardizeColumns(data.x(), data, true), standardizeColumns(data.y(), data, false));
    }

    /** Scales every input row to unit Euclidean norm (targets unchanged); a zero row is an error. */
    public static Dataset unitNormRows(Dataset data) {
        DMatrixRMaj x = data.x().copy();
        int d = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) s += x.data[i * d + j] * x.data[i * d + j];
            if (s == 0) throw new DataException(data.name() + ": sample " + (i + 1) + " has all-zero inputs and cannot be normalized");
            double inv = 1 / Math.sqrt(s);
            for (int j = 0; j < d; j++) x.data[i * d + j] *= inv;
        }
        return new Dataset(data.name(), data.inputColumns(), data.targetColumns(), x, data.y());
    }

    private static DMatrixRMaj standardizeColumns(DMatrixRMaj m, Dataset data, boolean inputs) {
        DMatrixRMaj out = m.copy();
        int n = m.numRows, d = m.numCols;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += m.data[i * d + j];
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double c = m.data[i * d + j] - mean;
                var += c * c;
            }
            double sd = Math.sqrt(var / n);
            String column = (inputs ? data.inputColumns() : data.targetColumns()).get(j);
            // values near the largest double overflow the sum or the squares; unchecked, every z-score becomes NaN
            // and the failure surfaces much later, deep in a linear solver, naming neither file nor column
            if (!Double.isFinite(mean) || !Double.isFinite(sd))
                throw DataException.at(data.name(), 0, column, "values too large to standardize: their mean or variance overflows"
                        + " a double (largest magnitude " + largestMagnitude(m, j) + "); rescale the column");
            if (!(sd > 0)) throw DataException.at(data.name(), 0, column, "column is constant and cannot be standardized");
            for (int i = 0; i < n; i++) out.data[i * d + j] = (m.data[i * d + j] - mean) / sd;
        }
        return out;
    }

    private static double largestMagnitude(DMatrixRMaj m, int column) {
        double largest = 0;
        for (int i = 0; i < m.numRows; i++) largest = Math.max(largest, Math.abs(m.data[i * m.numCols + column]));
        return largest;
    }
}
