package org.optreport.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gradient descent in the kernel regime: {@code u_{k+1} = u_k - eta H (u_k - y)} for a fixed symmetric
 * kernel H (typically {@link NeuralTangentKernel#infiniteWidth}), started at the network's initial outputs.
 * With {@code H = Q diag(lambda) Q^T} the residual has the closed form
 * {@code u_k - y = Q diag((1 - eta lambda_i)^k) Q^T (u_0 - y)}; the decomposition is computed once.
 *
 * <p>Eigenpairs are sorted by decreasing eigenvalue: index 0 is lambda_max, eigenvector i is column i of
 * {@link #eigenvectors()}.
 */
public final class KernelDynamics {
    private final DMatrixRMaj kernel;
    private final double[] targets;
    private final double[] initialOutputs;
    private final double learningRate;
    private final double[] eigenvalues;
    private final DMatrixRMaj eigenvectors;
    private final double[] initialProjections;
    private final double[] residualWork;
    /** The decayed projections of {@link #closedForm(int, double[])}, reused so that a recorded step allocates nothing. */
    private final double[] decayedWork;

    /**
     * @param kernel         symmetric n x n kernel (copied)
     * @param targets        y, length n (copied)
     * @param initialOutputs u_0, length n (copied)
     * @param learningRate   eta
     */
    public KernelDynamics(DMatrixRMaj kernel, double[] targets, double[] initialOutputs, double learningRate) {
        int n = kernel.numRows;
        if (kernel.numCols != n || targets.length != n || initialOutputs.length != n) {
            throw new IllegalArgumentException("kernel " + kernel.numRows + " x " + kernel.numCols + ", targets "
                    + targets.length + ", initial outputs " + initialOutputs.length + ": sizes disagree");
        }
        this.kernel = kernel.copy();
        this.targets = targets.clone();
        this.initialOutputs = initialOutputs.clone();
        this.learningRate = learningRate;
        this.residualWork = new double[n];
        this.decayedWork = new double[n];

        EigenDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.eig(n, true, true);
        if (!decomposition.decompose(kernel.copy())) {
            throw new IllegalStateException("symmetric eigendecomposition of the kernel did not converge");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -decomposition.getEigenvalue(i).real));
        this.eigenvalues = new double[n];
        this.eigenvectors = new DMatrixRMaj(n, n);
        for (int c = 0; c < n; c++) {
            eigenvalues[c] = decomposition.getEigenvalue(order[c]).real;
            DMatrixRMaj vector = decomposition.getEigenVector(order[c]);
            double norm = 0.0;
            for (int r = 0; r < n; r++) {
                norm += vector.get(r) * vector.get(r);
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                eigenvectors.unsafe_set(r, c, vector.get(r) / norm);
            }
        }
        this.initialProjections = projections(this.initialOutputs);
    }

    public int size() {
        return targets.length;
    }

    public double learningRate() {
        return learningRate;
    }

    /** A copy of u_0. */
    public double[] initialOutputs() {
        return initialOutputs.clone();
    }

    /** A copy of y. */
    public double[] targets() {
        return targets.clone();
    }

    /** One step {@code u <- u - eta H (u - y)}, in place, by an explicit matrix-vector product. */
    public void step(double[] u) {
        int n = targets.length;
        for (int i = 0; i < n; i++) {
            residualWork[i] = u[i] - targets[i];
        }
        double[] h = kernel.data;
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += h[i * n + j] * residualWork[j];
            }
            u[i] -= learningRate * sum;
        }
    }

    /** u_k from the closed form, in a new array. */
    public double[] closedForm(int k) {
        double[] u = new double[targets.length];
        closedForm(k, u);
        return u;
    }

    /** Writes u_k from the closed form into {@code out}, allocating nothing (a workspace of this instance: not for concurrent use). */
    public void closedForm(int k, double[] out) {
        int n = targets.length;
        double[] decayed = decayedWork;
        residualProjections(k, decayed);
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int c = 0; c < n; c++) {
                sum += eigenvectors.unsafe_get(i, c) * decayed[c];
            }
            out[i] = targets[i] + sum;
        }
    }

    /** {@code Q^T (u_k - y)}: the residual after k steps along each eigenvector, {@code (1 - eta lambda_i)^k p_i(0)}. */
    public double[] residualProjections(int k) {
        double[] result = new double[initialProjections.length];
        residualProjections(k, result);
        return result;
    }

    private void residualProjections(int k, double[] out) {
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.pow(1.0 - learningRate * eigenvalues[c], k) * initialProjections[c];
        }
    }

    /** {@code Q^T (u - y)} for any outputs u (e.g. a trained network's): the residual along each eigenvector. */
    public double[] projections(double[] u) {
        int n = targets.length;
        double[] result = new double[n];
        for (int c = 0; c < n; c++) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += eigenvectors.unsafe_get(i, c) * (u[i] - targets[i]);
            }
            result[c] = sum;
        }
        return result;
    }

    /** {@code 1/2 ||u - y||^2}, the network loss written in outputs. */
    public double loss(double[] u) {
        double sum = 0.0;
        for (int i = 0; i < targets.length; i++) {
            double residual = u[i] - targets[i];
            sum += residual * residual;
        }
        return 0.5 * sum;
    }

    /** Eigenvalues of the kernel, decreasing (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Orthonormal eigenvectors as columns, in the order of {@link #eigenvalues()} (a copy). */
    public DMatrixRMaj eigenvectors() {
        return eigenvectors.copy();
    }

    public double lambdaMax() {
        return eigenvalues[0];
    }

    public double lambdaMin() {
        return eigenvalues[eigenvalues.length - 1];
    }
}
