package org.optreport.experiment;

import java.util.Arrays;
import org.optreport.bench.DlnShape;

/**
 * The widths d_0, ..., d_N of a deep linear network as the landscape and trajectory experiments build it (inputs,
 * the hidden width N - 1 times, outputs), sized in doubles so that networks too large to build can be measured.
 */
record NetworkWidths(int[] widths) {
    static NetworkWidths of(int inputs, int outputs, int depth, int width) {
        int[] w = new int[depth + 1];
        Arrays.fill(w, width);
        w[0] = inputs;
        w[depth] = outputs;
        return new NetworkWidths(w);
    }

    @Override public int[] widths() { return widths.clone(); }

    int depth() { return widths.length - 1; }

    /** sum_j d_j d_{j-1}. */
    double parameters() {
        double p = 0;
        for (int j = 1; j < widths.length; j++) p += (double) widths[j] * widths[j - 1];
        return p;
    }

    /** For the flop counts of {@link org.optreport.bench.DlnFlops}. */
    DlnShape shape() { return new DlnShape(widths); }

    /** Marks every layer W_j (d_j x d_{j-1}) and the parameter vector unrepresentable if they are too large. */
    void checkLayers(CostEstimate cost, String... keys) {
        for (int j = 1; j < widths.length; j++)
            cost.doubles("layer W_" + j + " of " + CostEstimate.count(widths[j]) + " x " + CostEstimate.count(widths[j - 1]), widths[j], widths[j - 1], 0, keys);
        cost.doubles("the parameter vector", parameters(), 1, 0, keys);
    }

    /**
     * Marks the input moments X^T X / n (d_0 x d_0), which SquaredLoss builds at every depth, unrepresentable if a
     * dataset has too many columns: else EJML refuses them mid-run in words that name no parameter.
     */
    void checkInputMoments(CostEstimate cost, String... keys) {
        cost.doubles("the input moments X^T X / n of " + CostEstimate.count(widths[0]) + " x " + CostEstimate.count(widths[0]),
                widths[0], widths[0], 0, keys);
    }

    /**
     * DeepLinearNetwork.imbalance: for each hidden layer j two d_j x d_j Gram matrices, W_{j+1}^T W_{j+1}
     * (2 d_j^2 d_{j+1} flops) and W_j W_j^T (2 d_j^2 d_{j-1}), their difference and its norm (3 d_j^2).
     */
    double imbalanceFlops() {
        double f = 0;
        for (int j = 1; j < depth(); j++) {
            double square = (double) widths[j] * widths[j];
            f += 2 * square * (widths[j + 1] + widths[j - 1]) + 3 * square;
        }
        return f;
    }

    /** The largest hidden width (0 for depth 1): the imbalance allocates two Gram matrices of its square. */
    int largestHidden() {
        return Arrays.stream(widths, 1, widths.length - 1).max().orElse(0);
    }
}
