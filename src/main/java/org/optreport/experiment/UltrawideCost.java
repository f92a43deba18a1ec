package org.optreport.experiment;

import java.util.List;
import org.optreport.data.Dataset;

/**
 * The cost of an ultrawide run, read off {@link UltrawideExperiment#run}: the n x n infinite-width kernel and its
 * eigen-decomposition, then for every (width, seed) a two-layer ReLU network of width m trained on n samples of d
 * inputs, its empirical kernel at the start and the end (m n^2 / 2 co-activation counts each), and the kernel
 * dynamics beside it, with three every-step traces per run.
 */
final class UltrawideCost {
    /**
     * n x n matrices alive at once in the worst part of a run: H*, its decomposition (copy, eigenvectors, solver
     * work) kept for the spectrum, the initial empirical kernel and its deviation, the two dynamics' own decompositions (H* and H(0)),
     * the co-activation counts and the final kernel change.
     */
    static final int KERNEL_MATRICES = 15;
    /** A symmetric eigen-decomposition with eigenvectors of an n x n matrix takes about 9 n^3 flops, eigenvalues alone 2 n^3. */
    static final double EIGEN_FLOPS_PER_CUBE = 9, EIGENVALUE_FLOPS_PER_CUBE = 2;
    /** Flops of one entry of the infinite-width kernel: a d-dimensional dot product and an arc cosine. */
    static final double ARC_COSINE_FLOPS = 30;
    /** Traces per run (the losses of the network and of the two kernel dynamics, the distance and its two parts); a {@link StepTrace} keeps 4 doubles, 5 ints and a flag per bucket. */
    static final int TRACES = 6, TRACE_DOUBLES_PER_BUCKET = 7;

    private UltrawideCost() {}

    static RunCost of(Parameters p) {
        int samples = p.get(UltrawideExperiment.SAMPLES);
        List<Integer> widths = p.get(UltrawideExperiment.WIDTHS);
        int seeds = p.get(UltrawideExperiment.SEEDS).size();
        int steps = p.get(UltrawideExperiment.STEPS);
        int records = p.get(UltrawideExperiment.RECORDS);
        int traceBuckets = p.get(UltrawideExperiment.TRACE_BUCKETS);
        Dataset data = UltrawideExperiment.DATA.load(p);
        double n = Math.min(samples, data.samples()), d = data.inputDimension();
        double runs = (double) widths.size() * seeds;
        double neurons = widths.stream().mapToDouble(Integer::doubleValue).sum() * seeds;
        double widest = widths.stream().mapToInt(Integer::intValue).max().orElse(1);
        int recorded = RecordingSchedule.logSpaced(steps, records).length;
        // A trace keeps every step while steps <= 4 x buckets, else up to 4 points in each of at most buckets + 1 buckets.
        double tracePoints = Math.min(steps + 1.0, 4.0 * (traceBuckets + 1));
        double traceBucketCount = Math.min(steps + 1.0, traceBuckets + 1.0);
        String shape = CostEstimate.count(n) + " samples x " + CostEstimate.count(d) + " inputs";

        CostEstimate cost = new CostEstimate(p).dataset(data, "dataset");
        cost.doubles(KERNEL_MATRICES + " kernel matrices of " + CostEstimate.count(n) + " x " + CostEstimate.count(n), n, n, KERNEL_MATRICES, "samples");
        cost.doubles("the widest network's weights and initial weights, and the copies a recorded step compares, "
                + CostEstimate.count(widest) + " x " + CostEstimate.count(d), widest, d, 5, "widths");
        cost.doubles("the recorded outputs of " + CostEstimate.count(runs) + " runs", runs * recorded, n, 2, "widths", "seeds", "records", "samples");
        cost.doubles("the step traces of one run", TRACES * TRACE_DOUBLES_PER_BUCKET, traceBucketCount, 1, "traceBuckets", "steps");
        cost.flops("gradient descent and the activations flipping within the recorded steps: " + CostEstimate.count(steps) + " steps of networks of " + CostEstimate.count(neurons)
                        + " neurons in all on " + shape,
                neurons * (steps * 6 * n * d + 2 * n * d + recorded * (4 * n * d + n + 4 * n * d + 3 * d)), CostEstimate.RELU_FLOPS_PER_SECOND,
                "widths", "seeds", "steps", "samples");
        // Co-activations as bit sets: 64 neurons per bit operation (an AND and a bit count) for each of n^2 / 2 pairs.
        cost.flops("the empirical kernels at the start and end of every run: co-activations of " + CostEstimate.count(neurons)
                        + " neurons over " + CostEstimate.count(n) + "^2 / 2 sample pairs, as bit sets, twice",
                neurons * 2 * (2 * n * d + n + n * n / 64) + runs * 2 * n * n * d, CostEstimate.MATRIX_FLOPS_PER_SECOND, "widths", "seeds", "samples");
        cost.flops("the kernel dynamics of H* and of H(0): " + CostEstimate.count(steps) + " steps of two " + CostEstimate.count(n) + " x " + CostEstimate.count(n)
                        + " kernels times a vector in each of " + CostEstimate.count(runs) + " runs, with the traced losses and distance,"
                        + " and both residuals projected on the eigenvectors of H* at every recorded step",
                runs * (2 * steps * (2 * n * n + 9 * n) + recorded * 2 * (2 * n * n + 3 * n)), CostEstimate.MATRIX_FLOPS_PER_SECOND,
                "steps", "samples", "widths", "seeds", "records");
        cost.flops("the infinite-width kernel and " + CostEstimate.count(1 + 5 * runs) + " eigen-decompositions of " + CostEstimate.count(n)
                        + " x " + CostEstimate.count(n),
                n * n / 2 * (2 * d + ARC_COSINE_FLOPS) + n * n * n * ((1 + 2 * runs) * EIGEN_FLOPS_PER_CUBE + 3 * runs * EIGENVALUE_FLOPS_PER_CUBE),
                CostEstimate.MATRIX_FLOPS_PER_SECOND, "samples", "widths", "seeds");
        cost.resultNumbers("the kernel Gram matrix", n * n, "samples");
        // Per recorded step: two output vectors, eight scalars, three losses split into three groups of eigen-directions and
        // the four numbers of the step's flips.
        cost.resultNumbers("the recorded outputs", runs * recorded * (2 * n + 21), "widths", "seeds", "records", "samples");
        cost.resultNumbers("the step traces", runs * TRACES * 2 * tracePoints, "widths", "seeds", "traceBuckets", "steps");
        cost.resultNumbers("the processed dataset", n * (d + 1), "samples");
        return cost.cost();
    }
}
