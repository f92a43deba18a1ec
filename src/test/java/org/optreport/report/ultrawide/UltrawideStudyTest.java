package org.optreport.report.ultrawide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.experiment.UltrawideExperiment;
import org.optreport.report.PageUses;
import org.optreport.report.output.Format;
import org.optreport.report.output.Panel;
import org.optreport.report.output.Series;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.results.UltrawideResult;
import org.optreport.results.UltrawideResult.NetworkRun;

class UltrawideStudyTest {
    private static final UltrawideStudy STUDY = new UltrawideStudy();
    private static final StudyConfig QUICK = StudyConfig.defaults("ultrawide", true);
    private static RunPlan requests;
    private static UltrawideStudy.Plan plan;
    private static RunResults results;
    private static StudyOutput output;

    @BeforeAll static void runQuickStudy() {
        requests = new RunPlan();
        plan = STUDY.plan(QUICK, requests);
        results = run(requests);
        output = STUDY.analyze(plan, results);
    }

    /** Runs what the plan asks for, as the build's scheduler would, and hands the documents back through the plan's handles. */
    private static RunResults run(RunPlan planned) {
        UltrawideExperiment experiment = new UltrawideExperiment();
        Map<RunRequest, JsonNode> documents = new HashMap<>();
        for (RunRequest r : planned.requests())
            documents.put(r, experiment.run(Parameters.of("ultrawide", experiment.parameters(), r.parameters()), Experiment.Progress.SILENT));
        return new RunResults(documents);
    }

    private static List<NetworkRun> runsOfWidth(int width) {
        return results.get(plan.runsByWidth().get(width)).stream().map(result -> result.runs().get(0)).toList();
    }

    private static UltrawideResult anyResult() { return results.get(plan.runs().get(0)); }

    @Test void oneRunPerWidthAndSeedWidestFirst() {
        Set<String> pairs = new HashSet<>();
        for (RunRequest r : requests.requests()) pairs.add(r.parameters().get("widths") + "/" + r.parameters().get("seeds"));
        assertEquals(UltrawideStudy.QUICK_WIDTHS.size() * 2, requests.runs().size());
        assertEquals(requests.runs().size(), pairs.size());
        List<Integer> widestFirst = new ArrayList<>(UltrawideStudy.QUICK_WIDTHS);
        Collections.reverse(widestFirst);
        assertEquals(widestFirst, List.copyOf(plan.runsByWidth().keySet()));
        plan.runsByWidth().forEach((width, runs) -> {
            for (int seed = 1; seed <= runs.size(); seed++) {
                Map<String, String> p = runs.get(seed - 1).request().parameters();
                assertEquals(List.of(Integer.toString(width), Integer.toString(seed)), List.of(p.get("widths"), p.get("seeds")));
            }
        });
    }

    @Test void everyFigureTableAndValueThePageUsesExists() throws IOException {
        Path page = Path.of("content/part3-ultrawide.md");
        assertTrue(PageUses.count(page, "ultrawide") > 0, "the page uses the study");
        assertTrue(PageUses.missing(page, "ultrawide", output).isEmpty(), "missing: " + PageUses.missing(page, "ultrawide", output));
    }

