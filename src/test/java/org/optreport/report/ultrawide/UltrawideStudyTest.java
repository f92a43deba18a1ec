package org.optreport.report.ultrawide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.optreport.experiment.Json;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.UltrawideExperiment;
import org.optreport.experiment.RunRequest;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.StudyConfig;

class UltrawideStudyTest {
    private static final UltrawideStudy STUDY = new UltrawideStudy();
    private static final StudyConfig QUICK = StudyConfig.defaults("ultrawide", true);
    private static Map<RunRequest, JsonNode> results;
    private static StudyOutput output;

    @BeforeAll static void runQuickStudy() {
        UltrawideExperiment experiment = new UltrawideExperiment();
        results = new HashMap<>();
        for (RunRequest r : STUDY.runs(QUICK))
            results.put(r, experiment.run(Parameters.of("ultrawide", experiment.parameters(), r.parameters()), Experiment.Progress.SILENT));
        output = STUDY.analyze(QUICK, results);
    }

    @Test void oneRunPerWidthAndSeed() {
        List<RunRequest> runs = STUDY.runs(QUICK);
        Set<String> pairs = new HashSet<>();
        for (RunRequest r : runs) pairs.add(r.parameters().get("widths") + "/" + r.parameters().get("seeds"));
        assertEquals(UltrawideStudy.QUICK_WIDTHS.size() * 2, runs.size());
        assertEquals(runs.size(), pairs.size());
    }

    @Test void thePageFindsEveryFigureTableAndValueItReferences() throws IOException {
        String page = Files.readString(Path.of("content/part3-ultrawide.md"));
        Matcher values = Pattern.compile("\\{\\{ultrawide\\.([A-Za-z0-9]+)}}").matcher(page);
        int count = 0;
        while (values.find()) {
            count++;
            assertTrue(output.values().containsKey(values.group(1)), "missing value " + values.group(1));
        }
        assertTrue(count > 20);
        Matcher directives = Pattern.compile("^::: (figure|table) ultrawide\\.([A-Za-z0-9-]+)", Pattern.MULTILINE).matcher(page);
        int directivesFound = 0;
        while (directives.find()) {
            directivesFound++;
            Map<String, ?> names = directives.group(1).equals("figure") ? output.figures() : output.tables();
            assertTrue(names.containsKey(directives.group(2)), "missing " + directives.group(1) + " " + directives.group(2));
        }
        assertEquals(6, directivesFound);
    }

    @Test void theTableHasOneRowPerWidthWithTheMedianLargestDistance() {
        Table t = output.tables().get("widths");
        assertEquals(UltrawideStudy.QUICK_WIDTHS.size(), t.rows().size());
        int column = t.header().indexOf("largest distance");
        for (int i = 0; i < t.rows().size(); i++) {
            int width = UltrawideStudy.QUICK_WIDTHS.get(i);
            double[] d = results.entrySet().stream()
                    .filter(e -> e.getKey().parameters().get("widths").equals(Integer.toString(width)))
                    .mapToDouble(e -> e.getValue().get("runs").get(0).get("maxDistance").asDouble()).sorted().toArray();
            // two seeds in the quick setting: the median is their mean
            assertEquals(Format.sig((d[0] + d[1]) / 2, 3), t.rows().get(i).get(column));
        }
    }

    @Test void theDistanceSlopeIsTheLeastSquaresSlopeOverTheWidestDecade() {
        Panel panel = output.figures().get("scaling").panels().get(0);
        Series median = panel.series().get(0);
        double widest = median.x()[median.x().length - 1];
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < median.x().length; i++) {
            if (median.x()[i] < widest / 10) continue;
            double lx = Math.log(median.x()[i]), ly = Math.log(median.y()[i]);
            sx += lx; sy += ly; sxx += lx * lx; sxy += lx * ly; n++;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertEquals(Format.sig(slope, 3), output.values().get("distanceSlope"));
    }

    private static List<JsonNode> runsOfWidth(int width) {
        return results.entrySet().stream().filter(e -> e.getKey().parameters().get("widths").equals(Integer.toString(width)))
                .map(e -> e.getValue().get("runs").get(0)).toList();
    }

