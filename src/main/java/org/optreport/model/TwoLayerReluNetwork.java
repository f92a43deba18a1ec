package org.optreport.model;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A two-layer ReLU network in the neural-tangent parametrization,
 * {@code f(x) = (1/sqrt(m)) sum_r a_r relu(w_r . x)}, with fixed output signs {@code a_r in {-1,+1}} and
 * first-layer weights trained by full-batch gradient descent on {@code L = 1/2 sum_i (f(x_i) - y_i)^2}.
 *
 * <p><b>Initialization.</b> {@code java.util.Random(seed)} is drawn neuron by neuron: for r = 0..m-1, first
 * the d coordinates of {@code w_r} ({@code nextGaussian}), then the sign {@code a_r} ({@code nextBoolean}:
 * true is +1). Random's algorithms are specified by the JDK, so the same (m, d, seed) gives the same network
 * everywhere, and a network of width m is the first m neurons of a wider one with the same seed and d.
 *
 * <p><b>Layout and cost.</b> Weights are one row-major m x d {@code double[]}; inputs X are an n x d
 * {@link DMatrixRMaj} (one sample per row). No n x m array is ever formed. A gradient step is one pass over blocks
 * of {@code blockSize} neurons: the block's pre-activations at the current weights, four samples at a time, give its
 * gradient from the residuals, the block is updated, and then its neurons'
 * pre-activations at the new weights, two neurons at a time, add their part of the next step's outputs, which the
 * network keeps (for the next step's residuals, and for {@link #outputs} and {@link #loss} between steps). So each
 * pre-activation is computed twice per step, 6 n m d flops in all. Keeping the activation pattern instead (n x m bits)
 * would save a third of that, and was tried: in JDK 17 packing and unpacking the bits is scalar, and a block's outputs
 * then need n x blockSize partial sums; it ran slower than recomputing. Measured with thread CPU time on the shared
 * development machine (m = 10^5, n = 256, d = 10, JDK 17, AVX2): a step takes about 93 ms at best, as before the
 * outputs were kept (the work is the same, moved); the earlier split was outputs 29 ms, gradient pass 64 ms
 * (pre-activations 26, activation mask 14, gradient accumulation 24).
 *
 * <p>Workspaces grow to the largest sample count seen and are then reused: in steady state no method that
 * takes an output array allocates. Not thread-safe.
 */
public final class TwoLayerReluNetwork {
    /**
     * Neurons per block in the gradient pass. The block's workspaces are (2d + 4) x blockSize doubles, 24 kB
     * for d = 10: they stay in a 32 kB L1 cache (128 and 256 measured the same for d = 10, n = 256).
     */
    public static final int DEFAULT_BLOCK_SIZE = 128;

    /** The inputs the kept outputs belong to (row-major n x d) and n; -1 before any. */
    private double[] inputs = new double[0];
    private int samples = -1;
    /** Whether {@code outputs} are f(x_i) at the current weights for {@code inputs}. */
    private boolean outputsCurrent;

    private final int width;
    private final int dimension;
    private final int blockSize;
    private final double scale;
    private final double[] weights;
    private final double[] initialWeights;
    private final double[] signs;

    private double[][] inputsByCoordinate;
    // Pre-activations of the two neurons (or the current and initial weights of one) of the per-neuron loops.
    private double[] firstPreActivations = new double[0];
    private double[] secondPreActivations = new double[0];
    private double[] outputs = new double[0];
    private double[] nextOutputs = new double[0];
    private double[] residuals = new double[0];
    private double[] flipCounts = new double[0];
    private final double[][] blockWeights;
    private final double[][] blockGradient;
    private final double[][] blockSlab;

    private TwoLayerReluNetwork(int width, int dimension, long seed, int blockSize) {
        this.width = width;
        this.dimension = dimension;
        // Even, so that the blocks' neuron pairs are those of the whole network's output sum (see gradientPass).
        this.blockSize = blockSize + blockSize % 2;
        this.scale = 1.0 / Math.sqrt(width);
        this.weights = new double[width * dimension];
        this.signs = new double[width];
        Random random = new Random(seed);
        for (int r = 0; r < width; r++) {
            for (int j = 0; j < dimension; j++) {
                weights[r * dimension + j] = random.nextGaussian();
            }
            signs[r] = random.nextBoolean() ? 1.0 : -1.0;
        }
        this.initialWeights = weights.clone();
        this.blockWeights = new double[dimension][this.blockSize];
        this.blockGradient = new double[dimension][this.blockSize];
        this.blockSlab = new double[4][this.blockSize];
        this.inputsByCoordinate = new double[dimension][0];
    }

    /** A freshly initialized network with the default block size. */
    public static TwoLayerReluNetwork create(int width, int inputDimension, long seed) {
        return create(width, inputDimension, seed, DEFAULT_BLOCK_SIZE);
    }

    /** A freshly initialized network; the block size (rounded up to even) changes only speed, never the numbers. */
    public static TwoLayerReluNetwork create(int width, int inputDimension, long seed, int blockSize) {
        if (width < 1 || inputDimension < 1 || blockSize < 1) {
            throw new IllegalArgumentException("width, input dimension and block size must be positive, got "
                    + width + ", " + inputDimension + ", " + blockSize);
        }
        if ((long) width * inputDimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("width x input dimension too large for one array: "
                    + width + " x " + inputDimension);
        }
        return new TwoLayerReluNetwork(width, inputDimension, seed, blockSize);
    }

    public int width() {
        return width;
    }

    public int inputDimension() {
        return dimension;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Writes {@code f(x_i)} for every row of {@code x} into {@code out[0..n)}. */
    public void outputs(DMatrixRMaj x, double[] out) {
        int n = prepare(x);
        requireLength(out, n, "out");
        System.arraycopy(outputs, 0, out, 0, n);
    }

    /** {@code f(x_i)} for every row of {@code x}, in a new array. */
    public double[] outputs(DMatrixRMaj x) {
        double[] out = new double[x.numRows];
        outputs(x, out);
        return out;
    }

    /** {@code L = 1/2 sum_i (f(x_i) - y_i)^2} at the current weights. */
    public double loss(DMatrixRMaj x, double[] y) {
        int n = prepare(x);
        requireLength(y, n, "y");
        return computeResiduals(n, y);
    }

    /** Writes {@code dL/dw} (row-major m x d, like {@link #weights()}) into {@code gradient}. */
    public void gradient(DMatrixRMaj x, double[] y, double[] gradient) {
        int n = prepare(x);
        requireLength(y, n, "y");
        requireLength(gradient, width * dimension, "gradient");
        computeResiduals(n, y);
        gradientPass(n, 0.0, gradient);
    }

    /**
     * One full-batch gradient step {@code w <- w - eta dL/dw}, all neurons using the residuals at the
     * current weights. Returns the loss at the weights before the step (from the outputs kept by the previous step).
     */
    public double gdStep(DMatrixRMaj x, double[] y, double eta) {
        int n = prepare(x);
        requireLength(y, n, "y");
        double loss = computeResiduals(n, y);
        gradientPass(n, eta, null);
        return loss;
    }

    /**
     * As {@link #gdStep(DMatrixRMaj, double[], double)}, also copying the outputs at the weights before the
     * step (the {@code u_k} of the kernel picture) into {@code outputsBeforeStep}.
     */
    public double gdStep(DMatrixRMaj x, double[] y, double eta, double[] outputsBeforeStep) {
        int n = prepare(x);
        requireLength(y, n, "y");
        requireLength(outputsBeforeStep, n, "outputsBeforeStep");
        double loss = computeResiduals(n, y);
        System.arraycopy(outputs, 0, outputsBeforeStep, 0, n);
        gradientPass(n, eta, null);
        return loss;
    }

    /** A copy of the first-layer weights, row-major m x d. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of the first-layer weights at initialization, row-major m x d. */
    public double[] initialWeights() {
        return initialWeights.clone();
    }

    /** A copy of the fixed output signs {@code a_r}. */
    public double[] outputSigns() {
        return signs.clone();
    }

    /** Replaces the first-layer weights (row-major m x d); the initial copy is kept. */
    public void setWeights(double[] newWeights) {
        requireLength(newWeights, weights.length, "weights");
        System.arraycopy(newWeights, 0, weights, 0, weights.length);
        outputsCurrent = false;
    }

    /** {@code ||W - W(0)||_F / ||W(0)||_F}: the movement of all weights relative to their initial size. */
    public double relativeWeightMovement() {
        double moved = 0.0;
        double initial = 0.0;
        for (int j = 0; j < weights.length; j++) {
            double delta = weights[j] - initialWeights[j];
            moved += delta * delta;
            initial += initialWeights[j] * initialWeights[j];
        }
        return Math.sqrt(moved / initial);
    }

    /**
     * The fraction of (sample, neuron) pairs whose activation {@code 1{w_r . x_i >= 0}} differs from the one
     * at initialization. Both patterns are recomputed neuron by neuron, vectorized over samples; the flips are
     * counted per sample (exact integers in doubles) and added at the end.
     */
    public double activationFlipFraction(DMatrixRMaj x) {
        int n = prepare(x);
        Arrays.fill(flipCounts, 0, n, 0.0);
        for (int r = 0; r < width; r++) {
            ReluNetworkKernels.neuronPairPreActivations(weights, r * dimension, initialWeights, r * dimension,
                    dimension, inputsByCoordinate, n, firstPreActivations, secondPreActivations);
            ReluNetworkKernels.accumulateFlips(firstPreActivations, secondPreActivations, n, flipCounts);
        }
        double flips = 0.0;
        for (int i = 0; i < n; i++) {
            flips += flipCounts[i];
        }
        return flips / ((double) n * width);
    }

    /**
     * The empirical tangent kernel {@code H(w)_ij = (1/m) sum_r (x_i . x_j) 1{w_r.x_i >= 0, w_r.x_j >= 0}}
     * (n x n). Co-activation counts are exact: per sample the set of its active neurons as bits, then per pair of
     * samples the bits of the intersection counted, m n^2 / 128 bit operations instead of m n^2 / 2 additions.
     */
    public DMatrixRMaj empiricalKernel(DMatrixRMaj x) {
        int n = prepare(x);
        int words = (width + 63) / 64;
        long[][] activeNeurons = new long[n][words];
        for (int r = 0; r < width; r++) {
            ReluNetworkKernels.neuronPreActivations(weights, r * dimension, dimension, inputsByCoordinate, n,
                    firstPreActivations);
            long bit = 1L << r;
            for (int i = 0; i < n; i++) {
                // The sign bit of z + 0.0 (which makes -0.0 positive) is 0 exactly when z >= 0.
                long active = ~Double.doubleToRawLongBits(firstPreActivations[i] + 0.0) >> 63;
                activeNeurons[i][r >>> 6] |= active & bit;
            }
        }
        DMatrixRMaj kernel = new DMatrixRMaj(n, n);
        double[] data = x.data;
        for (int i = 0; i < n; i++) {
            long[] a = activeNeurons[i];
            for (int j = i; j < n; j++) {
                long[] b = activeNeurons[j];
                long count = 0;
                for (int q = 0; q < words; q++) {
                    count += Long.bitCount(a[q] & b[q]);
                }
                double inner = 0.0;
                for (int c = 0; c < dimension; c++) {
                    inner += data[i * dimension + c] * data[j * dimension + c];
                }
                double value = inner * count / width;
                kernel.unsafe_set(i, j, value);
                kernel.unsafe_set(j, i, value);
            }
        }
        return kernel;
    }

    /**
     * Checks x, grows the workspaces if needed, caches x transposed, and makes {@code outputs} those of x at the
     * current weights (an output pass unless the last step or call already left them); returns n.
     */
    private int prepare(DMatrixRMaj x) {
        if (x.numCols != dimension) {
            throw new IllegalArgumentException("inputs have " + x.numCols + " columns, the network expects "
                    + dimension);
        }
        int n = x.numRows;
        if (n != samples || !Arrays.equals(inputs, 0, n * dimension, x.data, 0, n * dimension)) {
            if (n != samples) {
                samples = n;
                inputs = new double[n * dimension];
                inputsByCoordinate = new double[dimension][n];
                firstPreActivations = new double[n];
                secondPreActivations = new double[n];
                outputs = new double[n];
                nextOutputs = new double[n];
                residuals = new double[n];
                flipCounts = new double[n];
            }
            System.arraycopy(x.data, 0, inputs, 0, n * dimension);
            ReluNetworkKernels.transpose(inputs, n, dimension, inputsByCoordinate);
            outputsCurrent = false;
        }
        if (!outputsCurrent) {
            computeOutputs(n, outputs);
            outputsCurrent = true;
        }
        return n;
    }

    /** f(x_i) at the current weights, in one output pass. */
    private void computeOutputs(int n, double[] out) {
        Arrays.fill(out, 0, n, 0.0);
        addOutputs(n, 0, width, out);
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
    }

    /**
     * Adds the unscaled contributions of neurons {@code first .. end} to {@code sum}. Neurons are taken in pairs
     * (sharing input loads) from an even {@code first}; the sum over neurons is grouped in pairs, in neuron order.
     */
    private void addOutputs(int n, int first, int end, double[] sum) {
        int r = first;
        for (; r + 1 < end; r += 2) {
            ReluNetworkKernels.neuronPairPreActivations(weights, r * dimension, weights, (r + 1) * dimension,
                    dimension, inputsByCoordinate, n, firstPreActivations, secondPreActivations);
            ReluNetworkKernels.accumulateReluPair(firstPreActivations, signs[r], secondPreActivations, signs[r + 1],
                    n, sum);
        }
        if (r < end) {
            ReluNetworkKernels.neuronPreActivations(weights, r * dimension, dimension, inputsByCoordinate, n,
                    firstPreActivations);
            ReluNetworkKernels.accumulateRelu(firstPreActivations, signs[r], n, sum);
        }
    }

    /** Fills residuals from the kept outputs at the current weights; returns the loss. */
    private double computeResiduals(int n, double[] y) {
        double loss = 0.0;
        for (int i = 0; i < n; i++) {
            double residual = outputs[i] - y[i];
            residuals[i] = residual;
            loss += residual * residual;
        }
        return 0.5 * loss;
    }

    /**
     * Walks the neurons in blocks, forming each block's gradient from the cached residuals. With
     * {@code gradientOut == null} the block is updated in place ({@code w -= eta g}) and its part of the outputs at
     * the new weights is added to those of the next step; otherwise the gradient is written out and the weights are
     * left alone. Blocks are disjoint, so updating a block before the next one is read is the same as a simultaneous
     * update; blocks start at even neurons, so the next outputs are summed exactly as {@link #computeOutputs} would.
     */
    private void gradientPass(int n, double eta, double[] gradientOut) {
        if (gradientOut == null) {
            Arrays.fill(nextOutputs, 0, n, 0.0);
        }
        for (int first = 0; first < width; first += blockSize) {
            int size = Math.min(blockSize, width - first);
            ReluNetworkKernels.transposeBlock(weights, first, size, dimension, blockWeights);
            ReluNetworkKernels.blockGradient(inputs, n, dimension, residuals, blockWeights, size, blockSlab,
                    blockGradient);
            for (int k = 0; k < size; k++) {
                double factor = signs[first + k] * scale;
                int row = (first + k) * dimension;
                for (int j = 0; j < dimension; j++) {
                    double g = factor * blockGradient[j][k];
                    if (gradientOut == null) {
                        weights[row + j] -= eta * g;
                    } else {
                        gradientOut[row + j] = g;
                    }
                }
            }
            if (gradientOut == null) {
                addOutputs(n, first, first + size, nextOutputs);
            }
        }
        if (gradientOut == null) {
            for (int i = 0; i < n; i++) {
                outputs[i] = nextOutputs[i] * scale;
            }
        }
    }

    private static void requireLength(double[] array, int length, String name) {
        if (array.length < length) {
            throw new IllegalArgumentException(name + " has length " + array.length + ", needs " + length);
        }
    }
}
