package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.output.Axis;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;

class PaddedAxesTest {
    @Test void aLogAxisIsWidenedByAFractionOfItsDecadesOnEachSide() {
        // x from 10 to 1000 (2 decades), y from the lower bound 0.1 to the upper bound 10 (2 decades)
        Series s = new Series("k", new double[] {10, 1000}, new double[] {1, 2}, new double[] {0.1, 1}, new double[] {3, 10}, Series.Style.MARKERS);
        Panel p = PaddedAxes.padded(new Panel("p", "t", Axis.log("x"), Axis.log("y"), List.of(s)));
        double pad = 2 * PaddedAxes.PAD;
        assertEquals(Math.pow(10, 1 - pad), p.x().min(), 1e-9);
        assertEquals(Math.pow(10, 3 + pad), p.x().max(), 1e-6);
        assertEquals(Math.pow(10, -1 - pad), p.y().min(), 1e-12);
        assertEquals(Math.pow(10, 1 + pad), p.y().max(), 1e-9);
    }

    @Test void aLinearAxisIsWidenedInItsOwnUnitsAndNonPositiveValuesCountThere() {
        Series s = Series.markers("k", new double[] {1, 2}, new double[] {-1, 5});
        Panel p = PaddedAxes.padded(new Panel("p", "t", Axis.log("x"), Axis.linear("y"), List.of(s)));
        assertEquals(-1 - 6 * PaddedAxes.PAD, p.y().min(), 1e-12);
        assertEquals(5 + 6 * PaddedAxes.PAD, p.y().max(), 1e-12);
    }

    @Test void limitsAlreadySetAndASingleValueAreLeftToTheChart() {
        Axis fixed = new Axis("x", true, 1.0, 100.0);
        Series s = Series.markers("k", new double[] {5, 5}, new double[] {2, 3});
        Panel p = PaddedAxes.padded(new Panel("p", "t", fixed, Axis.log("y"), List.of(s)));
        assertSame(fixed, p.x());
        Panel single = PaddedAxes.padded(new Panel("p", "t", Axis.log("x"), Axis.log("y"), List.of(s)));
        assertEquals(null, single.x().min());
    }
}
