package org.optreport.data;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A regression dataset: X is n x d0 (one row per sample), Y is n x dN, with the names of their columns.
 * Immutable by convention: transformations return new datasets.
 */
public record Dataset(String name, List<String> inputColumns, List<String> targetColumns, DMatrixRMaj x, DMatrixRMaj y) {
    public Dataset {
        inputColumns = List.copyOf(inputColumns);
        targetColumns = List.copyOf(targetColumns);
        if (x.numRows != y.numRows) throw new IllegalArgumentException(name + ": X has " + x.numRows + " rows, Y " + y.numRows);
        if (x.numCols != inputColumns.size() || y.numCols != targetColumns.size())
            throw new IllegalArgumentException(name + ": column names do not match the matrices");
    }

    public int samples() { return x.numRows; }
    public int inputDimension() { return x.numCols; }
    public int outputDimension() { return y.numCols; }

    /** Rows as arrays, the form result files record. */
    public double[][] xRows() { return rows(x); }
    public double[][] yRows() { return rows(y); }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++)
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        return out;
    }
}
