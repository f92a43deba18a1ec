package org.optreport.bench;

/**
 * Floating-point operation counts of the deep-linear-network kernels, read off the matrix products each kernel
 * performs (a product of m x k by k x n counts 2mkn, a multiply-accumulate 2 per entry), products with the
 * identity included because the kernels perform them. Below, d_j are the widths and P_j = d_j d_{j-1} the size
 * of layer j. The run-cost estimates of the experiments use the same counts.
 */
public final class DlnFlops {
    private DlnFlops() {}

    /** Prefix and suffix products, the loss gradient G = W Sxx - Syx and G times each prefix. */
    public static double products(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = 2.0 * dN * d0 * d0 + (double) dN * d0;
        for (int j = 1; j <= n; j++) {
            double layer = (double) s.d(j) * s.d(j - 1);
            f += 2 * layer * d0 + 2 * dN * layer + 2.0 * dN * d0 * s.d(j - 1);
        }
        return f;
    }

    /** {@link #products} plus, per layer, suffix^T times (G prefix^T). */
    public static double gradient(DlnShape s) {
        double f = products(s);
        int dN = s.d(s.depth());
        for (int j = 1; j <= s.depth(); j++) f += 2.0 * dN * s.d(j) * s.d(j - 1);
        return f;
    }

    /**
     * {@link #products}, then the directional derivatives of prefixes and suffixes (two products each per
     * layer), dG = dW Sxx, and four products per layer for d(grad_j).
     */
    public static double hessianVectorProduct(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = products(s) + 2.0 * dN * d0 * d0;
        for (int j = 1; j <= n; j++) {
            double layer = (double) s.d(j) * s.d(j - 1);
            f += 4 * layer * d0 + 4 * dN * layer + 4.0 * dN * d0 * s.d(j - 1) + 4 * dN * layer;
        }
        return f;
    }

    /**
     * {@link #products}, then for each block i &lt;= j the two Gram products and the Kronecker fill (2 per entry);
     * for i &lt; j also the curvature products, its fill (2 per entry) and the next chain product M.
     */
    public static double hessian(DlnShape s) {
        int n = s.depth(), d0 = s.d(0), dN = s.d(n);
        double f = products(s);
        for (int i = 1; i <= n; i++) {
            double pi = (double) s.d(i) * s.d(i - 1);
            f += 2.0 * s.d(i - 1) * d0 * d0;
            for (int j = i; j <= n; j++) {
                double pj = (double) s.d(j) * s.d(j - 1);
                f += 2.0 * dN * s.d(i) * s.d(j) + 2.0 * s.d(i - 1) * d0 * s.d(j - 1) + 2 * pi * pj;
                if (j > i)
                    f += 2.0 * dN * d0 * s.d(i - 1) + 2.0 * dN * s.d(j) * s.d(i - 1) + 2 * pi * pj
                            + 2.0 * s.d(j) * s.d(j - 1) * s.d(i);
            }
        }
        return f;
    }

    /** Two gradients per parameter and the difference quotient (2 per entry). */
    public static double finiteDifferenceHessian(DlnShape s) {
        double p = s.parameterCount();
        return 2 * p * gradient(s) + 2 * p * p;
    }

    /** Assembly plus the leading (4/3) p^3 of the symmetric tridiagonal reduction (eigenvalues only). */
    public static double denseExtremes(DlnShape s) {
        double p = s.parameterCount();
        return hessian(s) + 4.0 / 3.0 * p * p * p;
    }
}
