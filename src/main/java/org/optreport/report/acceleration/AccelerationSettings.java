package org.optreport.report.acceleration;

import static org.optreport.experiment.settings.Interval.closed;
import static org.optreport.experiment.settings.Interval.openClosed;
import static org.optreport.experiment.settings.SettingType.integer;
import static org.optreport.experiment.settings.SettingType.real;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.study.StudyConfig;

/** The acceleration study's settings, read once so that the plan and the analysis agree. */
record AccelerationSettings(int seeds, int steps, double excessTarget, double scanSmallest, double scanLargest, double scanRatio,
                            double tolerance, double initScale, int width) {
    static final List<String> LOSSES = List.of("l2", "l4");
    /** Depth 1 is plain gradient descent, the baseline of every speed-up. */
    static final List<Integer> DEPTHS = List.of(1, 2, 3);

    static final Setting<Integer> SEEDS = Setting.of("seeds", integer(1, 100), 5,
            "seeds (1, 2, ...) of the initialization per loss and depth").withQuickDefault(2);
    static final Setting<Integer> STEPS = Setting.of("steps", integer(10, 10_000_000), 3000, "the step budget of every run")
            .withQuickDefault(1000);
    static final Setting<Double> EXCESS_TARGET = Setting.of("excessTarget", real(openClosed(0, 1)), 1e-6,
            "a run converges when its excess loss stays at or below this from some step to the end of the budget").withQuickDefault(1e-4);
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
    static final List<Setting<?>> ALL = List.of(SEEDS, STEPS, EXCESS_TARGET, SCAN_SMALLEST, SCAN_LARGEST, SCAN_RATIO, TOLERANCE,
            INIT_SCALE, WIDTH);

    static AccelerationSettings read(StudyConfig c) {
        AccelerationSettings s = new AccelerationSettings(c.get(SEEDS), c.get(STEPS), c.get(EXCESS_TARGET), c.get(SCAN_SMALLEST),
                c.get(SCAN_LARGEST), c.get(SCAN_RATIO), c.get(TOLERANCE), c.get(INIT_SCALE), c.get(WIDTH));
        if (s.scanLargest <= s.scanSmallest)
            throw c.unusable(SCAN_LARGEST.key(), "must be larger than scanSmallest (" + s.scanSmallest + "), got " + s.scanLargest);
        return s;
    }

    /** The experiment's parameters for one loss, depth and seed. */
    Map<String, String> parameters(String loss, int depth, long seed) {
        Map<String, String> p = new TreeMap<>();
        p.put("dataset", "diabetes");
        p.put("loss", loss);
        p.put("depth", Integer.toString(depth));
        p.put("width", Integer.toString(width));
        p.put("initScale", Double.toString(initScale));
        p.put("seed", Long.toString(seed));
        p.put("steps", Integer.toString(steps));
        p.put("excessTarget", Double.toString(excessTarget));
        p.put("scanSmallest", Double.toString(scanSmallest));
        p.put("scanLargest", Double.toString(scanLargest));
        p.put("scanRatio", Double.toString(scanRatio));
        p.put("tolerance", Double.toString(tolerance));
        return p;
    }
}
