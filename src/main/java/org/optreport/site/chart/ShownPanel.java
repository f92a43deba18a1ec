package org.optreport.site.chart;

import java.util.ArrayList;
import java.util.List;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

/**
 * The part of a panel that can actually be drawn: non-finite values are dropped, and so are non-positive
 * values on logarithmic axes. The image and the CSV are both made from this, so they always agree.
 */
record ShownPanel(Panel panel, List<ShownSeries> series, List<ShownCell> cells) {

    /** One drawable point; {@code lower}/{@code upper} are NaN where no band is drawn at this point. */
    record ShownPoint(double x, double y, double lower, double upper) {
        boolean hasBand() { return !Double.isNaN(lower); }
    }

    /** A series with its drawable points, split into runs without gaps (a line breaks at dropped points). */
    record ShownSeries(Series source, List<ShownPoint> points, List<List<ShownPoint>> lineRuns, List<List<ShownPoint>> bandRuns) {}

    record ShownCell(double x, double y, double z) {}

    static ShownPanel of(Panel panel) {
        boolean logX = panel.x().log(), logY = panel.y().log();
        List<ShownSeries> series = new ArrayList<>();
        for (Series s : panel.series()) series.add(filter(s, logX, logY));
        List<ShownCell> cells = panel.heatMap() == null ? List.of() : filter(panel.heatMap(), logX, logY);
        ShownPanel shown = new ShownPanel(panel, List.copyOf(series), cells);
        if (shown.isEmpty())
            throw new IllegalArgumentException("panel '" + panel.id() + "' has nothing to draw: every value is missing, infinite"
                    + " or non-positive on a logarithmic axis");
        return shown;
    }

    boolean isEmpty() { return cells.isEmpty() && series.stream().allMatch(s -> s.points().isEmpty()); }

    boolean hasBands() { return series.stream().anyMatch(s -> s.points().stream().anyMatch(ShownPoint::hasBand)); }

    private static ShownSeries filter(Series s, boolean logX, boolean logY) {
        List<ShownPoint> points = new ArrayList<>();
        List<List<ShownPoint>> lineRuns = new ArrayList<>(), bandRuns = new ArrayList<>();
        List<ShownPoint> lineRun = new ArrayList<>(), bandRun = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            if (!drawable(s.x()[i], logX) || !drawable(s.y()[i], logY)) {
                lineRun = close(lineRun, lineRuns);
                bandRun = close(bandRun, bandRuns);
                continue;
            }
            boolean band = s.lower() != null && drawable(s.lower()[i], logY) && drawable(s.upper()[i], logY);
            ShownPoint p = new ShownPoint(s.x()[i], s.y()[i], band ? s.lower()[i] : Double.NaN, band ? s.upper()[i] : Double.NaN);
            points.add(p);
            lineRun.add(p);
            if (band) bandRun.add(p);
            else bandRun = close(bandRun, bandRuns);
        }
        close(lineRun, lineRuns);
        close(bandRun, bandRuns);
        return new ShownSeries(s, List.copyOf(points), List.copyOf(lineRuns), List.copyOf(bandRuns));
    }

    private static List<ShownPoint> close(List<ShownPoint> run, List<List<ShownPoint>> runs) {
        if (run.isEmpty()) return run;
        runs.add(List.copyOf(run));
        return new ArrayList<>();
    }

    private static List<ShownCell> filter(HeatMap map, boolean logX, boolean logY) {
        List<ShownCell> cells = new ArrayList<>();
        for (int iy = 0; iy < map.ys().length; iy++)
            for (int ix = 0; ix < map.xs().length; ix++) {
                double x = map.xs()[ix], y = map.ys()[iy], z = map.z()[iy][ix];
                if (drawable(x, logX) && drawable(y, logY) && drawable(z, map.logZ())) cells.add(new ShownCell(x, y, z));
            }
        return List.copyOf(cells);
    }

    static boolean drawable(double v, boolean log) { return Double.isFinite(v) && (!log || v > 0); }
}
