package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonconvexityExperimentTest {
    private final NonconvexityExperiment experiment = new NonconvexityExperiment();
    private final JsonNode result = experiment.run(Parameters.of("nonconvexity", experiment.parameters(), Map.of("grid", "21")), Experiment.Progress.SILENT);

    /** phi depends on the weights through p = w1 w2 only: 1/2 (sxx p^2 - 2 sxy p + syy). */
    private double closedForm(double w1, double w2) {
        double p = w1 * w2;
        return 0.5 * (result.get("sxx").asDouble() * p * p - 2 * result.get("sxy").asDouble() * p + result.get("syy").asDouble());
    }

    @Test void gridMatchesTheClosedFormInTheMoments() {
        double[] w = Json.doubles(result.get("grid").get("w1"));
        for (int row = 0; row < w.length; row++)
            for (int col = 0; col < w.length; col++)
                assertEquals(closedForm(w[col], w[row]), result.get("grid").get("loss").get(row).get(col).asDouble(), 1e-12);
    }

    @Test void standardizedDataHaveUnitMomentsAndTheMinimumIsOnTheHyperbola() {
        assertEquals(1, result.get("sxx").asDouble(), 1e-12);
        assertEquals(1, result.get("syy").asDouble(), 1e-12);
        double p = result.get("optimalProduct").asDouble();
        // at the minimum the derivative in p vanishes, and the value is (syy - sxy^2/sxx)/2
        double sxy = result.get("sxy").asDouble();
        assertEquals(0.5 * (1 - sxy * sxy), result.get("optimalLoss").asDouble(), 1e-12);
        assertEquals(sxy, p, 1e-12);
    }

    @Test void theSegmentRisesAboveTheMinimumAtItsMidpoint() {
        double[] loss = Json.doubles(result.get("segment").get("loss"));
        double optimal = result.get("optimalLoss").asDouble();
        assertEquals(optimal, loss[0], 1e-12);
        assertEquals(optimal, loss[loss.length - 1], 1e-12);
        assertEquals(result.get("lossAtOrigin").asDouble(), loss[loss.length / 2], 1e-12);
        assertTrue(loss[loss.length / 2] > optimal + 0.1);
    }

    /**
     * On the stable line v = w1 - w2 = 2a obeys v' = (1 - eta (sxy + sxx a^2)) v: the bisected step that separates
     * reaching the saddle from diverging is 2 / (sxy + sxx a^2), and runs 1% on either side of it go their own ways.
     */
    @Test void theBisectedCriticalStepOnTheStableLineIsTheClosedForm() {
        double sxx = result.get("sxx").asDouble(), sxy = result.get("sxy").asDouble();
        assertTrue(sxy > 0, "the diabetes bmi column correlates positively with progression: the stable line is w1 = -w2");
        double[] a = Json.doubles(result.get("stableLine").get("a")), critical = Json.doubles(result.get("stableLine").get("criticalStep"));
        assertEquals(5, a.length);
        double[] x = column(result.get("dataset").get("x")), y = column(result.get("dataset").get("y"));
        StableLineBisection bisection = new StableLineBisection(x, y, -1);
        for (int k = 0; k < a.length; k++) {
            double predicted = 2 / (sxy + sxx * a[k] * a[k]);
            assertEquals(predicted, critical[k], 1e-8 * predicted);
            assertTrue(bisection.diverges(a[k], 1.01 * predicted));
            assertTrue(!bisection.diverges(a[k], 0.99 * predicted));
        }
    }

    private static double[] column(JsonNode rows) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) v[i] = rows.get(i).get(0).asDouble();
        return v;
    }
}
