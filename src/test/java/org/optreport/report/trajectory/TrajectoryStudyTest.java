package org.optreport.report.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.report.Studies;
import org.optreport.report.output.Format;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.StudyConfig;

class TrajectoryStudyTest {
    private static final TrajectoryStudy STUDY = new TrajectoryStudy();
    private static StudyOutput quick;
    private static Map<RunRequest, JsonNode> results;
    private static String page;

    @BeforeAll static void runQuickStudy() throws Exception {
        StudyConfig config = StudyConfig.defaults("trajectory", true);
        results = new HashMap<>();
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (RunRequest r : STUDY.runs(config)) {
            Experiment e = registry.get(r.experiment());
            results.put(r, e.run(Parameters.of(e.name(), e.parameters(), r.parameters()), Experiment.Progress.SILENT));
        }
        quick = STUDY.analyze(StudyConfig.defaults("trajectory", true), results);
        page = Files.readString(Path.of("content/part3-trajectory.md"));
    }

    private static Set<String> matches(String regex) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile(regex).matcher(page);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test void everyFigureTableAndValueThePageUsesExists() {
        Set<String> figures = matches("(?m)^::: figure trajectory\\.([A-Za-z0-9]+)");
        Set<String> tables = matches("(?m)^::: table trajectory\\.([A-Za-z0-9]+)");
        Set<String> values = matches("\\{\\{trajectory\\.([A-Za-z0-9]+)\\}\\}");
        assertTrue(figures.size() >= 5 && tables.size() >= 2 && values.size() > 40, figures + " " + tables + " " + values.size());
        for (String f : figures) assertTrue(quick.figures().containsKey(f), "missing figure " + f);
        for (String t : tables) assertTrue(quick.tables().containsKey(t), "missing table " + t);
        for (String v : values) assertTrue(quick.values().containsKey(v), "missing value " + v);
        assertTrue(figures.containsAll(quick.figures().keySet()), "figures not placed on the page: " + quick.figures().keySet());
    }

    @Test void everyReferenceOnThePageHasATarget() {
        Set<String> labels = matches("\\{#((?:fig|tab):[a-z0-9-]+)\\}");
        labels.addAll(matches("\\\\label\\{(eq:[a-z0-9-]+)\\}"));
        for (String section : matches("\\{#([a-z0-9-]+)\\}")) labels.add("sec:" + section);
        Set<String> references = matches("@((?:fig|tab|eq|sec):[a-z0-9-]+)");
        assertTrue(references.size() > 8);
        for (String r : references) assertTrue(labels.contains(r), "unresolved reference @" + r);
    }

    @Test void frontMatterHasTitleOrderAndDescription() {
        String front = page.substring(0, page.indexOf("---", 3));
        assertTrue(front.contains("title:"));
        assertTrue(front.contains("order: 3"));
        assertTrue(front.contains("description:"));
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

    /** A run of the study again with every step recorded: the naive reference for the quoted steps. */
    private static JsonNode everyStep(RunRequest request) {
        Map<String, String> p = new HashMap<>(request.parameters());
        p.put("records", "100000");
        Experiment e = ExperimentRegistry.standard().get("trajectory");
        JsonNode r = e.run(Parameters.of(e.name(), e.parameters(), p), Experiment.Progress.SILENT);
        double[] step = Json.doubles(r.get("series").get("step"));
        assertEquals(request.parameters().get("steps"), Integer.toString((int) step[step.length - 1]));
        for (int t = 0; t < step.length; t++) assertEquals(t, step[t], "every step recorded");
        return r;
    }

    private static double[] excess(JsonNode r) {
        double[] v = Json.doubles(r.get("series").get("networkLoss"));
        for (int t = 0; t < v.length; t++) v[t] -= r.get("optimalLoss").asDouble();
        return v;
    }

    @Test void quotedEscapeStepsAndLargestDistancesAreThoseOfEveryStep() {
        StudyConfig config = StudyConfig.defaults("trajectory", true);
        TrajectoryRuns.Settings s = TrajectoryRuns.settings(config);
        for (int depth : s.depths()) {
            JsonNode r = everyStep(TrajectoryRuns.mainRun(s, depth, true));
            double[] excess = excess(r), distance = Json.doubles(r.get("series").get("distance"));
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
        StudyConfig config = StudyConfig.defaults("trajectory", true);
        TrajectoryRuns.Settings s = TrajectoryRuns.settings(config);
        for (List<String> row : quick.tables().get("acceleration").rows()) {
            if (row.get(2).equals("none stable")) continue;
            double eta = s.accelerationRates().stream().filter(x -> Format.sig(x, 2).equals(row.get(2))).findFirst().orElseThrow();
            double[] excess = excess(everyStep(TrajectoryRuns.accelerationRun(s, row.get(0), Integer.parseInt(row.get(1)), eta)));
            int lastAbove = -1;
            for (int t = 0; t < excess.length; t++) if (excess[t] > s.excessTarget()) lastAbove = t;
            String expected = lastAbove == excess.length - 1 ? "not reached" : Format.integer(lastAbove + 1);
            assertEquals(expected, row.get(4), row.toString());
        }
    }

    @Test void runsAreDistinctAndUseTheRegisteredExperiment() {
        List<RunRequest> runs = STUDY.runs(StudyConfig.defaults("trajectory", false));
        assertEquals(runs.size(), new HashSet<>(runs).size());
        for (RunRequest r : runs) assertEquals("trajectory", r.experiment());
        assertTrue(Studies.standard().names().contains("trajectory"));
        assertTrue(ExperimentRegistry.standard().names().contains("trajectory"));
    }
}
