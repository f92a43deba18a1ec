package org.optreport.report.ultrawide;

import static org.optreport.report.stats.Median.medianOfSorted;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.optreport.results.Trace;
import com.fasterxml.jackson.databind.JsonNode;
import org.optreport.experiment.Json;
import org.optreport.report.stats.PiecewiseLinear;

/**
 * Curves over seeds from the runs' every-step traces (docs/results-format.md, {@code trace}). A trace keeps every
 * step of a short run, or per log-spaced bucket its first, smallest, largest and last value; runs of one width keep
 * different steps (their extremes fall at different steps), so they are merged on the union of their kept steps.
 * Between two kept points a run's value is read off the straight line its own chart would draw, which stays within
 * the bucket's exact range: every run's kept points, its extremes among them, lie within the band, and the band
 * reaches beyond no run's kept values.
 */
final class UltrawideTraceBands {
    private UltrawideTraceBands() {}

    /** Median and min..max over runs at each step of the merged grid. */
    record Band(double[] step, double[] median, double[] min, double[] max) {}

    /** The band of one quantity's traces, one trace per run. */
    static Band band(List<Trace> traces) {
        double[][] steps = new double[traces.size()][], values = new double[traces.size()][];
        TreeSet<Double> grid = new TreeSet<>();
        double end = Double.POSITIVE_INFINITY;
        for (int r = 0; r < steps.length; r++) {
            steps[r] = UltrawideMetrics.steps(traces.get(r).step());
            values[r] = traces.get(r).value();
            for (double s : steps[r]) grid.add(s);
            end = Math.min(end, steps[r][steps[r].length - 1]);  // a run that stopped early bounds the common range
        }
        double[] step = grid.headSet(end, true).stream().mapToDouble(Double::doubleValue).toArray();
        double[] median = new double[step.length], min = new double[step.length], max = new double[step.length];
        double[] atStep = new double[traces.size()];
        for (int k = 0; k < step.length; k++) {
            for (int r = 0; r < atStep.length; r++) atStep[r] = valueAt(steps[r], values[r], step[k]);
            Arrays.sort(atStep);
            int n = atStep.length;
            median[k] = medianOfSorted(atStep);
            min[k] = atStep[0];
            max[k] = atStep[n - 1];
        }
        return new Band(step, median, min, max);
    }

    /** The kept value at {@code step}, or the straight line between the kept points around it. */
    static double valueAt(double[] steps, double[] values, double step) {
        // the grid lies within every run's trace: a step outside one is a bug, not a gap to leave blank
        if (!(step >= steps[0] && step <= steps[steps.length - 1])) throw new IllegalArgumentException("step " + step + " outside the trace");
        return PiecewiseLinear.at(steps, values, step);
    }
}