    @Test void theDistanceFigureDrawsEveryStepAndAgreesWithTheRecords() {
        int steps = results.values().iterator().next().get("steps").asInt();
        List<Series> lines = output.figures().get("distance").panels().get(0).series();
        assertEquals(UltrawideStudy.QUICK_WIDTHS.size(), lines.size());
        for (int w = 0; w < lines.size(); w++) {
            Series line = lines.get(w);
            // the quick runs fit in the trace's buckets: every step from 1 (step 0 is off the log axis) to the last
            assertEquals(steps, line.x().length);
            for (int k = 0; k < steps; k++) assertEquals(k + 1, line.x()[k]);
            // at the recorded steps the median of two seeds is the mean of their recorded distances
            List<JsonNode> runs = runsOfWidth(UltrawideStudy.QUICK_WIDTHS.get(w));
            JsonNode recordedSteps = runs.get(0).get("series").get("step");
            for (int r = 1; r < recordedSteps.size(); r++) {
                int step = recordedSteps.get(r).asInt();
                double mean = (runs.get(0).get("series").get("distance").get(r).asDouble() + runs.get(1).get("series").get("distance").get(r).asDouble()) / 2;
                assertEquals(mean, line.y()[step - 1], 1e-12 * mean, "width " + UltrawideStudy.QUICK_WIDTHS.get(w) + " step " + step);
            }
        }
    }

    @Test void quotedLargestDistancesAndTheirStepsComeFromEveryStep() {
        int steps = results.values().iterator().next().get("steps").asInt();
        double[] largest = new double[UltrawideStudy.QUICK_WIDTHS.size()];
        int runs = 0, late = 0, widestPeakMin = Integer.MAX_VALUE, widestPeakMax = 0;
        double finalShareMin = Double.POSITIVE_INFINITY;
        for (int w = 0; w < largest.length; w++) {
            double sum = 0;
            for (JsonNode run : runsOfWidth(UltrawideStudy.QUICK_WIDTHS.get(w))) {
                // the quick trace keeps every step: scan it
                double[] d = Json.doubles(run.get("trace").get("distance").get("value"));
                assertEquals(steps + 1, d.length);
                int argMax = 0;
                for (int k = 1; k < d.length; k++) if (d[k] > d[argMax]) argMax = k;
                sum += d[argMax];
                runs++;
                if (argMax >= 0.9 * steps) late++;
                finalShareMin = Math.min(finalShareMin, d[steps] / d[argMax]);
                if (w == largest.length - 1) {
                    widestPeakMin = Math.min(widestPeakMin, argMax);
                    widestPeakMax = Math.max(widestPeakMax, argMax);
                }
            }
            largest[w] = sum / 2;
        }
        assertEquals(Format.sig(largest[0], 3), output.values().get("distanceSmallest"));
        assertEquals(Format.sig(largest[largest.length - 1], 3), output.values().get("distanceWidest"));
        assertEquals(Integer.toString((int) Math.round(100.0 * late / runs)), output.values().get("distanceAtEndFraction"));
        assertEquals(Format.integer(widestPeakMin), output.values().get("distancePeakStepWidestMin"));
        assertEquals(Format.integer(widestPeakMax), output.values().get("distancePeakStepWidestMax"));
        assertEquals(Format.sig(100 * finalShareMin, 3), output.values().get("finalDistancePercentMin"));
    }

    @Test void noQuickRunDivergesAndTheKernelLossFallsTwoOrdersOfMagnitude() {
        assertTrue(output.warnings().isEmpty(), output.warnings().toString());
        for (JsonNode r : results.values()) {
            double[] loss = Json.doubles(r.get("runs").get(0).get("series").get("kernelLoss"));
            assertTrue(loss[0] / loss[loss.length - 1] > 100, "kernel loss fell only " + loss[0] / loss[loss.length - 1]);
            assertFalse(r.get("runs").get(0).get("diverged").asBoolean());
        }
    }
}
