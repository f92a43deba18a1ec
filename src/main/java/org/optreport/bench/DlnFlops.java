package org.optreport.bench;

/**
 * Floating-point operation and memory-traffic counts of the deep-linear-network kernels, read off the products the
 * kernels perform (a product of m x k by k x n counts 2mkn: m k n multiplies and as many adds). The kernels leave
 * out every product with the identity or with zero (W_1 I, I W_N, G I, the unused end-to-end suffix, dP_0 = 0,
 * dS_{N+1} = 0), so these counts are also the minimal counts of the algorithm: {@code model.KernelOperationCountTest} checks each
 * against the operations the kernel itself counts while it runs. Below, d_j are the widths, N the depth and
 * P_j = d_j d_{j-1} the size of layer j; prefix B_j = W_{j-1}...W_1 (B_1 = I), suffix A_j = W_N...W_{j+1} (A_N = I),
 * G = W Sxx - Syx. The run-cost estimates of the experiments use the same counts.
 */
public final class DlnFlops {
    /** Bytes of one double. */
    static final double WORD = 8;

    private DlnFlops() {}

    /**
     * What every kernel forms first: the prefixes W_j B_j (j = 2..N, 2 P_j d0 each), the suffixes A_j W_j
     * (j = 2..N-1, 2 dN P_j each), G = W Sxx - Syx (2 dN d0^2 + dN d0) and G B_j^T (j = 2..N, 2 dN d0 d_{j-1} each).
     */
    public static double products(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = 2.0 * dN * d0 * d0 + (double) dN * d0;
        for (int j = 2; j <= n; j++) f += 2 * layer(s, j) * d0 + 2.0 * dN * d0 * s.d(j - 1);
        for (int j = 2; j < n; j++) f += 2 * dN * layer(s, j);
        return f;
    }

    /** {@link #products} plus each layer's A_j^T (G B_j^T), 2 dN P_j for j &lt; N (layer N's is G B_N^T itself). */
    public static double gradient(DlnShape s) {
        double f = products(s);
        int dN = s.d(s.depth());
        for (int j = 1; j < s.depth(); j++) f += 2 * dN * layer(s, j);
        return f;
    }

    /**
     * {@link #products}, then the prefix changes dB_{j+1} = W_j dB_j + E_j B_j (4 P_j d0, j = 2..N), the suffix
     * changes (4 dN P_j, j = 2..N-1), dG = dB_{N+1} Sxx (2 dN d0^2), the mixed terms dG B_j^T + G dB_j^T
     * (4 dN d0 d_{j-1}, j = 2..N) and d(grad_j) = A_j^T mixed_j + dA_j^T (G B_j^T) (4 dN P_j, j = 1..N-1).
     */
    public static double hessianVectorProduct(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = products(s) + 2.0 * dN * d0 * d0;
        for (int j = 2; j <= n; j++) f += 4 * layer(s, j) * d0 + 4.0 * dN * d0 * s.d(j - 1);
        for (int j = 2; j < n; j++) f += 4 * dN * layer(s, j);
        for (int j = 1; j < n; j++) f += 4 * dN * layer(s, j);
        return f;
    }

    /**
     * {@link #products}, the moments B_i Sxx (2 d_{i-1} d0^2, i = 2..N), then for each block i &lt;= j the Gram
     * products A_i^T A_j (2 dN d_i d_j, j &lt; N) and B_i Sxx B_j^T (2 d_{i-1} d0 d_{j-1}, j &gt; 1); a diagonal block's
     * Kronecker fill is one multiply per entry (P_i^2); an off-diagonal block adds the curvature A_j^T (G B_i^T)
     * (2 dN d_j d_{i-1}, j &lt; N), its fill of two multiplies and an add per entry, written into the block and its
     * mirror (6 P_i P_j), and the next chain product M = W_j M (2 P_j d_i, from the second off-diagonal block on).
     */
    public static double hessian(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = products(s);
        for (int i = 2; i <= n; i++) f += 2.0 * s.d(i - 1) * d0 * d0;
        for (int i = 1; i <= n; i++) {
            double pi = layer(s, i);
            for (int j = i; j <= n; j++) {
                double pj = layer(s, j);
                if (j < n) f += 2.0 * dN * s.d(i) * s.d(j);
                if (j > 1) f += 2.0 * s.d(i - 1) * d0 * s.d(j - 1);
                if (j == i) {
                    f += pi * pi;
                    continue;
                }
                if (j < n) f += 2.0 * dN * s.d(j) * s.d(i - 1);
                f += 6 * pi * pj;
                if (j < n && j > i + 1) f += 2 * pj * s.d(i);
            }
        }
        return f;
    }

    /**
     * One gradient-descent step: {@link #gradient} and, per parameter, the update w -= eta g and the squared norm of g
     * (two flops each). A step right after a spectral record skips the prefix and suffix products
     * ({@link #prefixAndSuffix}): the record formed them at the same weights.
     */
    public static double gradientStep(DlnShape s) {
        return gradient(s) + 4.0 * s.parameterCount();
    }

    /** The prefix products W_j B_j (2 P_j d0, j = 2..N) and suffix products A_j W_j (2 dN P_j, j = 2..N-1). */
    public static double prefixAndSuffix(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = 0;
        for (int j = 2; j <= n; j++) f += 2 * layer(s, j) * d0;
        for (int j = 2; j < n; j++) f += 2 * dN * layer(s, j);
        return f;
    }

