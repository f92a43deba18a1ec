package org.optreport.report.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.data.Preprocessing;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.linalg.DenseEigen;
import org.optreport.report.PageUses;
import org.optreport.report.Studies;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Trial;
import org.optreport.site.claims.StudyNumbers;
import org.optreport.site.markdown.ClaimUse;
import org.optreport.site.markdown.MarkdownPages;

/** The quick study as the build runs it; its numbers against computations of their own from the results. */
class AccelerationStudyTest {
    private static final AccelerationStudy STUDY = new AccelerationStudy();
    private static final Path PAGE = Path.of("content/part3-trajectory.md");
    private static AccelerationPlan plan;
    private static RunResults results;
    private static StudyOutput quick;

    @BeforeAll static void runQuickStudy() {
        RunPlan runs = new RunPlan();
        plan = STUDY.plan(StudyConfig.defaults("acceleration", true), runs);
        Map<RunRequest, JsonNode> documents = new HashMap<>();
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (RunRequest r : runs.requests()) {
            Experiment e = registry.get(r.experiment());
            documents.put(r, e.run(Parameters.of(e.name(), e.parameters(), r.parameters()), Experiment.Progress.SILENT));
        }
        results = new RunResults(documents);
        quick = STUDY.analyze(plan, results);
    }

    @Test void oneRunPerLossDepthAndSeedNoneAProbe() {
        RunPlan runs = new RunPlan();
        AccelerationPlan full = STUDY.plan(StudyConfig.defaults("acceleration", false), runs);
        assertEquals(2 * 3 * 5 + 2 * 3, runs.requests().size(), "a search per loss, depth and seed, and seed 1 at twice the budget");
        assertEquals(runs.requests().size(), new HashSet<>(runs.requests()).size());
        for (Run<?> r : runs.runs()) assertFalse(r.divergenceExpected(), "a search records its diverging trials itself: " + r);
        assertEquals(5, full.settings().seeds());
        assertTrue(Studies.standard().names().contains("acceleration"));
        assertTrue(ExperimentRegistry.standard().names().contains("stablestep"));
    }

    /** The largest converging steps, their spread and the speed-ups, recomputed from every trial of every search. */
    @Test void numbersAreThoseOfTheTrials() {
        for (String loss : AccelerationSettings.LOSSES) {
            double[] shallowSteps = null;
            for (int depth : AccelerationSettings.DEPTHS) {
                String id = loss + "N" + depth;
                List<StableStepResult> bySeed = results.get(plan.runs(loss, depth));
                double[] net = new double[bySeed.size()], dyn = new double[bySeed.size()], netSteps = new double[bySeed.size()];
                int dynamicsConverged = 0;
                for (int s = 0; s < bySeed.size(); s++) {
                    StableStepResult r = bySeed.get(s);
                    Trial best = largestConverged(r.network().trials());
                    net[s] = best.step();
                    netSteps[s] = best.settledStep();
                    dyn[s] = largestConverged(r.dynamics().trials()).step();
                    // the dynamics at the network's step, found by its step size among the dynamics' column
                    int at = -1;
                    for (int k = 0; k < r.network().trials().size(); k++) if (r.network().trials().get(k).step() == best.step()) at = k;
                    if (r.dynamicsAtNetworkSteps().get(at).outcome().equals(StableStepResult.CONVERGED)) dynamicsConverged++;
                    assertEquals(best.step(), r.dynamicsAtNetworkSteps().get(at).step());
                }
                assertNumber(median(net), "networkStep." + id);
                assertNumber(Arrays.stream(net).min().getAsDouble(), "networkStepMin." + id);
                assertNumber(Arrays.stream(net).max().getAsDouble(), "networkStepMax." + id);
                assertNumber(median(dyn), "dynamicsStep." + id);
                assertNumber(median(netSteps), "networkSteps." + id);
                assertNumber(dynamicsConverged, "dynamicsConvergedAtNetworkStep." + id);
                if (depth == 1) shallowSteps = netSteps;
                else {
                    double[] ratio = new double[netSteps.length];
                    for (int s = 0; s < ratio.length; s++) ratio[s] = shallowSteps[s] / netSteps[s];
                    assertNumber(median(ratio), "speedup." + id);
                }
            }
        }
    }

