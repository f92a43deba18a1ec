package org.optreport.model;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.optreport.linalg.Lanczos;
import org.optreport.linalg.SymmetricOperator;

/**
 * A deep linear network x -> W_N ... W_1 x with W_j of shape d_j x d_{j-1} (j = 1..N), trained on a loss of
 * its end-to-end matrix W = W_N ... W_1.
 *
 * <p>Parameter vectors (gradient, Hessian rows, Hessian-vector products) list W_1 row-major, then W_2, ...,
 * W_N. The gradient of L(W_1..W_N) = l(W) is dL/dW_j = W_{j+1:N}^T grad l(W) W_{1:j-1}^T. Prefix products
 * W_j...W_1 and suffix products W_N...W_{j} are kept in instance workspaces, so gradient, step and
 * Hessian-vector products allocate nothing after the first call. Instances are mutable and not thread-safe.
 */
public final class DeepLinearNetwork {

    /** Above this many parameters {@link #hessianExtremes} uses Lanczos instead of a dense eigen-solve. */
    public static final int DENSE_EIGEN_LIMIT = 1500;

    final int[] widths;
    /** layers[j - 1] = W_j. */
    final DMatrixRMaj[] layers;
    /** offsets[j - 1] = index of W_j's first entry in a parameter vector. */
    final int[] offsets;
    private final int parameterCount;

    /**
     * prefix[j] = W_j ... W_1 (d_j x d0); prefix[0] = I. prefix[1] is W_1 itself (the same matrix object, no product
     * with the identity).
     */
    final DMatrixRMaj[] prefix;
    /**
     * suffix[j] = W_N ... W_j (dN x d_{j-1}) for j = 2..N+1; suffix[N+1] = I, suffix[N] is W_N itself. suffix[1], the
     * end-to-end matrix, is never formed: prefix[N] is the same matrix and nothing reads suffix[1].
     */
    final DMatrixRMaj[] suffix;
    /** grad l at the current end-to-end matrix (dN x d0). */
    final DMatrixRMaj lossGradient;
    /** gradientTimesPrefix[j] = grad l * prefix[j-1]^T (dN x d_{j-1}); gradientTimesPrefix[1] is lossGradient itself. */
    final DMatrixRMaj[] gradientTimesPrefix;
    /** Every matrix product of the gradient, Hessian and Hessian-vector product, with its operation count. */
    final CountedProducts products = new CountedProducts();
    /** layerWork[j] has the shape of W_j. */
    final DMatrixRMaj[] layerWork;
    private final double[] gradientBuffer;
    private DeepLinearNetworkHessian hessianWork;
    /**
     * Whether prefix and suffix hold the products of the weights as they are (set by updateProducts, cleared by every
     * change of the weights). Only {@link #gradientStep} reads it: a training loop that looks at the end-to-end matrix
     * after each step has formed the products the next step needs. Every other entry recomputes them as before, so the
     * benchmarks time what they always did.
     */
    private boolean productsCurrent;

    /** From W_1, ..., W_N (copied); consecutive shapes must chain. */
    public DeepLinearNetwork(List<DMatrixRMaj> weights) {
        int depth = weights.size();
        if (depth == 0) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        widths = new int[depth + 1];
        widths[0] = weights.get(0).numCols;
        layers = new DMatrixRMaj[depth];
        offsets = new int[depth];
        int count = 0;
        for (int j = 1; j <= depth; j++) {
            DMatrixRMaj w = weights.get(j - 1);
            if (w.numCols != widths[j - 1]) {
                throw new IllegalArgumentException("layer " + j + " has " + w.numCols + " columns, expected "
                        + widths[j - 1]);
            }
            widths[j] = w.numRows;
            layers[j - 1] = w.copy();
            offsets[j - 1] = count;
            count += w.getNumElements();
        }
        parameterCount = count;
        int d0 = widths[0];
        int dN = widths[depth];
        prefix = new DMatrixRMaj[depth + 1];
        suffix = new DMatrixRMaj[depth + 2];
        gradientTimesPrefix = new DMatrixRMaj[depth + 1];
        layerWork = new DMatrixRMaj[depth + 1];
        lossGradient = new DMatrixRMaj(dN, d0);
        prefix[0] = CommonOps_DDRM.identity(d0);
        suffix[depth + 1] = CommonOps_DDRM.identity(dN);
        // The weights are updated in place (setParameters, gradientStep), so these aliases always hold the products
        // W_1 I = W_1, I W_N = W_N and G I = G without computing them.
        prefix[1] = layers[0];
        suffix[depth] = layers[depth - 1];
        gradientTimesPrefix[1] = lossGradient;
        for (int j = 1; j <= depth; j++) {
            if (j > 1) prefix[j] = new DMatrixRMaj(widths[j], d0);
            if (j > 1 && j < depth) suffix[j] = new DMatrixRMaj(dN, widths[j - 1]);
            if (j > 1) gradientTimesPrefix[j] = new DMatrixRMaj(dN, widths[j - 1]);
            layerWork[j] = new DMatrixRMaj(widths[j], widths[j - 1]);
        }
        gradientBuffer = new double[parameterCount];
    }

