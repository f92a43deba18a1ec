package org.optreport.bench;

import org.optreport.linalg.Lanczos;
import org.optreport.linalg.LanczosResult;

/**
 * Operation and compulsory-byte counts of the two spectral kernels, built on {@link DlnFlops}: both extreme Hessian
 * eigenvalues by Lanczos, and a whole landscape run with its spectral records. What the code performs is counted by
 * the code where it can be ({@code model.KernelOperationCountTest} checks the network's share against its own count,
 * Lanczos counts its vector work as it runs); the dense eigen-solves run inside EJML, which counts nothing, so they
 * take Golub and Van Loan's operation counts for the symmetric QR algorithm (Matrix Computations, 4th ed., section
 * 8.3): Householder tridiagonalization 4k^3/3, implicit QR steps of about 30 m flops on an unreduced block of size m,
 * about two per eigenvalue (30 k^2 in all), and about 9 k^3 in all when the eigenvectors are accumulated too.
 */
public final class SpectralFlops {
    /** Golub and Van Loan's count of the symmetric QR algorithm with eigenvectors, per k^3. */
    static final double EIGENSYSTEM_PER_CUBE = 9;

    private SpectralFlops() {}

    /** The eigenvalues alone of a dense symmetric k x k matrix (the reduced Hessian's solve): 4k^3/3 + 30k^2. */
    public static double symmetricEigenvalues(int k) {
        return 4.0 / 3.0 * k * (double) k * k + 30.0 * k * k;
    }

    /**
     * {@code linalg.OrthogonalCompletion} of an m x n matrix, every column nonzero: per reflector k &lt; min(m, n) on the
     * l = m - k trailing entries, the scaled vector and its norm (3l + 1), beta (2l + 1) and its reflection of the
     * remaining columns (4l + 1 each); then Q, each reflector applied to the m columns of the identity (4l + 1 each).
     */
    public static double completion(int m, int n) {
        double f = 0;
        for (int k = 0; k < Math.min(m, n); k++) {
            double l = m - k;
            f += 3 * l + 1 + 2 * l + 1 + (n - 1 - k) * (4 * l + 1) + m * (4 * l + 1);
        }
        return f;
    }

    /**
     * One spectral record of the landscape runs (the dense path, up to the dense limit): the reduced Hessian
     * ({@link DlnFlops#reducedHessian}), its 2N orthogonal completions (A_j^T: d_j x dN; K_j^T: d_{j-1} x dN) and the
     * eigenvalues of the k x k matrix.
     */
    public static double spectralRecord(DlnShape s) {
        int n = s.depth(), dN = s.d(n);
        double f = DlnFlops.reducedHessian(s) + symmetricEigenvalues(DlnFlops.reducedDimension(s));
        for (int j = 1; j <= n; j++) f += completion(s.d(j), dN) + completion(s.d(j - 1), dN);
        return f;
    }

    /**
     * A run of {@code steps} gradient steps with a spectral record at every {@code recordEvery}-th step from 0 to
     * {@code steps}: the steps ({@link DlnFlops#gradientStep}), less the prefix and suffix products of each step that
     * follows a record at the same weights, plus the records.
     */
    public static double landscapeRun(DlnShape s, int steps, int recordEvery) {
        int records = steps / recordEvery + 1;
        int followedByStep = (steps - 1) / recordEvery + 1;
        return steps * DlnFlops.gradientStep(s) - followedByStep * DlnFlops.prefixAndSuffix(s) + records * spectralRecord(s);
    }

    /**
     * Compulsory traffic of a landscape run: the weights and the gradient (as one gradient's), and one k x k reduced
     * Hessian written; the run's other numbers are O(d^2) and reused from step to step.
     */
    public static double landscapeRunBytes(DlnShape s) {
        double k = DlnFlops.reducedDimension(s);
        return DlnFlops.gradientBytes(s) + DlnFlops.WORD * k * k;
    }

    /**
     * Lanczos with the default settings on the Hessian operator: the operator's set-up ({@link DlnFlops#products}, once),
     * each application a Hessian-vector product at those products, the run's own vector work as it counted it, and
     * 9 s^3 for each eigen-decomposition of the s x s projected matrix (with vectors).
     */
    public static double lanczosExtremes(DlnShape s, LanczosResult run) {
        return hessianOperator(s, run.applications()) + run.vectorFlops() + EIGENSYSTEM_PER_CUBE * run.projectedCubes();
    }

    /** The Hessian operator's share of a Lanczos run: its set-up and {@code applications} products at fixed weights. */
    public static double hessianOperator(DlnShape s, int applications) {
        double products = DlnFlops.products(s);
        return products + applications * (DlnFlops.hessianVectorProduct(s) - products);
    }

    /**
     * Compulsory traffic: the weights and moments read, and the run's vectors of length p written at least once (the
     * basis and its next vector, the operator's output, and the restart's spare vectors when the basis can fill).
     */
    public static double lanczosExtremesBytes(DlnShape s) {
        double p = s.parameterCount();
        int basis = (int) Math.min(Lanczos.DEFAULT_BASIS_SIZE, p);
        double vectors = basis + 2 + (p > Lanczos.DEFAULT_BASIS_SIZE ? 2 * Lanczos.DEFAULT_KEEP_PER_END : 0);
        return DlnFlops.WORD * (p + DlnFlops.moments(s) + vectors * p);
    }
}