    @Test void theTableHasOneRowPerWidthWithTheMedianLargestDistance() {
        Table t = output.tables().get("widths");
        assertEquals(UltrawideStudy.QUICK_WIDTHS.size(), t.rows().size());
        int column = t.header().indexOf("largest distance");
        for (int i = 0; i < t.rows().size(); i++) {
            double[] d = runsOfWidth(UltrawideStudy.QUICK_WIDTHS.get(i)).stream().mapToDouble(NetworkRun::maxDistance).sorted().toArray();
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

    @Test void theDistanceFigureDrawsEveryStepAndAgreesWithTheRecords() {
        int steps = anyResult().steps();
        List<Series> lines = output.figures().get("distance").panels().get(0).series();
        assertEquals(UltrawideStudy.QUICK_WIDTHS.size(), lines.size());
        for (int w = 0; w < lines.size(); w++) {
            Series line = lines.get(w);
            // the quick runs fit in the trace's buckets: every step from 1 (step 0 is off the log axis) to the last
            assertEquals(steps, line.x().length);
            for (int k = 0; k < steps; k++) assertEquals(k + 1, line.x()[k]);
            // at the recorded steps the median of two seeds is the mean of their recorded distances
            List<NetworkRun> runs = runsOfWidth(UltrawideStudy.QUICK_WIDTHS.get(w));
            int[] recordedSteps = runs.get(0).series().step();
            for (int r = 1; r < recordedSteps.length; r++) {
                int step = recordedSteps[r];
                double mean = (runs.get(0).series().distance()[r] + runs.get(1).series().distance()[r]) / 2;
                assertEquals(mean, line.y()[step - 1], 1e-12 * mean, "width " + UltrawideStudy.QUICK_WIDTHS.get(w) + " step " + step);
            }
        }
    }

    @Test void quotedLargestDistancesAndTheirStepsComeFromEveryStep() {
        int steps = anyResult().steps();
        double[] largest = new double[UltrawideStudy.QUICK_WIDTHS.size()];
        int runs = 0, late = 0, widestPeakMin = Integer.MAX_VALUE, widestPeakMax = 0;
        double finalShareMin = Double.POSITIVE_INFINITY;
        for (int w = 0; w < largest.length; w++) {
            double sum = 0;
            for (NetworkRun run : runsOfWidth(UltrawideStudy.QUICK_WIDTHS.get(w))) {
                // the quick trace keeps every step: scan it
                double[] d = run.trace().distance().value();
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

    @Test void theSpectralSplitQuotesAndDrawsTheWidestRunsLossPerGroupOfEigenDirections() {
        // The experiment test checks the groups' losses against a projection on the eigenvectors of H*.
        UltrawideResult widest = results.get(plan.runsByWidth().values().iterator().next().get(0));
        UltrawideResult.SpectralBands bands = widest.bands();
        double[] target = bands.targetEnergy();
        double[][] bandLoss = widest.runs().get(0).series().networkBandLoss();
        double[] residual = bandLoss[0];
        String[] keys = {"Fast", "Middle", "Slow"};
        for (int b = 0; b < 3; b++) {
            assertEquals(Format.sig(100 * target[b] / (target[0] + target[1] + target[2]), 3), output.values().get("targetPercent" + keys[b]));
            assertEquals(Format.sig(100 * residual[b] / (residual[0] + residual[1] + residual[2]), 3), output.values().get("residualPercent" + keys[b]));
            assertEquals(Integer.toString(bands.directions()[b]), output.values().get("bandSize" + keys[b]));
        }
        assertEquals(Format.sig(bands.edges()[0] / widest.learningRate(), 3), output.values().get("fastEdge"));
        // every recorded step after 0 (off the log axis), clamped to the axis floor
        Panel networkSplit = output.figures().get("spectrum").panels().get(2);
        double floor = networkSplit.y().min();
        for (int b = 0; b < 3; b++) {
            double[] drawn = networkSplit.series().get(b).y();
            assertEquals(bandLoss.length - 1, drawn.length);
            for (int r = 1; r < bandLoss.length; r++) assertEquals(Math.max(bandLoss[r][b], floor), drawn[r - 1], "group " + b + ", record " + r);
        }
    }

    @Test void noQuickRunDivergesAndTheKernelLossFallsTwoOrdersOfMagnitude() {
        assertTrue(output.warnings().isEmpty(), output.warnings().toString());
        for (Run<UltrawideResult> planned : plan.runs()) {
            NetworkRun run = results.get(planned).runs().get(0);
            double[] loss = run.series().kernelLoss();
            assertTrue(loss[0] / loss[loss.length - 1] > 100, "kernel loss fell only " + loss[0] / loss[loss.length - 1]);
            assertFalse(run.diverged());
        }
    }

    @Test void aDivergedNetworkIsNamedInAWarningAndLeftOutOfTheFigures() {
        // Width 3 at nearly the kernel's stability limit blows up within a few dozen steps; width 10 does not.
        StudyConfig unstable = new StudyConfig("ultrawide", Map.of("widths", "3,10", "seeds", "1", "learningRateFraction", "1.99",
                "samples", "32", "steps", "100"), Path.of("report.yaml"), true);
        RunPlan planned = new RunPlan();
        UltrawideStudy.Plan unstablePlan = STUDY.plan(unstable, planned);
        StudyOutput out = STUDY.analyze(unstablePlan, run(planned));
        assertEquals(1, out.warnings().size(), out.warnings().toString());
        assertTrue(out.warnings().get(0).startsWith("The network of width 3, seed 1 diverged (loss grew"), out.warnings().get(0));
        assertEquals("10", out.values().get("smallestWidth"));
        assertEquals(1, out.tables().get("widths").rows().size());
    }
}
