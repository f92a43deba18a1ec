package org.optreport.experiment;

import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;
import static org.optreport.experiment.settings.SettingType.reals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.optreport.data.Dataset;
import org.optreport.data.Preprocessing;
import org.optreport.experiment.settings.Setting;
import org.optreport.results.DatasetRows;
import org.optreport.results.NonconvexityResult;
import org.optreport.results.ResultDocuments;

/**
 * Part 1: the training loss of the scalar depth-2 linear network phi(w1, w2) = (1/2n) sum_i (w2 w1 x_i - y_i)^2
 * on one standardized input column, evaluated sample by sample on a grid, and along the segment between the two
 * balanced global minima (a, p/a) and (-a, -p/a).
 */
public final class NonconvexityExperiment implements Experiment {
    /** The dataset and its one input and one target column (the network is scalar); of diabetes, the body-mass index. */
    private static final DatasetParameters DATA = DatasetParameters.STANDARD.withDefaultInputs(List.of("bmi"));
    private static final Setting<Integer> GRID = Setting.of("grid", integer(3, 2001), 161, "grid points per axis of the heat map");
    private static final Setting<Double> RANGE = Setting.of("range", real(openClosed(0, 1e6)), 2.0, "the grid covers [-range, range]^2");
    private static final Setting<Integer> SEGMENT_POINTS = Setting.of("segmentPoints", integer(3, 100001), 101,
            "points on the segment between the two minima");
    private static final Setting<List<Double>> STABLE_STARTS = Setting.of("stableStarts", reals(openClosed(0, 100)),
            List.of(0.25, 0.5, 1.0, 1.5, 2.0), "starts a: gradient descent from (a, -a) on the saddle's stable line, step bisected");
    /** Bisection steps per start (the bracket halves from 4/|sxy| to 1e-10 of its width) and runs of at most ~60 steps each. */
    private static final double BISECTION_RUNS = 40, STEPS_PER_RUN = 60;
    /** Flops of one sample's term of the loss: (w2 w1 x - y)^2 summed. */
    private static final double FLOPS_PER_SAMPLE = 5;

    @Override public String name() { return "nonconvexity"; }

    @Override public List<Setting<?>> parameters() { return List.of(DATA.dataset(), DATA.inputs(), DATA.targets(), GRID, RANGE, SEGMENT_POINTS, STABLE_STARTS); }

    /** The grid of losses, each summed sample by sample: grid^2 + segmentPoints passes over the data. */
    @Override public RunCost cost(Parameters p) {
        int grid = p.get(GRID);
        int segmentPoints = p.get(SEGMENT_POINTS);
        Dataset data = load(p);
        double points = (double) grid * grid + segmentPoints + p.get(STABLE_STARTS).size() * BISECTION_RUNS * STEPS_PER_RUN;
        return new CostEstimate(p).dataset(data, "dataset")
                .doubles("the loss grid of " + grid + " x " + grid, grid, grid, 1, "grid")
                .resultNumbers("the loss grid", (double) grid * grid, "grid")
                .resultNumbers("the processed dataset", 2.0 * data.samples(), "dataset")
                .flops("the loss at " + CostEstimate.count(points) + " points, each summed over " + CostEstimate.count(data.samples()) + " samples",
                        points * data.samples() * FLOPS_PER_SAMPLE, CostEstimate.MATRIX_FLOPS_PER_SECOND, "grid", "segmentPoints", "stableStarts", "dataset")
                .cost();
    }

    @Override public ObjectNode run(Parameters p, Progress progress) {
        int grid = p.get(GRID);
        double range = p.get(RANGE);
        int segmentPoints = p.get(SEGMENT_POINTS);
        Dataset data = Preprocessing.standardize(load(p));
        double[] x = data.x().data, y = data.y().data;

        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += x[i] * x[i] / x.length;
            sxy += x[i] * y[i] / x.length;
            syy += y[i] * y[i] / x.length;
        }
        double optimalProduct = sxy / sxx;

        double[] axis = new double[grid];
        for (int k = 0; k < grid; k++) axis[k] = -range + 2 * range * k / (grid - 1);
        double[][] loss = new double[grid][grid];
        for (int row = 0; row < grid; row++)
            for (int col = 0; col < grid; col++) loss[row][col] = loss(axis[col], axis[row], x, y);

        double a = Math.sqrt(Math.abs(optimalProduct)), b = optimalProduct / a;
        double[] t = new double[segmentPoints], segment = new double[segmentPoints];
        for (int k = 0; k < segmentPoints; k++) {
            t[k] = (double) k / (segmentPoints - 1);
            double w1 = (1 - t[k]) * a + t[k] * (-a), w2 = (1 - t[k]) * b + t[k] * (-b);
            segment[k] = loss(w1, w2, x, y);
        }

        List<Double> starts = p.get(STABLE_STARTS);
        double[] startA = new double[starts.size()], critical = new double[starts.size()], bracket = new double[starts.size()];
        // The stable line is the eigenvector of the positive Hessian eigenvalue at the origin: w1 = -w2 when sxy > 0.
        StableLineBisection bisection = new StableLineBisection(x, y, sxy > 0 ? -1 : 1);
        for (int k = 0; k < starts.size(); k++) {
            startA[k] = starts.get(k);
            // every run on the line diverges once eta (|sxy| + sxx a^2) > 2, so 4/|sxy| is above the critical step
            double[] found = bisection.criticalStep(startA[k], 4 / Math.abs(sxy));
            critical[k] = (found[0] + found[1]) / 2;
            bracket[k] = found[1] - found[0];
        }

        NonconvexityResult result = new NonconvexityResult(NonconvexityResult.SCHEMA, p.asMap(),
                new DatasetRows(data.name(), data.xRows(), data.yRows()), sxx, sxy, syy, optimalProduct, loss(a, b, x, y), loss(0, 0, x, y),
                new NonconvexityResult.Grid(axis, axis, loss),
                new NonconvexityResult.Segment(new double[] {a, b}, new double[] {-a, -b}, t, segment),
                new NonconvexityResult.StableLine(startA, critical, bracket));
        return ResultDocuments.write(result);
    }

    private static Dataset load(Parameters p) {
        Dataset data = DATA.load(p);
        if (data.inputDimension() != 1 || data.outputDimension() != 1)
            throw new ParameterException("parameters inputs=" + p.string(DATA.inputs().key()) + " and targets=" + p.string(DATA.targets().key())
                    + " are not allowed: the network is scalar, it needs one input and one target column; " + data.name() + " gives "
                    + data.inputDimension() + " inputs (" + String.join(", ", data.inputColumns()) + ") and " + data.outputDimension() + " targets ("
                    + String.join(", ", data.targetColumns()) + ")");
        return data;
    }

    /** phi(w1, w2) summed sample by sample (the closed form in sxx, sxy, syy is what tests compare with). */
    static double loss(double w1, double w2, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = w2 * w1 * x[i] - y[i];
            s += r * r;
        }
        return s / (2 * x.length);
    }
}