    /** Random initialisations (seeded); see {@link DeepLinearNetworkInitializers}. */
    public static DeepLinearNetwork balanced(int[] widths, double scale, long seed) {
        return DeepLinearNetworkInitializers.balanced(widths, scale, seed);
    }

    public static DeepLinearNetwork gaussian(int[] widths, double scale, long seed) {
        return DeepLinearNetworkInitializers.gaussian(widths, scale, seed);
    }

    public static DeepLinearNetwork xavier(int[] widths, double scale, long seed) {
        return DeepLinearNetworkInitializers.xavier(widths, scale, seed);
    }

    public int depth() {
        return layers.length;
    }

    /** d_0, ..., d_N (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    public int parameterCount() {
        return parameterCount;
    }

    /** A copy of W_j, 1 &lt;= j &lt;= depth(). */
    public DMatrixRMaj layer(int j) {
        return layers[j - 1].copy();
    }

    /** Copies of W_1, ..., W_N. */
    public List<DMatrixRMaj> layers() {
        List<DMatrixRMaj> copies = new ArrayList<>(layers.length);
        for (DMatrixRMaj w : layers) {
            copies.add(w.copy());
        }
        return copies;
    }

    /** W_N ... W_1 (a fresh matrix). */
    public DMatrixRMaj endToEnd() {
        updateProducts();
        return prefix[depth()].copy();
    }

    /** Writes W_N ... W_1 into {@code out} (d_N x d_0), allocating nothing: for use at every step. */
    public void endToEnd(DMatrixRMaj out) {
        updateProducts();
        out.setTo(prefix[depth()]);
    }

    public double loss(EndToEndLoss loss) {
        updateProducts();
        return loss.value(prefix[depth()]);
    }

    /** Writes dL/dW_1, ..., dL/dW_N (contract order) into out, of length parameterCount(). */
    public void gradient(EndToEndLoss loss, double[] out) {
        requireLength(out);
        updateProducts();
        gradientAtCurrentProducts(loss, out);
    }

    private void gradientAtCurrentProducts(EndToEndLoss loss, double[] out) {
        updateLossGradient(loss);
        int depth = depth();
        for (int j = 1; j < depth; j++) {
            products.multTransA(suffix[j + 1], gradientTimesPrefix[j], layerWork[j]);
            System.arraycopy(layerWork[j].data, 0, out, offsets[j - 1], layerWork[j].data.length);
        }
        // the last layer's suffix is the identity: its gradient is G prefix[N-1]^T as it stands (dN x d_{N-1}, row-major
        // like W_N)
        DMatrixRMaj last = gradientTimesPrefix[depth];
        System.arraycopy(last.data, 0, out, offsets[depth - 1], last.data.length);
    }

    /** Floating-point operations of this network's kernels since it was made (the benchmarks' count check). */
    long operationCount() {
        return products.flops();
    }

    /**
     * One step of gradient descent with step size eta, all layers updated simultaneously. Returns the Euclidean norm
     * of the gradient the step used (at the weights before it), which costs nothing extra: callers that watch the
     * gradient norm at every step need no second gradient evaluation.
     */
    public double gradientStep(EndToEndLoss loss, double eta) {
        if (!productsCurrent) updateProducts();
        gradientAtCurrentProducts(loss, gradientBuffer);
        productsCurrent = false;
        double squares = 0;
        for (int j = 0; j < layers.length; j++) {
            double[] data = layers[j].data;
            int offset = offsets[j];
            for (int i = 0; i < data.length; i++) {
                double g = gradientBuffer[offset + i];
                squares += g * g;
                data[i] -= eta * g;
            }
        }
        products.count(4L * parameterCount);   // the squares' multiply-adds and the update's
        return Math.sqrt(squares);
    }

    /** All weights as one vector in contract order (a fresh array). */
    public double[] parameters() {
        double[] out = new double[parameterCount];
        for (int j = 0; j < layers.length; j++) {
            System.arraycopy(layers[j].data, 0, out, offsets[j], layers[j].data.length);
        }
        return out;
    }

    public void setParameters(double[] parameters) {
        requireLength(parameters);
        productsCurrent = false;
        for (int j = 0; j < layers.length; j++) {
            System.arraycopy(parameters, offsets[j], layers[j].data, 0, layers[j].data.length);
        }
    }

