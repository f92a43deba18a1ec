package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.ParameterException;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunLimits;
import org.optreport.experiment.RunRequest;
import org.optreport.report.study.RunPlan;
import org.optreport.report.landscape.LandscapeStudy;
import org.optreport.report.study.StudyConfig;

/** Every run the report plans, as content/report.yaml configures it, must fit the limits a build checks before running. */
class StudyRunsFitLimitsTest {
    private static final RunLimits FOUR_GIB = new RunLimits(4L << 30, RunLimits.DEFAULT_MAX_SECONDS, false);
    private static final ExperimentRegistry EXPERIMENTS = ExperimentRegistry.standard();

    /** The runs of every study, as the build plans them from content/report.yaml (full or --quick). */
    private static List<RunRequest> plannedRuns(boolean quick) {
        ReportConfig config = ReportConfig.load(Path.of("content/report.yaml"));
        Studies studies = Studies.standard();
        List<RunRequest> runs = new ArrayList<>();
        for (String name : studies.names()) {
            RunPlan plan = new RunPlan();
            studies.find(name).plan(config.forStudy(name, quick), plan);
            runs.addAll(plan.requests());
        }
        return runs;
    }

    private static Parameters parameters(RunRequest request) {
        Experiment e = EXPERIMENTS.get(request.experiment());
        return Parameters.of(e.name(), e.parameters(), request.parameters());
    }

    @Test void everyRunOfTheFullAndQuickReportFitsFourGibAndAnHour() {
        for (boolean quick : new boolean[] {false, true})
            for (RunRequest r : plannedRuns(quick)) FOUR_GIB.check(EXPERIMENTS.get(r.experiment()), parameters(r));
    }

    @Test void thePlannedRunsIncludeTheHeaviestOnes() {
        // guards the test above against checking a plan that lost its large runs
        Map<String, Integer> largest = new TreeMap<>(); // ultrawide: widest network, landscape: most steps
        for (RunRequest r : plannedRuns(false))
            if (r.experiment().equals("ultrawide")) largest.merge("ultrawide", Integer.parseInt(r.parameters().get("widths")), Math::max);
            else if (r.experiment().equals("landscape")) largest.merge("landscape", Integer.parseInt(r.parameters().get("steps")), Math::max);
        assertEquals(Map.of("landscape", 20_000, "ultrawide", 100_000), largest);
        assertTrue(plannedRuns(false).stream().anyMatch(r -> r.experiment().equals("benchmarks")));
    }

    @Test void aLandscapeWidthTheConfigurationAllowsButTheHeapCannotHoldIsRefusedNamingIt() {
        // report.yaml "landscape: width: 10000" is inside the allowed range; depth 3 needs 100 million parameters
        StudyConfig config = new StudyConfig("landscape", Map.of("width", "10000"), Path.of("report.yaml"), false);
        List<String> refusals = new ArrayList<>();
        for (RunRequest r : new LandscapeStudy().runs(config)) {
            try {
                FOUR_GIB.check(EXPERIMENTS.get(r.experiment()), parameters(r));
            } catch (ParameterException e) {
                refusals.add(e.getMessage());
            }
        }
        assertFalse(refusals.isEmpty());
        for (String message : refusals) {
            // the heap (depth 3 and 4) or, with the dense spectral records of the adaptive rule, the time (depth 2)
            assertTrue(message.startsWith("landscape would need about ") || message.startsWith("landscape would take about "), message);
            assertTrue(message.contains("width=10000") && message.contains("depth or width"), message);
        }
    }

    @Test void theRefusalOfAPlannedRunIsOneLine() {
        StudyConfig config = new StudyConfig("landscape", Map.of("width", "10000", "depths", "4"), Path.of("report.yaml"), false);
        RunRequest run = new LandscapeStudy().runs(config).get(0);
        String message = assertThrows(ParameterException.class, () -> FOUR_GIB.check(EXPERIMENTS.get("landscape"), parameters(run))).getMessage();
        assertFalse(message.contains("\n"), message);
    }
}
