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
 * end-to-end dynamics' right of it, each seed at its own small horizontal offset so that seeds with equal steps stay
 * visible, against the linearised stability limit at the optimum, drawn as a short segment across each depth's
 * markers (broken between depths: nothing lies between them to interpolate).
 */
final class AccelerationFigure {
    /** Horizontal offset of the two searches' markers from their depth, so that they do not hide each other. */
    static final double OFFSET = 0.2;
    /** Horizontal distance between consecutive seeds' markers within one search's column. */
    static final double SEED_SPACING = 0.035;

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
                int seeds = c.networkStep().length;
                for (int s = 0; s < seeds; s++) {
                    double jitter = (s - (seeds - 1) / 2.0) * SEED_SPACING;
                    nx.add(depth[i] - OFFSET + jitter);
                    ny.add(c.networkStep()[s]);
                    dx.add(depth[i] + OFFSET + jitter);
                    dy.add(c.dynamicsStep()[s]);
                }
            }
            List<Series> series = List.of(
                    // the theory's limit, black; the network's searches and the dynamics' in the first two palette colours
                    Series.line("linear limit 2/λmax(P_W* H)", segments(depth, true), segments(limit, false)).asTheory(false),
                    Series.markers("network (each seed; N ≥ 2: within the budget)", array(nx), array(ny)).inPaletteColour(0),
                    Series.markers("end-to-end (each seed)", array(dx), array(dy)).inPaletteColour(1));
            panels.add(new Panel(loss, (loss.equals("l2") ? "ℓ2" : "ℓ4") + " loss: largest converging step",
                    new Axis("depth N", false, 0.6, 3.4, true), new Axis("step size η", false, yMin, yMax), series));
        }
        return new Figure(panels);
    }

    /** Half the width of a limit's segment, which spans both searches' markers at its depth. */
    static final double SEGMENT = 0.35;

    /** Per depth two points, then a NaN that breaks the line: x from depth - SEGMENT to depth + SEGMENT, or y repeated. */
    static double[] segments(double[] v, boolean x) {
        double[] out = new double[3 * v.length - 1];
        for (int i = 0; i < v.length; i++) {
            out[3 * i] = x ? v[i] - SEGMENT : v[i];
            out[3 * i + 1] = x ? v[i] + SEGMENT : v[i];
            if (i + 1 < v.length) out[3 * i + 2] = Double.NaN;
        }
        return out;
    }

    private static double[] array(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).toArray(); }
}
