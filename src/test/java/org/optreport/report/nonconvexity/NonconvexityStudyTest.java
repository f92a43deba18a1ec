package org.optreport.report.nonconvexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.report.PageUses;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.NonconvexityResult;

class NonconvexityStudyTest {
    private static StudyOutput output;
    private static NonconvexityResult result;

    /** The quick study as the build runs it: planned, its one run computed, analysed through the handle. */
    @BeforeAll static void runQuickStudy() {
        NonconvexityStudy study = new NonconvexityStudy();
        RunPlan runs = new RunPlan();
        Run<NonconvexityResult> run = study.plan(StudyConfig.defaults("nonconvexity", true), runs);
        Experiment e = ExperimentRegistry.standard().get("nonconvexity");
        JsonNode document = e.run(Parameters.of(e.name(), e.parameters(), run.request().parameters()), Experiment.Progress.SILENT);
        RunResults results = new RunResults(Map.of(run.request(), document));
        result = results.get(run);
        output = study.analyze(run, results);
    }

    /** Standardized data: phi = (p^2 - 2 s p + 1)/2, minimal (1 - s^2)/2 at p = s, 1/2 at the origin. */
    @Test void theLossesMatchTheClosedFormInTheCorrelation() {
        double s = output.numbers().get("sxy");
        assertEquals(result.sxy(), s);
        assertEquals((1 - s * s) / 2, output.numbers().get("optimalLoss"), 1e-12);
        assertEquals(0.5, output.numbers().get("lossAtOrigin"), 1e-12);
    }

    /** (1 - 2t)^2 p* is the product along the segment: both ends at the minimum, the top at the origin. */
    @Test void theSegmentRisesFromTheMinimaToTheOrigin() {
        Map<String, Double> n = output.numbers();
        assertEquals(n.get("optimalLoss"), n.get("segmentStartLoss"), 1e-12);
        assertEquals(n.get("optimalLoss"), n.get("segmentEndLoss"), 1e-12);
        assertEquals(n.get("lossAtOrigin"), n.get("midpointLoss"), 1e-12);
        assertEquals(n.get("midpointLoss"), n.get("segmentMaxLoss"));
    }

    /**
     * The curvature of the balanced minimum, against a second computation: the Hessian of phi at theta+ by central
     * finite differences of the loss summed sample by sample over the run's own rows, and its largest eigenvalue.
     */
    @Test void theBalancedSharpnessMatchesAFiniteDifferenceHessian() {
        double[] m = result.segment().from();
        double h = 1e-4;
        double a = (loss(m[0] + h, m[1]) - 2 * loss(m[0], m[1]) + loss(m[0] - h, m[1])) / (h * h);
        double c = (loss(m[0], m[1] + h) - 2 * loss(m[0], m[1]) + loss(m[0], m[1] - h)) / (h * h);
        double b = (loss(m[0] + h, m[1] + h) - loss(m[0] + h, m[1] - h) - loss(m[0] - h, m[1] + h) + loss(m[0] - h, m[1] - h)) / (4 * h * h);
        double largest = (a + c) / 2 + Math.sqrt((a - c) * (a - c) / 4 + b * b);
        double smallest = (a + c) / 2 - Math.sqrt((a - c) * (a - c) / 4 + b * b);
        assertEquals(largest, output.numbers().get("balancedSharpness"), 1e-6);
        assertEquals(0, smallest, 1e-6);
    }

    /** The barrier phi(0) - phi* against the closed form sxy^2 / (2 sxx), and the ridge's level set lies at phi(0). */
    @Test void theBarrierIsTheLossOnTheAxesAboveTheMinimum() {
        Map<String, Double> n = output.numbers();
        assertEquals(n.get("sxy") * n.get("sxy") / (2 * n.get("sxx")), n.get("barrier"), 1e-12);
        double[][] ridge = NonconvexityStudy.barrierLevel(result.optimalProduct(), 2.0);
        int checked = 0;
        for (int k = 0; k < ridge[0].length; k++) {
            if (Double.isNaN(ridge[0][k])) continue;
            assertEquals(n.get("lossAtOrigin"), loss(ridge[0][k], ridge[1][k]), 1e-9, "at (" + ridge[0][k] + ", " + ridge[1][k] + ")");
            checked++;
        }
        assertTrue(checked > 30, checked + " points");
        double[][] minima = NonconvexityStudy.levelSet(result.optimalProduct(), 2.0);
        for (int k = 0; k < minima[0].length; k++)
            if (!Double.isNaN(minima[0][k])) assertEquals(n.get("optimalLoss"), loss(minima[0][k], minima[1][k]), 1e-9);
    }

    /** The heat map's excess is zero at a grid point only on the minima and the loss minus the minimum elsewhere. */
    @Test void theExcessIsTheGridLossMinusTheMinimum() {
        double[][] excess = NonconvexityStudy.excess(result.grid().loss(), result.optimalLoss());
        double[] w = result.grid().w1();
        for (int row = 0; row < w.length; row++)
            for (int col = 0; col < w.length; col++) {
                assertEquals(loss(w[col], w[row]) - result.optimalLoss(), excess[row][col], 1e-12);
                assertTrue(excess[row][col] > -1e-15);
            }
    }

    /** phi(w1, w2) summed over the run's processed rows, independently of the experiment's code. */
    private static double loss(double w1, double w2) {
        double[][] x = result.dataset().x(), y = result.dataset().y();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = w2 * w1 * x[i][0] - y[i][0];
            s += r * r;
        }
        return s / (2 * x.length);
    }

    @Test void everyFigureAndValueThePageUsesExists() throws Exception {
        Path page = Path.of("content/part1-nonconvexity.md");
        assertTrue(PageUses.count(page, "nonconvexity") > 0);
        assertTrue(PageUses.missing(page, "nonconvexity", output).isEmpty(), PageUses.missing(page, "nonconvexity", output).toString());
    }
}
