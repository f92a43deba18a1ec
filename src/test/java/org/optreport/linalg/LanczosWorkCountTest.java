package org.optreport.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The vector work Lanczos counts as it runs, against a hand count where the run is known step by step and against
 * the bounds of one and three orthogonalisation passes where it is not.
 */
class LanczosWorkCountTest {
    private static SymmetricOperator diagonal(double[] values) {
        return new SymmetricOperator() {
            @Override public int dimension() { return values.length; }

            @Override public void apply(double[] in, double[] out) {
                for (int i = 0; i < in.length; i++) out[i] = values[i] * in[i];
            }
        };
    }

    @Test
    void aOneDimensionalRunIsCountedByHand() {
        // start vector: norm 2 + scaling 1; its one application: the initial norm 2, then the projection leaves w = 0,
        // below 0.7 of its norm, so a second pass: 2 x (dot 2 + update 2 + norm 2); the 1 x 1 projected matrix once
        LanczosResult run = Lanczos.extremes(diagonal(new double[] {3}), 1);
        assertEquals(1, run.applications());
        assertEquals(3 + 2 + 2 * 6, run.vectorFlops());
        assertEquals(1, run.projectedCubes());
    }

    @Test
    void aRestartedRunLiesBetweenOneAndThreePassesPerApplication() {
        int n = 400;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = 1 + i + 1e-3 * i * i;
        Lanczos lanczos = new Lanczos(12, 2, 1e-10, 3000);
        LanczosResult run = lanczos.run(diagonal(values), 7);
        assertTrue(run.restarts() > 0, "the test needs restarts");
        // replay the basis sizes the loop orthogonalises against: 1..12, then after each restart 5..12
        long onePass = 3L * n, threePasses = 3L * n;
        int count = 0, kept = 0;
        for (int a = 0; a < run.applications(); a++) {
            count = (count == 0 || count == 12) ? (count == 0 ? 1 : kept + 1) : count + 1;
            kept = 4;
            long scaling = a + 1 < run.applications() ? n : 0;   // the next basis vector, but not after the last application
            onePass += 2L * n + (4L * count + 2) * n + scaling;
            threePasses += 2L * n + 3 * (4L * count + 2) * n + scaling;
        }
        long ritzVectors = run.restarts() * 4L * 12 * 2 * n;
        assertTrue(run.vectorFlops() >= onePass + ritzVectors, run.vectorFlops() + " < " + (onePass + ritzVectors));
        assertTrue(run.vectorFlops() <= threePasses + ritzVectors, run.vectorFlops() + " > " + (threePasses + ritzVectors));
    }
}
