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

    /** The heat map's limits move out by a billionth of the span: the end ticks survive and the raster does not move. */
    @Test void heatMapLimitsAreWidenedByABillionthOfTheSpan() {
        double[] linear = XyCharts.widenedToKeepEndTicks(-2, 2, false);
        assertTrue(linear[0] < -2 && linear[1] > 2);
        assertEquals(-2, linear[0], 1e-8);
        assertEquals(2, linear[1], 1e-8);
        double[] log = XyCharts.widenedToKeepEndTicks(1e-3, 10, true);
        assertTrue(log[0] < 1e-3 && log[1] > 10);
        assertEquals(1, log[0] / 1e-3, 1e-8);
        assertEquals(1, log[1] / 10, 1e-8);
    }
}