    /**
     * The common grid (seed 1): the fewest steps over the grid steps that converged and the step giving it, the
     * speed-up over depth 1, and the check at twice the budget, recomputed here from the trials.
     */
    @Test void gridAndDoubledBudgetNumbersAreThoseOfTheTrials() {
        for (String loss : AccelerationSettings.LOSSES) {
            double shallowFewest = Double.NaN;
            for (int depth : AccelerationSettings.DEPTHS) {
                String id = loss + "N" + depth;
                StableStepResult seed1 = results.get(plan.runs(loss, depth)).get(0);
                StableStepResult doubled = results.get(plan.doubledBudget().get(new AccelerationPlan.Cell(loss, depth)));
                assertEquals(2 * seed1.steps(), doubled.steps());
                for (String which : List.of("Network", "Dynamics")) {
                    List<Trial> grid = which.equals("Network") ? seed1.networkGrid() : seed1.dynamicsGrid();
                    Trial best = null;
                    for (Trial t : grid)
                        if (t.outcome().equals(StableStepResult.CONVERGED) && (best == null || t.settledStep() < best.settledStep())) best = t;
                    if (best == null) continue;
                    assertNumber(best.settledStep(), "grid" + which + "Fewest." + id);
                    assertNumber(best.step(), "grid" + which + "Argmin." + id);
                    if (which.equals("Network") && depth == 1) shallowFewest = best.settledStep();
                    if (depth > 1) assertNumber(shallowFewest / best.settledStep(), "grid" + which + "Speedup." + id);
                }
                double at = largestConverged(seed1.network().trials()).step(), atDoubled = largestConverged(doubled.network().trials()).step();
                assertNumber(atDoubled / at, "networkStepDoubledRatio." + id);
            }
        }
    }

    /** Depth 1 on l2: the limit is 2 / lambda_max(Sxx), from an eigen-solve of Sxx written here. */
    @Test void depthOneL2LimitIsTwoOverTheLargestInputEigenvalue() {
        Dataset data = Preprocessing.standardize(Datasets.load("diabetes"));
        DMatrixRMaj sxx = new DMatrixRMaj(data.inputDimension(), data.inputDimension());
        CommonOps_DDRM.multTransA(data.x(), data.x(), sxx);
        CommonOps_DDRM.scale(1.0 / data.samples(), sxx);
        assertNumber(2 / DenseEigen.extremes(sxx).max(), "linearLimit.l2N1");
    }

    @Test void everyFigureTableAndValueThePageUsesExists() throws Exception {
        assertTrue(PageUses.count(PAGE, "acceleration") > 0, "the page uses the study");
        assertTrue(PageUses.missing(PAGE, "acceleration", quick).isEmpty(), "missing: " + PageUses.missing(PAGE, "acceleration", quick));
    }

    /** The page's acceleration claims name only numbers the study provides (whether they hold is the build's check). */
    @Test void everyAccelerationClaimNamesNumbersTheStudyProvides() throws Exception {
        List<ClaimUse> claims = new MarkdownPages().parse(PAGE, Files.readString(PAGE)).claims();
        StudyNumbers numbers = new StudyNumbers(Map.of("acceleration", quick));
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (ClaimUse c : claims) {
            if (!c.claim().studies().contains("acceleration")) continue;
            checked++;
            try {
                c.claim().evaluate(numbers);
            } catch (RuntimeException e) {
                unknown.add("line " + c.line() + ": " + e.getMessage());
            }
        }
        assertTrue(checked > 0);
        assertTrue(unknown.isEmpty(), String.join("\n", unknown));
    }

    private static Trial largestConverged(List<Trial> trials) {
        return trials.stream().filter(t -> t.outcome().equals(StableStepResult.CONVERGED)).max((a, b) -> Double.compare(a.step(), b.step()))
                .orElseThrow();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void assertNumber(double expected, String name) {
        assertTrue(quick.numbers().containsKey(name), "no number " + name);
        assertEquals(expected, quick.numbers().get(name), 1e-12 * Math.abs(expected), name);
    }
}
