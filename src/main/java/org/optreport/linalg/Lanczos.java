package org.optreport.linalg;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Smallest and largest eigenvalue of a symmetric operator by thick-restart Lanczos.
 *
 * <p>Method: a Krylov basis of at most {@code basisSize} vectors is built from a seeded Gaussian start
 * vector. Every new vector is orthogonalised against the whole basis (classical Gram-Schmidt, repeated once
 * when the norm drops by more than a factor 0.7), so the projected matrix T = V^T A V is kept exactly
 * (Arnoldi-style coefficients, symmetrised) and no ghost eigenvalues appear. When the basis is full, the
 * {@code keepPerEnd} smallest and {@code keepPerEnd} largest Ritz vectors are kept, the last Lanczos
 * vector is appended, and the iteration continues (thick restart); T then starts as diag(kept Ritz values)
 * coupled to the appended vector. Both ends therefore share one Krylov space and one set of applications.
 *
 * <p>Convergence criterion and guarantee: after each application, the Ritz pairs (theta, y) at both ends
 * have residual norms ||A V y - theta V y|| = beta * |last component of y|. The run stops when both
 * residuals are at most {@code tolerance * rho}, rho = max(|theta_min|, |theta_max|) (the spectral-radius
 * estimate). For a symmetric operator an eigenvalue lies within the residual of each Ritz value (and within
 * residual^2 / gap when the Ritz value is separated by gap from the rest of the spectrum), and theta_min is
 * never below lambda_min nor theta_max above lambda_max. So with the default tolerance the reported values
 * are within 1e-9 * rho of eigenvalues of A, usually far closer. The usual Krylov caveat applies: an
 * eigenvalue whose eigenvector is (numerically) orthogonal to the start vector cannot be seen; a seeded
 * Gaussian start makes this a probability-zero event. An exact invariant subspace (breakdown, e.g. an
 * operator with few distinct eigenvalues such as a Hessian with a large exact null space) yields residual
 * 0 and exact Ritz values. A cluster of many eigenvalues at 0 costs little: within the cluster only the
 * component of the start vector along it is seen, which behaves as one eigenvalue.
 *
 * <p>Cost per application: one operator application plus 4-8 * (basis vectors) * n flops of
 * orthogonalisation and a dense eigen-decomposition of the at most basisSize x basisSize projected matrix.
 * Memory: (basisSize + 1 + 2 keepPerEnd) vectors of length n, allocated per call, so one instance may be
 * shared between threads.
 *
 * <p>Each run counts its own work for the benchmarks' flop count ({@link LanczosResult#vectorFlops}: every dot product,
 * update, norm and scaling of length-n vectors as it is made, so re-orthogonalisation passes and restarts are counted
 * as they happen; {@link LanczosResult#projectedCubes}: the sum of s^3 over the dense eigen-decompositions of the s x s
 * projected matrix, whose operation count is EJML's, not ours). Counting costs one addition per vector operation.
 */
public final class Lanczos {

    public static final int DEFAULT_BASIS_SIZE = 40;
    public static final int DEFAULT_KEEP_PER_END = 8;
    public static final double DEFAULT_TOLERANCE = 1e-9;
    public static final int DEFAULT_MAX_APPLICATIONS = 3000;
    /** DGKS criterion: orthogonalise once more if the norm fell below this fraction. */
    private static final double REORTHOGONALISE_BELOW = 0.7;

    private final int basisSize;
    private final int keepPerEnd;
    private final double tolerance;
    private final int maxApplications;

    public Lanczos() {
        this(DEFAULT_BASIS_SIZE, DEFAULT_KEEP_PER_END, DEFAULT_TOLERANCE, DEFAULT_MAX_APPLICATIONS);
    }

    public Lanczos(int basisSize, int keepPerEnd, double tolerance, int maxApplications) {
        if (basisSize < 3 || keepPerEnd < 1 || 2 * keepPerEnd >= basisSize - 1) {
            throw new IllegalArgumentException(
                    "need basisSize >= 3 and 1 <= 2 keepPerEnd < basisSize - 1, got " + basisSize + ", " + keepPerEnd);
        }
        if (!(tolerance > 0) || maxApplications < 1) {
            throw new IllegalArgumentException("tolerance and maxApplications must be positive");
        }
        this.basisSize = basisSize;
        this.keepPerEnd = keepPerEnd;
        this.tolerance = tolerance;
        this.maxApplications = maxApplications;
    }

    /** Both extremes with the default settings. */
    public static LanczosResult extremes(SymmetricOperator operator, long seed) {
        return new Lanczos().run(operator, seed);
    }

    public LanczosResult run(SymmetricOperator operator, long seed) {
        int n = operator.dimension();
        if (n < 1) {
            throw new IllegalArgumentException("operator dimension must be positive");
        }
        Random random = new Random(seed);
        int m = Math.min(basisSize, n);
        double[][] basis = new double[m + 1][];
        for (int i = 0; i <= m; i++) {
            basis[i] = new double[n];
        }
        double[][] projected = new double[m][m];
        double[] coefficients = new double[m];
        double[] w = new double[n];
        // only reached when m < n, where 2 keepPerEnd < m - 1 by the constructor's check
        double[][] spare = new double[m < n ? 2 * keepPerEnd : 0][n];

        Work work = new Work();
        randomUnitVector(random, basis[0], work);
        int kept = 0;
        int applications = 0;
        int restarts = 0;
        RitzEnds ends = null;
        while (true) {
            for (int j = kept; j < m; j++) {
                operator.apply(basis[j], w);
                applications++;
                double beta = orthogonalise(w, basis, j + 1, coefficients, work);
                for (int i = 0; i <= j; i++) {
                    projected[i][j] = coefficients[i];
                    projected[j][i] = coefficients[i];
                }
                ends = RitzEnds.of(projected, j + 1, beta);
                work.decomposed(j + 1);
                double scale = tolerance * ends.spectralRadius();
                boolean converged = ends.minResidual <= scale && ends.maxResidual <= scale;
                if (converged || j + 1 == n) {
                    return ends.result(applications, restarts, true, work);
                }
                if (applications >= maxApplications) {
                    return ends.result(applications, restarts, false, work);
                }
                if (beta > 0) {
                    scaleInto(w, 1.0 / beta, basis[j + 1]);
                    work.vectorFlops += n;
                } else {
                    // exact invariant subspace without convergence can only be rounding; continue elsewhere
                    randomUnitVector(random, basis[j + 1], work);
                    orthogonalise(basis[j + 1], basis, j + 1, coefficients, work);
                    normalise(basis[j + 1], work);
                }
            }
            kept = thickRestart(projected, basis, spare, m, work);
            restarts++;
        }
    }

    /**
     * Replaces the first vectors of the basis by the kept Ritz vectors (computed into the spare arrays),
     * moves the last Lanczos vector after them, and resets the projected matrix to the kept Ritz values.
     * The displaced arrays become the new spares, so restarts allocate no vectors. Returns how many Ritz
     * vectors were kept.
     */
    private int thickRestart(double[][] projected, double[][] basis, double[][] spare, int m, Work work) {
        EigenDecomposition_F64<DMatrixRMaj> eig = decompose(projected, m);
        work.decomposed(m);
        Integer[] order = ascendingOrder(eig, m);
        int keep = spare.length;
        int[] keptIndices = new int[keep];
        for (int i = 0; i < keep / 2; i++) {
            keptIndices[i] = order[i];
        }
        for (int i = keep / 2; i < keep; i++) {
            keptIndices[i] = order[m - keep + i];
        }
        int n = basis[0].length;
        double[] ritzValues = new double[keep];
        for (int r = 0; r < keep; r++) {
            DMatrixRMaj y = eig.getEigenVector(keptIndices[r]);
            ritzValues[r] = eig.getEigenvalue(keptIndices[r]).real;
            double[] target = spare[r];
            Arrays.fill(target, 0.0);
            for (int l = 0; l < m; l++) {
                axpy(y.data[l], basis[l], target);
            }
            work.vectorFlops += 2L * m * n;
        }
        double[][] old = basis.clone();
        for (int r = 0; r < keep; r++) {
            basis[r] = spare[r];
        }
        basis[keep] = old[m];
        for (int l = keep + 1; l <= m; l++) {
            basis[l] = old[l - keep - 1];
        }
        for (int r = 0; r < keep; r++) {
            spare[r] = old[m - keep + r];
        }
        for (double[] row : projected) {
            Arrays.fill(row, 0.0);
        }
        for (int r = 0; r < keep; r++) {
            projected[r][r] = ritzValues[r];
        }
        return keep;
    }

    /** w minus its projection on basis[0..count-1]; coefficients receives the projections, returns ||w||. */
    private static double orthogonalise(double[] w, double[][] basis, int count, double[] coefficients, Work work) {
        Arrays.fill(coefficients, 0, count, 0.0);
        double before = norm(w);
        double after = before;
        work.vectorFlops += 2L * w.length;
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < count; i++) {
                double h = dot(basis[i], w);
                coefficients[i] += h;
                axpy(-h, basis[i], w);
            }
            after = norm(w);
            // count dot products and updates of 2n flops each, the norm's 2n
            work.vectorFlops += (4L * count + 2) * w.length;
            if (after >= REORTHOGONALISE_BELOW * before) {
                break;
            }
            before = after;
        }
        return after;
    }

    /** Ritz values and residual norms at both ends of the projected matrix of the given size. */
    private record RitzEnds(double min, double max, double minResidual, double maxResidual) {

        static RitzEnds of(double[][] projected, int size, double beta) {
            EigenDecomposition_F64<DMatrixRMaj> eig = decompose(projected, size);
            int lo = 0;
            int hi = 0;
            for (int i = 1; i < size; i++) {
                double value = eig.getEigenvalue(i).real;
                if (value < eig.getEigenvalue(lo).real) {
                    lo = i;
                }
                if (value > eig.getEigenvalue(hi).real) {
                    hi = i;
                }
            }
            double minResidual = Math.abs(beta * eig.getEigenVector(lo).data[size - 1]);
            double maxResidual = Math.abs(beta * eig.getEigenVector(hi).data[size - 1]);
            return new RitzEnds(eig.getEigenvalue(lo).real, eig.getEigenvalue(hi).real, minResidual, maxResidual);
        }

        double spectralRadius() {
            return Math.max(Math.abs(min), Math.abs(max));
        }

        LanczosResult result(int applications, int restarts, boolean converged, Work work) {
            return new LanczosResult(min, max, minResidual, maxResidual, applications, restarts, converged, work.vectorFlops, work.projectedCubes);
        }
    }

    private static EigenDecomposition_F64<DMatrixRMaj> decompose(double[][] projected, int size) {
        DMatrixRMaj t = new DMatrixRMaj(size, size);
        for (int i = 0; i < size; i++) {
            System.arraycopy(projected[i], 0, t.data, i * size, size);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(t)) {
            throw new ArithmeticException("eigen-decomposition of the projected matrix failed");
        }
        return eig;
    }

    private static Integer[] ascendingOrder(EigenDecomposition_F64<DMatrixRMaj> eig, int size) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(a).real, eig.getEigenvalue(b).real));
        return order;
    }

    private static void randomUnitVector(Random random, double[] out, Work work) {
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextGaussian();
        }
        normalise(out, work);
    }

    /** The norm (2n flops) and the scaling (n). */
    private static void normalise(double[] v, Work work) {
        scaleInto(v, 1.0 / norm(v), v);
        work.vectorFlops += 3L * v.length;
    }

    /** One run's own work, for {@link LanczosResult#vectorFlops} and {@link LanczosResult#projectedCubes}. */
    private static final class Work {
        long vectorFlops;
        long projectedCubes;

        void decomposed(int size) {
            projectedCubes += (long) size * size * size;
        }
    }

    private static void scaleInto(double[] v, double factor, double[] out) {
        for (int i = 0; i < v.length; i++) {
            out[i] = factor * v[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
