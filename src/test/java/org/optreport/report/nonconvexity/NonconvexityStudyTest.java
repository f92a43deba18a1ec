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

    @Test void everyFigureAndValueThePageUsesExists() throws Exception {
        Path page = Path.of("content/part1-nonconvexity.md");
        assertTrue(PageUses.count(page, "nonconvexity") > 0);
        assertTrue(PageUses.missing(page, "nonconvexity", output).isEmpty(), PageUses.missing(page, "nonconvexity", output).toString());
    }
}
