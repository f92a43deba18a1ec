package org.optreport.report.acceleration;

import static org.optreport.report.acceleration.AccelerationSettings.DEPTHS;
import static org.optreport.report.acceleration.AccelerationSettings.LOSSES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optreport.report.acceleration.AccelerationPlan.Cell;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/**
 * One point: per loss, the largest converging step of every seed at each depth, the network's left of the depth and the
 * end-to-end dynamics' right of it, against the linearised stability limit at the optimum.
 */
final class AccelerationFigure {
    /** Horizontal offset of the two searches' markers from their depth, so that they do not hide each other. */
    static final double OFFSET = 0.12;

    private AccelerationFigure() {}

    static Figure of(Map<Cell, CellSummary> cells) {
        // the same step-size range in both panels, so that the losses compare at a glance; whole tenths, so ticks reach the ends
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (CellSummary c : cells.values())
            for (double[] v : List.of(c.networkStep(), c.dynamicsStep(), new double[] {c.stepLimit()}))
                for (double eta : v)
                    if (Double.isFinite(eta)) {
                        lo = Math.min(lo, eta);
                        hi = Math.max(hi, eta);
                    }
        double yMin = Math.floor(lo * 10) / 10, yMax = Math.ceil(hi * 10) / 10;
        List<Panel> panels = new ArrayList<>();
        for (String loss : LOSSES) {
            List<Double> nx = new ArrayList<>(), ny = new ArrayList<>(), dx = new ArrayList<>(), dy = new ArrayList<>();
            double[] depth = new double[DEPTHS.size()], limit = new double[DEPTHS.size()];
            for (int i = 0; i < DEPTHS.size(); i++) {
                CellSummary c = cells.get(new Cell(loss, DEPTHS.get(i)));
                depth[i] = DEPTHS.get(i);
                limit[i] = c.stepLimit();
                for (double eta : c.networkStep()) { nx.add(depth[i] - OFFSET); ny.add(eta); }
                for (double eta : c.dynamicsStep()) { dx.add(depth[i] + OFFSET); dy.add(eta); }
            }
            List<Series> series = List.of(
                    new Series("linear limit at W*", depth, limit, null, null, Series.Style.LINE_MARKERS),
                    Series.markers("network (each seed)", array(nx), array(ny)),
                    Series.markers("end-to-end (each seed)", array(dx), array(dy)));
            panels.add(new Panel(loss, (loss.equals("l2") ? "ℓ2" : "ℓ4") + " loss: largest converging step",
                    new Axis("depth N", false, 0.5, 3.5), new Axis("step size η", false, yMin, yMax), series));
        }
        return new Figure(panels);
    }

    private static double[] array(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).toArray(); }
}
