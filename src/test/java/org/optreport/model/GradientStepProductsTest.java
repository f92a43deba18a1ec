package org.optreport.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * gradientStep reuses the layer products a look at the end-to-end matrix formed since the last change of the weights:
 * the steps must be bit for bit those of a network that never looks, and a change of the weights must not be missed.
 */
class GradientStepProductsTest {
    private static final int[] WIDTHS = {5, 6, 6, 6, 2};

    @Test
    void lookingAtTheEndToEndMatrixBetweenStepsChangesNoBit() {
        SquaredLoss loss = SyntheticData.of(30, 5, 2, 0.3, 90).squaredLoss();
        DeepLinearNetwork plain = DeepLinearNetwork.gaussian(WIDTHS, 0.3, 91);
        DeepLinearNetwork watched = DeepLinearNetwork.gaussian(WIDTHS, 0.3, 91);
        for (int t = 0; t < 50; t++) {
            plain.gradientStep(loss, 0.05);
            watched.gradientStep(loss, 0.05);
            watched.endToEnd();
        }
        assertArrayEquals(plain.parameters(), watched.parameters(), 0.0);
    }

    @Test
    void settingTheWeightsAfterALookIsSeenByTheNextStep() {
        SquaredLoss loss = SyntheticData.of(30, 5, 2, 0.3, 92).squaredLoss();
        DeepLinearNetwork other = DeepLinearNetwork.gaussian(WIDTHS, 0.3, 93);
        DeepLinearNetwork fresh = DeepLinearNetwork.gaussian(WIDTHS, 0.3, 93);
        DeepLinearNetwork reused = DeepLinearNetwork.gaussian(WIDTHS, 0.3, 94);
        reused.endToEnd();
        reused.setParameters(other.parameters());
        reused.gradientStep(loss, 0.05);
        fresh.gradientStep(loss, 0.05);
        assertArrayEquals(fresh.parameters(), reused.parameters(), 0.0);

        reused.endToEnd();
        fresh.endToEnd();
        reused.setParameter(3, 0.7);
        fresh.setParameter(3, 0.7);
        DeepLinearNetwork copy = new DeepLinearNetwork(fresh.layers());
        reused.gradientStep(loss, 0.05);
        copy.gradientStep(loss, 0.05);
        assertArrayEquals(copy.parameters(), reused.parameters(), 0.0);
    }
}
