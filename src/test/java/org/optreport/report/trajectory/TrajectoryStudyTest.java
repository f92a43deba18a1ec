package org.optreport.report.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.report.PageUses;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.report.Studies;
import org.optreport.report.output.Format;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.ResultDocuments;
import org.optreport.results.TrajectoryResult;

class TrajectoryStudyTest {
    private static final TrajectoryStudy STUDY = new TrajectoryStudy();
    private static StudyOutput quick;
    private static TrajectoryPlan plan;

    /** The quick study as the build runs it: planned, its runs computed once each, analysed through the handles. */
    @BeforeAll static void runQuickStudy() throws Exception {
        RunPlan runs = new RunPlan();
        plan = STUDY.plan(StudyConfig.defaults("trajectory", true), runs);
        Map<RunRequest, JsonNode> documents = new HashMap<>();
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (RunRequest r : runs.requests()) {
            Experiment e = registry.get(r.experiment());
            documents.computeIfAbsent(r, k -> e.run(Parameters.of(e.name(), e.parameters(), k.parameters()), Experiment.Progress.SILENT));
        }
        quick = STUDY.analyze(plan, new RunResults(documents));
    }

    @Test void everyFigureTableAndValueThePageUsesExists() throws Exception {
        Path page = Path.of("content/part3-trajectory.md");
        assertTrue(PageUses.count(page, "trajectory") > 0, "the page uses the study");
        assertTrue(PageUses.missing(page, "trajectory", quick).isEmpty(), "missing: " + PageUses.missing(page, "trajectory", quick));
    }

    @Test void balancedSlopeIsAboutOneAndUnbalancedAboutZero() {
        double balanced = Double.parseDouble(quick.values().get("balancedN2Slope"));
        double deeper = Double.parseDouble(quick.values().get("balancedN3Slope"));
        double unbalanced = Double.parseDouble(quick.values().get("unbalancedN2Slope"));
        assertEquals(1, balanced, 0.1);
        assertEquals(1, deeper, 0.1);
        assertEquals(0, unbalanced, 0.1);
    }

    @Test void accelerationTableHasOneRowPerLossAndDepth() {
        Table t = quick.tables().get("acceleration");
        assertEquals(6, t.rows().size());
        assertEquals(List.of("l2", "1"), t.rows().get(0).subList(0, 2));
        assertEquals(List.of("l4", "3"), t.rows().get(5).subList(0, 2));
        // the chosen rate must be one that did not diverge
        for (List<String> row : t.rows()) assertTrue(List.of(row.get(3).split(", ")).contains(row.get(2)), row.toString());
    }

    /** A planned run again with every step recorded: the naive reference for the quoted steps. */
    private static TrajectoryResult everyStep(Run<TrajectoryResult> run) {
        Map<String, String> p = new HashMap<>(run.request().parameters());
        p.put("records", "100000");
        Experiment e = ExperimentRegistry.standard().get("trajectory");
        TrajectoryResult r = ResultDocuments.read(e.run(Parameters.of(e.name(), e.parameters(), p), Experiment.Progress.SILENT),
                TrajectoryResult.class, "every step of " + run);
        int[] step = r.series().step();
        assertEquals(run.request().parameters().get("steps"), Integer.toString(step[step.length - 1]));
        for (int t = 0; t < step.length; t++) assertEquals(t, step[t], "every step recorded");
        return r;
    }

    private static double[] excess(TrajectoryResult r) {
        double[] v = r.series().networkLoss().clone();
        for (int t = 0; t < v.length; t++) v[t] -= r.optimalLoss();
        return v;
    }

    @Test void quotedEscapeStepsAndLargestDistancesAreThoseOfEveryStep() {
        TrajectoryRuns.Settings s = plan.settings();
        for (int depth : s.depths()) {
            TrajectoryResult r = everyStep(plan.main(depth, true));
            double[] excess = excess(r), distance = r.series().distance();
            int escape = 0;
            while (!(excess[escape] <= excess[0] / 2)) escape++;
            int peak = 0;
            for (int t = 1; t < distance.length; t++) if (distance[t] > distance[peak]) peak = t;
            assertEquals(Format.integer(escape), quick.values().get("balancedN" + depth + "EscapeStep"), "N = " + depth);
            assertEquals(Format.integer(peak), quick.values().get("balancedN" + depth + "MaxDistanceStep"), "N = " + depth);
            assertEquals(Format.sig(distance[peak], 2), quick.values().get("balancedN" + depth + "MaxDistance"), "N = " + depth);
            // the figure draws the peak itself, not the nearest records
            Series drawn = quick.figures().get("balanced").panels().get(1).series().get(depth - s.depths().get(0));
            double drawnMax = 0;
            for (double y : drawn.y()) drawnMax = Math.max(drawnMax, y);
            assertEquals(distance[peak], drawnMax, "N = " + depth);
        }
    }

    /** The table's steps: one more than the last step above the target, found by scanning every step of the chosen run. */
    @Test void accelerationStepsAgreeWithANaiveScanOfEveryStep() {
        TrajectoryRuns.Settings s = plan.settings();
        for (List<String> row : quick.tables().get("acceleration").rows()) {
            if (row.get(2).equals("none stable")) continue;
            int rate = s.accelerationRates().stream().map(x -> Format.sig(x, 2)).toList().indexOf(row.get(2));
            double[] excess = excess(everyStep(plan.acceleration(row.get(0), Integer.parseInt(row.get(1))).get(rate)));
            int lastAbove = -1;
            for (int t = 0; t < excess.length; t++) if (excess[t] > s.excessTarget()) lastAbove = t;
            String expected = lastAbove == excess.length - 1 ? "not reached" : Format.integer(lastAbove + 1);
            assertEquals(expected, row.get(4), row.toString());
        }
    }

    @Test void runsAreDistinctAndUseTheRegisteredExperiment() {
        RunPlan runs = new RunPlan();
        STUDY.plan(StudyConfig.defaults("trajectory", false), runs);
        List<RunRequest> requests = runs.requests();
        assertEquals(requests.size(), new HashSet<>(requests).size());
        for (RunRequest r : requests) assertEquals("trajectory", r.experiment());
        assertTrue(Studies.standard().names().contains("trajectory"));
        assertTrue(ExperimentRegistry.standard().names().contains("trajectory"));
    }

    /** The acceleration grid looks for the largest stable rate, so its divergence is a finding, not a failure. */
    @Test void exactlyTheAccelerationGridRunsAreProbes() {
        RunPlan runs = new RunPlan();
        TrajectoryPlan full = STUDY.plan(StudyConfig.defaults("trajectory", false), runs);
        Set<Run<?>> grid = new HashSet<>();
        full.acceleration().values().forEach(grid::addAll);
        assertEquals(2 * 3 * full.settings().accelerationRates().size(), grid.size());
        for (Run<?> run : runs.runs()) assertEquals(grid.contains(run), run.divergenceExpected(), run.toString());
    }
}
