package org.optreport.report.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.report.PageUses;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.report.Studies;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.LandscapeResult;

/** The study on its quick configuration, with every run actually made by the registered experiment. */
class LandscapeStudyTest {
    private static final LandscapeStudy STUDY = new LandscapeStudy();
    private static final StudyConfig QUICK = StudyConfig.defaults("landscape", true);
    private static LandscapeStudy.Plan plan;
    private static RunResults results;
    private static StudyOutput output;

    @BeforeAll static void runQuickConfiguration() {
        RunPlan runs = new RunPlan();
        plan = STUDY.plan(QUICK, runs);
        Experiment experiment = ExperimentRegistry.standard().get("landscape");
        Map<RunRequest, JsonNode> documents = new HashMap<>();
        for (RunRequest r : runs.requests())
            documents.put(r, experiment.run(Parameters.of(r.experiment(), experiment.parameters(), r.parameters()), Experiment.Progress.SILENT));
        results = new RunResults(documents);
        output = STUDY.analyze(plan, results);
    }

    private static List<LandscapeResult> all(LandscapeStudy.Configuration configuration) {
        return configuration.byDepth().values().stream().flatMap(runs -> results.get(runs).stream()).toList();
    }

    @Test void theStudyIsRegistered() {
        assertTrue(Studies.standard().find("landscape") instanceof LandscapeStudy);
    }

    @Test void everyFigureTableAndValueThePageUsesExists() throws IOException {
        Path page = Path.of("content/part2-landscape.md");
        assertTrue(PageUses.count(page, "landscape") > 0, "the page uses the study");
        assertTrue(PageUses.missing(page, "landscape", output).isEmpty(), "missing: " + PageUses.missing(page, "landscape", output));
    }

    @Test void theQuickConfigurationConvergesWithoutWarnings() {
        assertTrue(output.warnings().isEmpty(), output.warnings().toString());
        for (LandscapeStudy.Configuration c : List.of(plan.main(), plan.large()))
            for (LandscapeResult r : all(c)) assertNotNull(r.stepsToRelativeExcess().get("1e-6"), "depth " + r.depth() + " seed " + r.seed());
    }

    /**
     * The loss panel's line and band, recomputed here from the raw results of the two seeds of depth 3: the line is the
     * seed with the earlier escape (the lower median of two), the band their range, at every step where both seeds
     * have an exact value (a spectral record or a point their every-step trace kept).
     */
    @Test void theLineIsTheTypicalRunAndTheBandTheRangeOverSeeds() {
        List<Map<Double, Double>> losses = new ArrayList<>();
        List<Integer> escapes = new ArrayList<>();
        for (LandscapeResult run : results.get(plan.main().byDepth().get(3))) {
            Map<Double, Double> exact = new HashMap<>();
            int[] steps = run.series().step();
            double[] values = run.series().loss();
            for (int i = 0; i < steps.length; i++) exact.put((double) steps[i], values[i]);
            int[] ts = run.trace().loss().step();
            double[] tv = run.trace().loss().value();
            for (int i = 0; i < ts.length; i++) exact.put((double) ts[i], tv[i]);
            losses.add(exact);
            escapes.add(run.events().escapeStep());
        }
        assertEquals(2, losses.size());
        Map<Double, Double> typical = losses.get(escapes.get(0) <= escapes.get(1) ? 0 : 1);
        Series depth3 = output.figures().get("loss").panels().get(0).series().stream()
                .filter(s -> s.name().startsWith("N = 3")).findFirst().orElseThrow();
        int compared = 0;
        for (int i = 0; i < depth3.x().length; i++) {
            Double a = losses.get(0).get(depth3.x()[i] - 1), b = losses.get(1).get(depth3.x()[i] - 1);
            Double t = typical.get(depth3.x()[i] - 1);
            if (t != null) assertEquals(t, depth3.y()[i], 0);
            if (a == null || b == null) continue;
            assertEquals(Math.min(a, b), depth3.lower()[i], 0);
            assertEquals(Math.max(a, b), depth3.upper()[i], 0);
            compared++;
        }
        assertTrue(compared > 20, "steps both seeds kept: " + compared);
    }

    /** The plan holds each configuration's runs by depth and, per depth, in seed order. */
    @Test void thePlanHoldsTheRunsByConfigurationDepthAndSeed() {
        assertEquals(List.of(2, 3, 4), List.copyOf(plan.main().byDepth().keySet()));
        assertEquals(List.of(4), List.copyOf(plan.large().byDepth().keySet()));
        for (LandscapeStudy.Configuration c : List.of(plan.main(), plan.large()))
            c.byDepth().forEach((depth, runs) -> {
                assertEquals(c.seeds(), runs.size());
                for (int k = 0; k < runs.size(); k++) {
                    Map<String, String> p = runs.get(k).request().parameters();
                    assertEquals(Integer.toString(depth), p.get("depth"));
                    assertEquals(Integer.toString(k + 1), p.get("seed"));
                    assertEquals(c == plan.main() ? "10" : "30", p.get("width"));
                }
            });
        List<Run<?>> handles = new ArrayList<>();
        for (LandscapeStudy.Configuration c : List.of(plan.main(), plan.large())) c.byDepth().values().forEach(handles::addAll);
        assertEquals(handles.stream().map(Run::request).toList(), STUDY.runs(QUICK), "runs(config) lists the planned requests in order");
    }

    /** Quick configuration: depths 2, 3, 4 at width 10, then the wide configuration (depth 4, width 30). */
    @Test void theTableHasOneRowPerDepthAndWidth() {
        Table t = output.tables().get("results");
        assertEquals(4, t.rows().size());
        List<String> depths = t.rows().stream().map(r -> r.get(0)).toList();
        assertEquals(List.of("2", "3", "4", "4"), depths);
        assertEquals("30", t.rows().get(3).get(1));
    }

    @Test void theQuotedConstantsMatchTheData() {
        double[][] x = results.get(plan.main().byDepth().get(2).get(0)).dataset().x();
        // the trace of Sxx is d0 for standardized columns, and lambda_max lies between d0/d0 = 1 and d0
        double lambdaMax = Double.parseDouble(output.values().get("lambdaMaxSxx"));
        assertTrue(lambdaMax > 1 && lambdaMax < x[0].length);
        assertEquals(Double.parseDouble(output.values().get("learningRateFraction")) / lambdaMax,
                Double.parseDouble(output.values().get("learningRate")), 2e-3);
        assertEquals(String.valueOf(x.length), output.values().get("samples"));
    }
}
