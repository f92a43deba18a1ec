package org.optreport.bench;

import java.util.Arrays;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.data.Preprocessing;
import org.optreport.data.SyntheticData;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;

/**
 * A deep-linear-network size as the benchmarks name it: the widths d0..dN joined by 'x' ({@code 10x100x100x1};
 * 'x' rather than ',' because JMH splits command-line parameter lists on commas).
 */
public record DlnShape(int[] widths) {
    public DlnShape {
        if (widths.length < 2) throw new IllegalArgumentException("a shape needs at least d0 and d1");
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("widths must be positive: " + Arrays.toString(widths));
        widths = widths.clone();
    }

    public static DlnShape parse(String text) {
        String[] parts = text.trim().split("x");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shape '" + text + "' must be widths joined by 'x', e.g. 10x100x1");
            }
        }
        return new DlnShape(widths);
    }

    @Override public int[] widths() { return widths.clone(); }

    public int depth() { return widths.length - 1; }

    public int parameterCount() {
        int p = 0;
        for (int j = 1; j < widths.length; j++) p += widths[j] * widths[j - 1];
        return p;
    }

    int d(int j) { return widths[j]; }

    /**
     * The network the experiments train, at a point of the kind they visit: exactly balanced with end-to-end
     * Frobenius norm 1 (away from the origin, so the gradient and the composition curvature are not zero).
     */
    public DeepLinearNetwork network() {
        return DeepLinearNetwork.balanced(widths, 1.0, 1);
    }

    /**
     * The squared loss on the standardized diabetes data when the end widths are its (10 inputs, 1 target),
     * otherwise on a seeded linear teacher of the same dimensions with as many samples (442).
     */
    public SquaredLoss loss() {
        Dataset data = Datasets.load("diabetes");
        if (data.inputDimension() != widths[0] || data.outputDimension() != widths[widths.length - 1])
            data = SyntheticData.linearTeacher(data.samples(), widths[0], widths[widths.length - 1], 0.1, 1);
        data = Preprocessing.standardize(data);
        return SquaredLoss.of(data.x(), data.y());
    }

    @Override public String toString() {
        StringBuilder s = new StringBuilder();
        for (int w : widths) s.append(s.length() == 0 ? "" : "x").append(w);
        return s.toString();
    }

    @Override public boolean equals(Object o) { return o instanceof DlnShape other && Arrays.equals(widths, other.widths); }

    @Override public int hashCode() { return Arrays.hashCode(widths); }
}