    /** Sets the one parameter at {@code index} (contract order) without touching the others. */
    public void setParameter(int index, double value) {
        if (index < 0 || index >= parameterCount) {
            throw new IndexOutOfBoundsException("parameter " + index + " of " + parameterCount);
        }
        productsCurrent = false;
        int j = layers.length - 1;
        while (offsets[j] > index) j--;
        layers[j].data[index - offsets[j]] = value;
    }

    /** max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F over j = 1..N-1; 0 for depth 1. */
    public double imbalance() {
        double worst = 0;
        for (int j = 1; j < depth(); j++) {
            DMatrixRMaj next = layers[j];
            DMatrixRMaj current = layers[j - 1];
            DMatrixRMaj gram = new DMatrixRMaj(widths[j], widths[j]);
            CommonOps_DDRM.multTransA(next, next, gram);
            DMatrixRMaj outer = new DMatrixRMaj(widths[j], widths[j]);
            CommonOps_DDRM.multTransB(current, current, outer);
            CommonOps_DDRM.subtractEquals(gram, outer);
            worst = Math.max(worst, NormOps_DDRM.normF(gram));
        }
        return worst;
    }

    /** The Hessian of L = l2 loss w.r.t. all parameters, assembled analytically (see {@link DeepLinearNetworkHessian}). */
    public DMatrixRMaj hessian(SquaredLoss loss) {
        return hessianWork().dense(loss);
    }

    /** out = H v without forming H (exact directional derivative of the gradient). */
    public void hessianVectorProduct(SquaredLoss loss, double[] v, double[] out) {
        requireLength(v);
        requireLength(out);
        hessianWork().multiply(loss, v, out);
    }

    /**
     * H as an operator at the weights as they are now: the prefix and suffix products and the loss gradient are formed
     * once, here, not again at every application (Lanczos applies it hundreds of times at fixed weights). Changing the
     * weights afterwards needs a new operator.
     */
    public SymmetricOperator hessianOperator(SquaredLoss loss) {
        updateProducts();
        updateLossGradient(loss);
        DeepLinearNetworkHessian work = hessianWork();
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return parameterCount;
            }

            @Override
            public void apply(double[] in, double[] out) {
                requireLength(in);
                requireLength(out);
                work.multiplyAtCurrentProducts(loss, in, out);
            }
        };
    }

    /**
     * Smallest and largest Hessian eigenvalue: up to {@link #DENSE_EIGEN_LIMIT} parameters exactly, by a dense symmetric
     * eigen-decomposition of the Hessian on a subspace that contains its range ({@link ReducedHessian}: at most
     * d_N (d_{j-1} + d_j) dimensions per layer instead of d_j d_{j-1}; the full dense solve's eigenvalues up to
     * rounding); Lanczos on Hessian-vector products above.
     */
    public HessianExtremes hessianExtremes(SquaredLoss loss) {
        return hessianExtremes(loss, HessianExtremes.DEFAULT_LANCZOS_SEED);
    }

    public HessianExtremes hessianExtremes(SquaredLoss loss, long lanczosSeed) {
        if (parameterCount <= DENSE_EIGEN_LIMIT) {
            return HessianExtremes.dense(ReducedHessian.extremes(this, loss));
        }
        return HessianExtremes.lanczos(Lanczos.extremes(hessianOperator(loss), lanczosSeed));
    }

    /**
     * Recomputes the prefix products W_j...W_1 (j = 2..N) and suffix products W_N...W_j (j = 2..N-1) from the current
     * weights; prefix[1] and suffix[N] are the weights themselves.
     */
    void updateProducts() {
        int depth = depth();
        for (int j = 2; j <= depth; j++) {
            products.mult(layers[j - 1], prefix[j - 1], prefix[j]);
        }
        for (int j = depth - 1; j >= 2; j--) {
            products.mult(suffix[j + 1], layers[j - 1], suffix[j]);
        }
        productsCurrent = true;
    }

    /** grad l at the end-to-end matrix and its products with the prefixes; needs updateProducts() first. */
    void updateLossGradient(EndToEndLoss loss) {
        loss.gradient(prefix[depth()], lossGradient);
        for (int j = 2; j <= depth(); j++) {
            products.multTransB(lossGradient, prefix[j - 1], gradientTimesPrefix[j]);
        }
    }

    private DeepLinearNetworkHessian hessianWork() {
        if (hessianWork == null) {
            hessianWork = new DeepLinearNetworkHessian(this);
        }
        return hessianWork;
    }

    private void requireLength(double[] vector) {
        if (vector.length != parameterCount) {
            throw new IllegalArgumentException("expected a vector of length " + parameterCount + ", got "
                    + vector.length);
        }
    }
}
