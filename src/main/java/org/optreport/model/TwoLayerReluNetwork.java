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
 * {@link DMatrixRMaj} (one sample per row). No n x m array is ever formed: the output pass walks neurons
 * two at a time (two n-vectors of pre-activations), the gradient pass walks blocks of {@code blockSize}
 * neurons (4 x blockSize pre-activations at a time). A gradient step is two passes: outputs at the current
 * weights (the residuals need every neuron), then pre-activations are recomputed block by block to form
 * that block's gradient and update it. Caching the activation pattern between the passes would need n x m
 * bits, so it is recomputed instead (about a quarter of the step's work). Measured with thread CPU time on
 * the shared development machine (m = 10^5, n = 256, d = 10, JDK 17, AVX2): outputs about 29 ms, a step
 * about 95 ms, of which the gradient pass splits into pre-activations 26, activation mask 14, gradient
 * accumulation 24.
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
    private double[] residuals = new double[0];
    private final double[][] blockWeights;
    private final double[][] blockGradient;
    private final double[][] blockSlab;

    private TwoLayerReluNetwork(int width, int dimension, long seed, int blockSize) {
        this.width = width;
        this.dimension = dimension;
        this.blockSize = blockSize;
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
        this.blockWeights = new double[dimension][blockSize];
        this.blockGradient = new double[dimension][blockSize];
        this.blockSlab = new double[4][blockSize];
        this.inputsByCoordinate = new double[dimension][0];
    }

    /** A freshly initialized network with the default block size. */
    public static TwoLayerReluNetwork create(int width, int inputDimension, long seed) {
        return create(width, inputDimension, seed, DEFAULT_BLOCK_SIZE);
    }

    /** A freshly initialized network; the block size changes only speed, never the numbers. */
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
        computeOutputs(n, out);
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
        gradientPass(x.data, n, 0.0, gradient);
    }

    /**
     * One full-batch gradient step {@code w <- w - eta dL/dw}, all neurons using the residuals at the
     * current weights. Returns the loss at the weights before the step (computed on the way).
     */
    public double gdStep(DMatrixRMaj x, double[] y, double eta) {
        int n = prepare(x);
        requireLength(y, n, "y");
        double loss = computeResiduals(n, y);
        gradientPass(x.data, n, eta, null);
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
        gradientPass(x.data, n, eta, null);
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
    }

    /** {@code max_r ||w_r - w_r(0)||}: how far the most-moved neuron has travelled. */
    public double maxWeightMovement() {
        double max = 0.0;
        for (int r = 0; r < width; r++) {
            double squared = 0.0;
            for (int j = r * dimension; j < (r + 1) * dimension; j++) {
                double delta = weights[j] - initialWeights[j];
                squared += delta * delta;
            }
            max = Math.max(max, squared);
        }
        return Math.sqrt(max);
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
     * at initialization. Both patterns are recomputed neuron by neuron.
     */
    public double activationFlipFraction(DMatrixRMaj x) {
        int n = prepare(x);
        long flips = 0;
        for (int r = 0; r < width; r++) {
            ReluNetworkKernels.neuronPairPreActivations(weights, r * dimension, initialWeights, r * dimension,
                    dimension, inputsByCoordinate, n, firstPreActivations, secondPreActivations);
            for (int i = 0; i < n; i++) {
                if ((firstPreActivations[i] >= 0.0) != (secondPreActivations[i] >= 0.0)) {
                    flips++;
                }
            }
        }
        return (double) flips / ((double) n * width);
    }

    /**
     * The empirical tangent kernel {@code H(w)_ij = (1/m) sum_r (x_i . x_j) 1{w_r.x_i >= 0, w_r.x_j >= 0}}
     * (n x n). Co-activation counts are accumulated exactly (integers in doubles) neuron by neuron.
     */
    public DMatrixRMaj empiricalKernel(DMatrixRMaj x) {
        int n = prepare(x);
        double[] counts = new double[n * n];
        double[] active = secondPreActivations;
        for (int r = 0; r < width; r++) {
            ReluNetworkKernels.neuronPreActivations(weights, r * dimension, dimension, inputsByCoordinate, n,
                    firstPreActivations);
            for (int i = 0; i < n; i++) {
                active[i] = firstPreActivations[i] >= 0.0 ? 1.0 : 0.0;
            }
            for (int i = 0; i < n; i++) {
                if (active[i] != 0.0) {
                    int row = i * n;
                    for (int j = i; j < n; j++) {
                        counts[row + j] += active[j];
                    }
                }
            }
        }
        DMatrixRMaj kernel = new DMatrixRMaj(n, n);
        double[] data = x.data;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double inner = 0.0;
                for (int c = 0; c < dimension; c++) {
                    inner += data[i * dimension + c] * data[j * dimension + c];
                }
                double value = inner * counts[i * n + j] / width;
                kernel.unsafe_set(i, j, value);
                kernel.unsafe_set(j, i, value);
            }
        }
        return kernel;
    }

    /** Checks x, grows the workspaces if needed, and caches x transposed; returns n. */
    private int prepare(DMatrixRMaj x) {
        if (x.numCols != dimension) {
            throw new IllegalArgumentException("inputs have " + x.numCols + " columns, the network expects "
                    + dimension);
        }
        int n = x.numRows;
        if (outputs.length < n) {
            inputsByCoordinate = new double[dimension][n];
            firstPreActivations = new double[n];
            secondPreActivations = new double[n];
            outputs = new double[n];
            residuals = new double[n];
        }
        ReluNetworkKernels.transpose(x.data, n, dimension, inputsByCoordinate);
        return n;
    }

    /** Neurons are taken in pairs (sharing input loads); the sum over neurons is grouped in pairs. */
    private void computeOutputs(int n, double[] out) {
        Arrays.fill(out, 0, n, 0.0);
        int r = 0;
        for (; r + 1 < width; r += 2) {
            ReluNetworkKernels.neuronPairPreActivations(weights, r * dimension, weights, (r + 1) * dimension,
                    dimension, inputsByCoordinate, n, firstPreActivations, secondPreActivations);
            ReluNetworkKernels.accumulateReluPair(firstPreActivations, signs[r], secondPreActivations, signs[r + 1],
                    n, out);
        }
        if (r < width) {
            ReluNetworkKernels.neuronPreActivations(weights, r * dimension, dimension, inputsByCoordinate, n,
                    firstPreActivations);
            ReluNetworkKernels.accumulateRelu(firstPreActivations, signs[r], n, out);
        }
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
    }

    /** Fills outputs and residuals at the current weights; returns the loss. */
    private double computeResiduals(int n, double[] y) {
        computeOutputs(n, outputs);
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
     * {@code gradientOut == null} the block is updated in place ({@code w -= eta g}); otherwise the gradient
     * is written out and the weights are left alone. Blocks are disjoint, so updating a block before the
     * next one is read is the same as a simultaneous update.
     */
    private void gradientPass(double[] x, int n, double eta, double[] gradientOut) {
        for (int first = 0; first < width; first += blockSize) {
            int size = Math.min(blockSize, width - first);
            ReluNetworkKernels.transposeBlock(weights, first, size, dimension, blockWeights);
            ReluNetworkKernels.blockGradient(x, n, dimension, residuals, blockWeights, size, blockSlab,
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
        }
    }

    private static void requireLength(double[] array, int length, String name) {
        if (array.length < length) {
            throw new IllegalArgumentException(name + " has length " + array.length + ", needs " + length);
        }
    }
}
