package org.optreport.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.Parameters;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Figure;
import org.optreport.report.output.HeatMap;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.site.chart.ChartWriter;

/**
 * What the closure tests run inside a {@link RecordingClassLoader}: loaded there, its references resolve to that
 * loader's copies of the project's classes, so whatever they load is recorded.
 */
public final class LoadedCode {
    private LoadedCode() {}

    /** One run of the experiment class {@code experimentClass}, made by name so that nothing else is loaded first. */
    public static void runExperiment(String experimentClass, Map<String, String> overrides) throws ReflectiveOperationException {
        Experiment experiment = (Experiment) Class.forName(experimentClass).getConstructor().newInstance();
        experiment.run(Parameters.of(experiment.name(), experiment.parameters(), overrides), Experiment.Progress.SILENT);
    }

    /** Draws a figure with both kinds of panel the report has: curves of every style on log axes, and a heat map. */
    public static void drawFigure(Path directory) {
        double[] x = {1, 2, 3, 4}, y = {1, 4, 9, 16}, lower = {0.5, 3, 8, 15}, upper = {2, 5, 10, 17};
        Panel curves = new Panel("curves", "curves", Axis.linear("x"), Axis.log("y"), List.of(Series.line("y", x, y),
                Series.dashed("bound", x, upper), Series.markers("points", x, y), Series.band("range", x, y, lower, upper),
                new Series("both", x, lower, null, null, Series.Style.LINE_MARKERS)));
        double[][] z = {{0, 1}, {2, 3}};
        Panel heat = new Panel("heat", "heat", Axis.linear("w1"), Axis.linear("w2"),
                List.of(Series.markers("probe", new double[] {0.5}, new double[] {0.5})), new HeatMap(new double[] {0, 1}, new double[] {0, 1}, z, "loss", false));
        new ChartWriter().write(new Figure(List.of(curves, heat)), "probe", directory);
    }
}