    /**
     * The reduced Hessian T = U^T H U ({@code model.ReducedHessian}, k x k with k = {@link #reducedDimension}) from
     * {@link #products}: per layer j the rotated factors A_j Q_j (2 dN d_j^2), K_j P_j (2 dN d_{j-1}^2) and P_j^T B_j
     * (2 d_{j-1}^2 d0, B_1 = I included: the code forms it); per block i &lt;= j the Gram products (2 dN d_i d_j) and
     * (B'_i Sxx) B'_j^T (2 d_{i-1} d0^2 + 2 d_{i-1} d0 d_{j-1}); off the diagonal the curvature A'_j^T K'_i (2 dN d_j
     * d_{i-1}), the rotated chain (P_j^T M) Q_i (2 d_{j-1} d_i^2, and 2 d_{j-1}^2 d_i for P_j^T M once M is a product,
     * j &gt;= i + 2) and the chain's next product W_j M (2 d_j d_{j-1} d_i, i + 2 &lt;= j &lt; N); then the fill of the
     * upper triangle: one multiply per entry of a diagonal block (k_i (k_i + 1) / 2), two multiplies and an add off it
     * (3 k_i k_j). The orthogonal completions Q_j, P_j are {@link SpectralFlops#completion}, not counted here.
     */
    public static double reducedHessian(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = products(s);
        for (int j = 1; j <= n; j++) f += 2.0 * dN * s.d(j) * s.d(j) + 2.0 * dN * s.d(j - 1) * s.d(j - 1) + 2.0 * s.d(j - 1) * s.d(j - 1) * d0;
        for (int i = 1; i <= n; i++) {
            double ki = reducedBlock(s, i);
            for (int j = i; j <= n; j++) {
                f += 2.0 * dN * s.d(i) * s.d(j) + 2.0 * s.d(i - 1) * d0 * d0 + 2.0 * s.d(i - 1) * d0 * s.d(j - 1);
                if (j == i) {
                    f += ki * (ki + 1) / 2;
                    continue;
                }
                f += 2.0 * dN * s.d(j) * s.d(i - 1) + 2.0 * s.d(j - 1) * s.d(i) * s.d(i) + 3 * ki * reducedBlock(s, j);
                if (j >= i + 2) f += 2.0 * s.d(j - 1) * s.d(j - 1) * s.d(i);
                if (j >= i + 2 && j < n) f += 2.0 * s.d(j) * s.d(j - 1) * s.d(i);
            }
        }
        return f;
    }

    /** k, the reduced Hessian's dimension: per layer r_j d_{j-1} + s_j d_j - r_j s_j, r_j = min(dN, d_j), s_j = min(dN, d_{j-1}). */
    public static int reducedDimension(DlnShape s) {
        int k = 0;
        for (int j = 1; j <= s.depth(); j++) k += (int) reducedBlock(s, j);
        return k;
    }

    private static double reducedBlock(DlnShape s, int j) {
        int dN = s.d(s.depth());
        int r = Math.min(dN, s.d(j)), t = Math.min(dN, s.d(j - 1));
        return (double) r * s.d(j - 1) + (double) t * s.d(j) - (double) r * t;
    }

    /** Two gradients per parameter and the difference quotient (a subtraction and a multiply per entry). */
    public static double finiteDifferenceHessian(DlnShape s) {
        double p = s.parameterCount();
        return 2 * p * gradient(s) + 2 * p * p;
    }

    /** Assembly plus the leading (4/3) p^3 of the symmetric tridiagonal reduction (eigenvalues only; EJML's, not counted by us). */
    public static double denseExtremes(DlnShape s) {
        double p = s.parameterCount();
        return hessian(s) + 4.0 / 3.0 * p * p * p;
    }

    /**
     * Compulsory memory traffic of a gradient: the weights read and the gradient written (8 bytes each per parameter),
     * the moments Sxx and Syx read. The products in between are O(p) numbers that stay in cache at these sizes.
     */
    public static double gradientBytes(DlnShape s) {
        return WORD * (2.0 * s.parameterCount() + moments(s));
    }

    /** A Hessian-vector product reads the weights and the direction and writes the product. */
    public static double hessianVectorProductBytes(DlnShape s) {
        return WORD * (3.0 * s.parameterCount() + moments(s));
    }

    /** The Hessian writes p^2 entries (and reads the weights): it is bound by stores. */
    public static double hessianBytes(DlnShape s) {
        double p = s.parameterCount();
        return WORD * (p * p + p + moments(s));
    }

    /**
     * Compulsory traffic, as the analytic Hessian's: the weights and moments read and the p^2 entries written. Its 2p
     * gradients read the same weights again and again, which stay in cache: charging each gradient's own traffic would
     * count repeated cache hits as memory traffic and put the kernel under a lower roof than the analytic one.
     */
    public static double finiteDifferenceHessianBytes(DlnShape s) {
        return hessianBytes(s);
    }

    /** A lower bound: the assembly's stores, then the reduction reads and writes the p^2 entries at least once more. */
    public static double denseExtremesBytes(DlnShape s) {
        double p = s.parameterCount();
        return hessianBytes(s) + 2 * WORD * p * p;
    }

    static double layer(DlnShape s, int j) { return (double) s.d(j) * s.d(j - 1); }

    static double moments(DlnShape s) {
        int d0 = s.d(0), dN = s.d(s.depth());
        return (double) d0 * d0 + (double) dN * d0;
    }
}
