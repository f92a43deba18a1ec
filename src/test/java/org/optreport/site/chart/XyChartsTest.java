package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

class XyChartsTest {
    private static ShownPanel linearSteps(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.exp(-x[i] / 100);
        return ShownPanel.of(new Panel("p", "", Axis.linear("step"), Axis.log("loss"), List.of(Series.line("loss", x, y))));
    }

    private static double[] everyStep(int steps) { return IntStream.rangeClosed(0, steps).asDoubleStream().toArray(); }

    @Test void aCurveDrawnAtEveryStepHasManyEquallySpacedX() {
        assertTrue(XyCharts.manyEquallySpacedX(linearSteps(everyStep(300))));
    }

    @Test void fewOrUnequallySpacedValuesKeepTheirOwnTicks() {
        assertFalse(XyCharts.manyEquallySpacedX(linearSteps(everyStep(XyCharts.MAX_DATA_TICKS - 1))));
        double[] logSpaced = IntStream.range(0, 40).mapToDouble(k -> Math.round(Math.pow(300, k / 39.0))).distinct().toArray();
        assertFalse(XyCharts.manyEquallySpacedX(linearSteps(logSpaced)));
    }

    @Test void theTickHelperIsOneInvisibleSeriesOutsideTheLegend() {
        XYChart every = XyCharts.build(linearSteps(everyStep(300)), 640, 400, null);
        XYChart few = XyCharts.build(linearSteps(everyStep(10)), 640, 400, null);
        assertEquals(few.getSeriesMap().size() + 1, every.getSeriesMap().size());
        assertEquals(1, every.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).count());
    }
}
