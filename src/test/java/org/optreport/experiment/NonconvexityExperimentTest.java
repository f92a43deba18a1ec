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
}
