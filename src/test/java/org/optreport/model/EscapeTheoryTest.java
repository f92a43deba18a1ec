package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The escape law on a scalar network (one input, one output, every width 1) started balanced along the data's
 * direction, where the theory's model is the network itself: only the neglected terms (the curvature term of the
 * loss, and for N &gt;= 3 the step's discreteness) separate prediction and run.
 */
class EscapeTheoryTest {
    private static final double ETA = 0.1;
    private static final DMatrixRMaj X = new DMatrixRMaj(400, 1), Y = new DMatrixRMaj(400, 1);

    static {
        Random r = new Random(3);
        for (int i = 0; i < 400; i++) {
            X.set(i, 0, r.nextGaussian());
            Y.set(i, 0, 0.8 * X.get(i, 0) + 0.5 * r.nextGaussian());
        }
    }

    /** The first step at which the loss has covered half its way from L(0) down to L*. */
    private static int measuredEscape(int depth, double s0) {
        SquaredLoss loss = SquaredLoss.of(X, Y);
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (int j = 0; j < depth; j++) layers.add(new DMatrixRMaj(1, 1, true, s0));
        DeepLinearNetwork net = new DeepLinearNetwork(layers);
        double start = net.loss(loss), half = start - 0.5 * (start - loss.optimalValue());
        for (int k = 1; k <= 1_000_000; k++) {
            net.gradientStep(loss, ETA);
            if (net.loss(loss) <= half) return k;
        }
        return -1;
    }

    @ParameterizedTest
    @CsvSource({"2, 0.001", "3, 0.03", "4, 0.1"})
    void thePredictedEscapeStepMatchesTheScalarNetwork(int depth, double s0) {
        SquaredLoss loss = SquaredLoss.of(X, Y);
        double sigma = Math.abs(loss.crossMoment().get(0, 0)), lambda = loss.inputMoment().get(0, 0);
        double w0 = Math.pow(s0, depth);
        double start = loss.value(new DMatrixRMaj(1, 1, true, w0));
        // the halfway product counted from the start w0 (the theory's L(0) is the loss at w = 0; here they differ by sigma w0)
        double halfway = w0 + EscapeTheory.halfwayProduct(sigma - lambda * w0, lambda, start - loss.optimalValue());
        double predicted = EscapeTheory.escapeSteps(depth, ETA, sigma, s0, halfway);
        int measured = measuredEscape(depth, s0);
        assertEquals(measured, predicted, 0.06 * measured, "depth " + depth + ": predicted " + predicted + ", measured " + measured);
    }

    @Test void theHalfwayProductCoversHalfTheFall() {
        double sigma = 0.8, lambda = 1.3, fall = 0.5 * sigma * sigma / lambda;
        double w = EscapeTheory.halfwayProduct(sigma, lambda, fall);
        assertEquals(fall / 2, sigma * w - 0.5 * lambda * w * w, 1e-15);
    }

    /** For a balanced start along v every layer's gradient has norm sigma s^(N-1): the scale is recovered exactly. */
    @Test void theLayerScaleIsRecoveredFromTheGradientNorm() {
        for (int depth = 2; depth <= 4; depth++) {
            double s = 0.02, sigma = 0.7;
            double gradient = Math.sqrt(depth) * sigma * Math.pow(s, depth - 1);
            assertEquals(s, EscapeTheory.scaleFromGradient(gradient, sigma, depth), 1e-15);
        }
    }
}
