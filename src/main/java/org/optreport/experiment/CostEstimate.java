package org.optreport.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.optreport.data.Dataset;

/**
 * Adds up a run's {@link RunCost} from the parts its code path allocates and computes, each described with the
 * parameter values that size it. Heap parts are summed as if all were alive at once, and work is converted to
 * seconds at rates below those measured, so the estimate errs on the large side.
 */
final class CostEstimate {
    /** Entries a Java array (HotSpot refuses lengths within a few of 2^31 - 1) or an EJML matrix can hold. */
    static final double MAX_ENTRIES = Integer.MAX_VALUE - 8;
    /**
     * Sustained speed of one core on EJML's products and eigen-solvers and on loops over long vectors: 2.3-4.2
     * GFLOP/s measured on the development machine (JDK 17) for products of 200-1000 square matrices, about 2 for the
     * deep-linear-network gradient and 3 for Lanczos; a third of that is assumed for slower machines and larger sizes.
     */
    static final double MATRIX_FLOPS_PER_SECOND = 1e9;
    /**
     * The vectorized loops of the two-layer ReLU network (TwoLayerReluNetwork): a gradient step of width 30,000 on
     * 256 samples of 10 inputs, 6 m n d flops, took 38 ms on the development machine, 12 GFLOP/s; a third assumed.
     */
    static final double RELU_FLOPS_PER_SECOND = 4e9;
    /**
     * Heap per number of a result document while it is built and written: a Jackson DoubleNode in its array (29 B
     * measured), then the pretty-printed text (23 characters per number measured) held as chars while written and
     * again as the String returned.
     */
    static final double RESULT_BYTES_PER_NUMBER = 150;
    /** Jackson writes a few million numbers per second; 2e-7 s each is at the slow end. */
    static final double RESULT_SECONDS_PER_NUMBER = 2e-7;
    /**
     * Heap per value of a dataset: the file's bytes and its text (about 20 characters per value), the parsed rows,
     * the selected columns, and the copies preprocessing makes (first samples, standardized, unit rows).
     */
    static final double DATASET_BYTES_PER_VALUE = 100;
    /** Reading and parsing a CSV value (the bundled files parse at several million values per second). */
    static final double DATASET_SECONDS_PER_VALUE = 1e-6;
    /** The program itself: loaded classes, Jackson, EJML, the bundled datasets, the build's bookkeeping. */
    static final double BASELINE_BYTES = 64.0 * (1 << 20);

    private final Parameters parameters;
    private final List<RunCost.Term> heap = new ArrayList<>();
    private final List<RunCost.Term> time = new ArrayList<>();
    private RunCost.Term unrepresentable;

    CostEstimate(Parameters parameters) {
        this.parameters = parameters;
        heap.add(new RunCost.Term("the program itself", List.of(), BASELINE_BYTES));
    }

    /** {@code copies} arrays or matrices of rows x columns doubles, alive together (copies 0: only checked). */
    CostEstimate doubles(String what, double rows, double columns, double copies, String... keys) {
        double entries = rows * columns;
        if (entries > MAX_ENTRIES && unrepresentable == null)
            unrepresentable = term(what + ": " + count(entries) + " entries", keys, entries);
        if (copies > 0) heap.add(term(what, keys, 8 * entries * copies));
        return this;
    }

    /** Numbers the result document holds. */
    CostEstimate resultNumbers(String what, double numbers, String... keys) {
        heap.add(term(what + " in the result, " + count(numbers) + " numbers", keys, RESULT_BYTES_PER_NUMBER * numbers));
        time.add(term("writing " + what + " into the result, " + count(numbers) + " numbers", keys, RESULT_SECONDS_PER_NUMBER * numbers));
        return this;
    }

    /** The dataset the run loads, with the copies preprocessing makes of it. */
    CostEstimate dataset(Dataset loaded, String... keys) {
        double values = (double) loaded.samples() * (loaded.inputDimension() + loaded.outputDimension());
        String what = "the dataset, " + count(loaded.samples()) + " samples x "
                + count(loaded.inputDimension() + loaded.outputDimension()) + " columns";
        heap.add(term(what, keys, DATASET_BYTES_PER_VALUE * values));
        time.add(term("reading " + what, keys, DATASET_SECONDS_PER_VALUE * values));
        return this;
    }

    /** Floating-point work done at {@code flopsPerSecond}. */
    CostEstimate flops(String what, double flops, double flopsPerSecond, String... keys) {
        time.add(term(what + ", " + scientific(flops) + " flops", keys, flops / flopsPerSecond));
        return this;
    }

    /** Time that is not floating-point work (waiting for benchmark iterations, starting JVMs). */
    CostEstimate seconds(String what, double seconds, String... keys) {
        time.add(term(what, keys, seconds));
        return this;
    }

    RunCost cost() {
        double bytes = heap.stream().mapToDouble(RunCost.Term::amount).sum();
        double seconds = time.stream().mapToDouble(RunCost.Term::amount).sum();
        return new RunCost(bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bytes), seconds, largest(heap), largest(time),
                Optional.ofNullable(unrepresentable));
    }

    private static RunCost.Term largest(List<RunCost.Term> terms) {
        return terms.isEmpty() ? new RunCost.Term("nothing", List.of(), 0) : terms.stream().max(Comparator.comparingDouble(RunCost.Term::amount)).get();
    }

    /** The description followed by the values of the keys that size it: {@code ... (depth=64, width=1000)}. */
    private RunCost.Term term(String what, String[] keys, double amount) {
        StringBuilder s = new StringBuilder(what);
        for (int i = 0; i < keys.length; i++)
            s.append(i == 0 ? " (" : ", ").append(keys[i]).append('=').append(parameters.string(keys[i]));
        if (keys.length > 0) s.append(')');
        return new RunCost.Term(s.toString(), List.of(keys), amount);
    }

    /** A count with thousands separators, or in scientific notation beyond 10^15. */
    static String count(double n) {
        return n < 1e15 ? String.format(Locale.ROOT, "%,.0f", n) : scientific(n);
    }

    static String scientific(double n) {
        return String.format(Locale.ROOT, "%.2g", n);
    }
}
