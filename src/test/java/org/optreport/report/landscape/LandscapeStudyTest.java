package org.optreport.report.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.StudyConfig;

/** The study on its quick configuration, with every run actually made by the registered experiment. */
class LandscapeStudyTest {
    private static final LandscapeStudy STUDY = new LandscapeStudy();
    private static final StudyConfig QUICK = StudyConfig.defaults("landscape", true);
    private static final Map<RunRequest, JsonNode> RESULTS = new HashMap<>();
    private static StudyOutput output;

    @BeforeAll static void runQuickConfiguration() {
        Experiment experiment = ExperimentRegistry.standard().get("landscape");
        for (RunRequest r : STUDY.runs(QUICK))
            RESULTS.put(r, experiment.run(Parameters.of(r.experiment(), experiment.parameters(), r.parameters()), Experiment.Progress.SILENT));
        output = STUDY.analyze(QUICK, RESULTS);
    }

    @Test void theStudyIsRegistered() {
        assertTrue(Studies.standard().find("landscape") instanceof LandscapeStudy);
    }

    @Test void everyFigureTableAndValueThePageUsesExists() throws IOException {
        String page = Files.readString(Path.of("content/part2-landscape.md"));
        TreeSet<String> missing = new TreeSet<>();
        Matcher value = Pattern.compile("\\{\\{\\s*landscape\\.([A-Za-z0-9_.-]+)\\s*}}").matcher(page);
        int values = 0;
        while (value.find()) {
            values++;
            if (!output.values().containsKey(value.group(1))) missing.add("value " + value.group(1));
        }
        Matcher directive = Pattern.compile("(?m)^:::\\s*(figure|table)\\s+landscape\\.([A-Za-z0-9_-]+)").matcher(page);
        int directives = 0;
        while (directive.find()) {
            directives++;
            boolean found = directive.group(1).equals("figure") ? output.figures().containsKey(directive.group(2))
                    : output.tables().containsKey(directive.group(2));
            if (!found) missing.add(directive.group(1) + " " + directive.group(2));
        }
        assertTrue(values > 20 && directives == 6, "the page quotes values and places all five figures and the table");
        assertTrue(missing.isEmpty(), "missing: " + missing);
    }

    @Test void theQuickConfigurationConvergesWithoutWarnings() {
        assertTrue(output.warnings().isEmpty(), output.warnings().toString());
        for (JsonNode r : RESULTS.values()) assertFalse(r.get("stepsToRelativeExcess").get("1e-6").isNull());
    }

    /**
     * The loss panel's line and band, recomputed here from the raw results of the two seeds of depth 3: the line is the
     * seed with the earlier escape (the lower median of two), the band their range, at every step where both seeds
     * have an exact value (a spectral record or a point their every-step trace kept).
     */
    @Test void theLineIsTheTypicalRunAndTheBandTheRangeOverSeeds() {
        List<Map<Double, Double>> losses = new ArrayList<>();
        List<Integer> escapes = new ArrayList<>();
        for (Map.Entry<RunRequest, JsonNode> e : RESULTS.entrySet())
            if (e.getKey().parameters().get("depth").equals("3") && e.getKey().parameters().get("width").equals("10")) {
                Map<Double, Double> exact = new java.util.HashMap<>();
                JsonNode run = e.getValue();
                double[] steps = Json.doubles(run.get("series").get("step")), values = Json.doubles(run.get("series").get("loss"));
                for (int i = 0; i < steps.length; i++) exact.put(steps[i], values[i]);
                double[] ts = Json.doubles(run.get("trace").get("loss").get("step")), tv = Json.doubles(run.get("trace").get("loss").get("value"));
                for (int i = 0; i < ts.length; i++) exact.put(ts[i], tv[i]);
                losses.add(exact);
                escapes.add(run.get("events").get("escapeStep").asInt());
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

    /** Quick configuration: depths 2, 3, 4 at width 10, then the wide configuration (depth 4, width 30). */
    @Test void theTableHasOneRowPerDepthAndWidth() {
        Table t = output.tables().get("results");
        assertEquals(4, t.rows().size());
        List<String> depths = t.rows().stream().map(r -> r.get(0)).toList();
        assertEquals(List.of("2", "3", "4", "4"), depths);
        assertEquals("30", t.rows().get(3).get(1));
    }

    @Test void theQuotedConstantsMatchTheData() {
        JsonNode any = RESULTS.values().iterator().next();
        double[][] x = new double[any.get("dataset").get("x").size()][];
        for (int i = 0; i < x.length; i++) x[i] = Json.doubles(any.get("dataset").get("x").get(i));
        // the trace of Sxx is d0 for standardized columns, and lambda_max lies between d0/d0 = 1 and d0
        double lambdaMax = Double.parseDouble(output.values().get("lambdaMaxSxx"));
        assertTrue(lambdaMax > 1 && lambdaMax < x[0].length);
        assertEquals(Double.parseDouble(output.values().get("learningRateFraction")) / lambdaMax,
                Double.parseDouble(output.values().get("learningRate")), 2e-3);
        assertEquals(String.valueOf(x.length), output.values().get("samples"));
    }
}
