package org.optreport.report.acceleration;

import static org.optreport.experiment.settings.Interval.closed;
import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.experiment.DatasetParameters;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.study.StudyConfig;
import org.optreport.report.study.StudyDataset;

/** The acceleration study's settings, read once so that the plan and the analysis agree. */
record AccelerationSettings(StudyDataset data, int seeds, int steps, double excessTarget, double scanSmallest, double scanLargest, double scanRatio,
                            double tolerance, double initScale, int width, double gridSmallest,
                            double gridLargest, int gridPoints) {
    static final List<String> LOSSES = List.of("l2", "l4");
    /** Depth 1 is plain gradient descent, the baseline of every speed-up. */
    static final List<Integer> DEPTHS = List.of(1, 2, 3);

    static final Setting<Integer> SEEDS = Setting.of("seeds", integer(1, 100), 5,
            "seeds (1, 2, ...) of the initialization per loss and depth").withQuickDefault(2);
    static final Setting<Integer> STEPS = Setting.of("steps", integer(10, 5_000_000), 3000,
            "the arrival budget: a run must reach the target by this step, and may run to twice it to hold it").withQuickDefault(1000);
    static final Setting<Double> EXCESS_TARGET = Setting.of("excessTarget", real(openClosed(0, 1)), 1e-6,
            "a run converges when its excess loss reaches this by the budget and holds it, still decreasing, as long again").withQuickDefault(1e-4);
    static final Setting<Double> SCAN_SMALLEST = Setting.of("scanSmallest", real(openClosed(0, 100)), 0.15,
            "smallest step size of the scan that brackets the largest converging step");
    static final Setting<Double> SCAN_LARGEST = Setting.of("scanLargest", real(openClosed(0, 100)), 1.4,
            "largest step size of the scan (it should not converge)");
    static final Setting<Double> SCAN_RATIO = Setting.of("scanRatio", real(openClosed(1, 10)), 1.25,
            "ratio of consecutive scanned step sizes (more than 1)").withQuickDefault(1.5);
    static final Setting<Double> TOLERANCE = Setting.of("tolerance", real(closed(1e-6, 1)), 0.005,
            "the bisection stops when its bracket's ends are within this relative distance").withQuickDefault(0.02);
    static final Setting<Double> INIT_SCALE = Setting.of("initScale", real(openClosed(0, 100)), 1e-3,
            "end-to-end norm of the balanced initialization");
    static final Setting<Integer> WIDTH = Setting.of("width", integer(1, 1000), 10, "hidden width");
    static final Setting<Double> GRID_SMALLEST = Setting.of("gridSmallest", real(openClosed(0, 100)), 0.2,
            "smallest step size of the common grid (seed 1 of every loss and depth)");
    static final Setting<Double> GRID_LARGEST = Setting.of("gridLargest", real(openClosed(0, 100)), 0.48,
            "largest step size of the common grid (below every linear limit at W*)");
    static final Setting<Integer> GRID_POINTS = Setting.of("gridPoints", integer(2, 1000), 20,
            "equally spaced step sizes of the common grid, both ends included").withQuickDefault(8);
    static final List<Setting<?>> ALL = List.of(DatasetParameters.DATASET, DatasetParameters.INPUTS, DatasetParameters.TARGETS, SEEDS, STEPS, EXCESS_TARGET, SCAN_SMALLEST, SCAN_LARGEST, SCAN_RATIO, TOLERANCE,
            INIT_SCALE, WIDTH, GRID_SMALLEST, GRID_LARGEST, GRID_POINTS);

    static AccelerationSettings read(StudyConfig c) {
        AccelerationSettings s = new AccelerationSettings(StudyDataset.read(c, DatasetParameters.STANDARD), c.get(SEEDS), c.get(STEPS), c.get(EXCESS_TARGET), c.get(SCAN_SMALLEST),
                c.get(SCAN_LARGEST), c.get(SCAN_RATIO), c.get(TOLERANCE), c.get(INIT_SCALE), c.get(WIDTH), c.get(GRID_SMALLEST),
                c.get(GRID_LARGEST), c.get(GRID_POINTS));
        if (s.scanLargest <= s.scanSmallest)
            throw c.unusable(SCAN_LARGEST.key(), "must be larger than scanSmallest (" + s.scanSmallest + "), got " + s.scanLargest);
        if (s.gridLargest <= s.gridSmallest)
            throw c.unusable(GRID_LARGEST.key(), "must be larger than gridSmallest (" + s.gridSmallest + "), got " + s.gridLargest);
        return s;
    }

    /**
     * The experiment's parameters for one loss, depth and seed: seed 1 also runs the common grid; {@code budgetFactor} 2
     * is the check run at twice the budget (no grid).
     */
    Map<String, String> parameters(String loss, int depth, long seed, int budgetFactor) {
        Map<String, String> p = new TreeMap<>();
        data.addTo(p);
        p.put("loss", loss);
        p.put("depth", Integer.toString(depth));
        p.put("width", Integer.toString(width));
        p.put("initScale", Double.toString(initScale));
        p.put("seed", Long.toString(seed));
        p.put("steps", Integer.toString(steps * budgetFactor));
        p.put("excessTarget", Double.toString(excessTarget));
        p.put("scanSmallest", Double.toString(scanSmallest));
        p.put("scanLargest", Double.toString(scanLargest));
        p.put("scanRatio", Double.toString(scanRatio));
        p.put("tolerance", Double.toString(tolerance));
        p.put("gridSmallest", Double.toString(gridSmallest));
        p.put("gridLargest", Double.toString(gridLargest));
        p.put("gridPoints", Integer.toString(seed == 1 && budgetFactor == 1 ? gridPoints : 0));
        return p;
    }
}
