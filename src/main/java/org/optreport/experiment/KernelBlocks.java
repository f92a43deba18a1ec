package org.optreport.experiment;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.optreport.results.UltrawideResult.KernelBlock;

/**
 * The statistics of the infinite-width kernel H* that the ultra-wide page quotes, computed where H* is: the result then
 * carries a few numbers instead of the n x n matrix (1.4 MB of JSON at n = 256, the same in every run of a dataset),
 * which every rebuild of the report would otherwise read back 45 times.
 */
final class KernelBlocks {
    private KernelBlocks() {}

    /** The leading block over the first n/2 samples, then the whole matrix (n/2 against n shows how lambda_max grows). */
    static List<KernelBlock> of(DMatrixRMaj kernel) {
        int n = kernel.numRows;
        return List.of(block(kernel, n / 2), block(kernel, n));
    }

    /**
     * The leading k x k block: its largest eigenvalue, and the bounds that explain it. The Rayleigh quotient at the unit
     * vector 1/sqrt(k) is a lower bound, 1^T H* 1 / k = (k - 1) times the mean off-diagonal entry plus the mean diagonal
     * entry, which grows linearly in k when the mean off-diagonal entry is positive; the largest absolute row sum (the
     * infinity norm) is an upper bound on the spectral radius.
     */
    static KernelBlock block(DMatrixRMaj kernel, int k) {
        double total = 0, offDiagonal = 0, maxRowSum = 0;
        long negative = 0;
        for (int i = 0; i < k; i++) {
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                double h = kernel.unsafe_get(i, j);
                total += h;
                rowSum += Math.abs(h);
                if (i != j) {
                    offDiagonal += h;
                    if (h < 0) negative++;
                }
            }
            maxRowSum = Math.max(maxRowSum, rowSum);
        }
        double pairs = (double) k * (k - 1);
        return new KernelBlock(k, largestEigenvalue(kernel, k), maxRowSum, total / k, offDiagonal / pairs, negative / pairs);
    }

    /** The largest eigenvalue of the leading k x k block of a symmetric positive semi-definite matrix (power iteration). */
    static double largestEigenvalue(DMatrixRMaj psd, int k) {
        double[] v = new double[k], next = new double[k];
        Arrays.fill(v, 1 / Math.sqrt(k));
        double lambda = 0;
        for (int iteration = 0; iteration < 100_000; iteration++) {
            double norm = 0;
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) s += psd.unsafe_get(i, j) * v[j];
                next[i] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) return 0;
            double rayleigh = 0;
            for (int i = 0; i < k; i++) rayleigh += v[i] * next[i];
            for (int i = 0; i < k; i++) v[i] = next[i] / norm;
            if (Math.abs(rayleigh - lambda) <= 1e-14 * Math.abs(rayleigh)) return rayleigh;
            lambda = rayleigh;
        }
        throw new IllegalStateException("power iteration did not converge on the leading " + k + " x " + k + " block of H*");
    }
}
