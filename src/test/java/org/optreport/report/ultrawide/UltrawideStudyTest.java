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
import org.optreport.model.KernelDynamics;
import org.optreport.model.NeuralTangentKernel;
import org.optreport.model.TwoLayerReluNetwork;
import org.ejml.data.DMatrixRMaj;

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

    /** The mean of the two seeds' values: the median of the quick setting's two seeds. */
    private static double meanOverSeeds(int width, java.util.function.ToDoubleFunction<NetworkRun> metric) {
        List<NetworkRun> runs = runsOfWidth(width);
        assertEquals(2, runs.size());
        return (metric.applyAsDouble(runs.get(0)) + metric.applyAsDouble(runs.get(1))) / 2;
    }

    private static List<NetworkRun> allRuns() { return plan.runs().stream().map(r -> results.get(r).runs().get(0)).toList(); }

    private static double number(String name) {
        Double n = output.numbers().get(name);
        assertTrue(n != null, "no number " + name + " among " + new java.util.TreeSet<>(output.numbers().keySet()));
        return n;
    }

    /** The members of a family of numbers, e.g. "localSlope." gives w30, w100, ... */
    private static Set<String> members(String prefix) {
        Set<String> out = new java.util.TreeSet<>();
        for (String name : output.numbers().keySet())
            if (name.startsWith(prefix) && !name.substring(prefix.length()).contains(".")) out.add(name.substring(prefix.length()));
        return out;
    }

    private static Set<String> widthMembers(List<Integer> widths) {
        Set<String> out = new java.util.TreeSet<>();
        for (int w : widths) out.add("w" + w);
        return out;
    }

    /** The largest distance over every step, scanned in the quick trace (which keeps every step). */
    private static double scannedLargestDistance(NetworkRun run) {
        double largest = 0;
        for (double d : run.trace().distance().value()) largest = Math.max(largest, d);
        return largest;
    }

    @Test void theKernelsNumbersMatchAnEigenDecompositionAndTheData() {
        UltrawideResult r = anyResult();
        DMatrixRMaj h = NeuralTangentKernel.infiniteWidth(new DMatrixRMaj(r.dataset().x())); // H* of the recorded inputs
        int half = h.numRows / 2;
        DMatrixRMaj block = new DMatrixRMaj(half, half);
        for (int i = 0; i < half; i++) for (int j = 0; j < half; j++) block.set(i, j, h.get(i, j));
        double[] eigenvalues = org.optreport.linalg.DenseEigen.eigenvalues(block);
        assertEquals(eigenvalues[half - 1], number("lambdaMaxFirstHalf"), 1e-10 * eigenvalues[half - 1]);
        assertEquals(Integer.toString(half), output.values().get("halfSamples"));
        assertEquals(r.lambdaMin(), number("lambdaMin"));
        assertEquals(r.lambdaMax() / r.lambdaMin(), number("conditionNumber"), 1e-12 * number("conditionNumber"));
        double etaLambda0 = r.learningRate() * r.lambdaMin();
        assertEquals(Math.exp(2.0 * r.steps() * Math.log1p(-etaLambda0)), number("boundFactor"), 1e-12);
        assertEquals(1 / number("boundFactor"), number("boundFall"), 1e-9 * number("boundFall"));
        // every pair of distinct inputs, each normalized first
        double[][] x = r.dataset().x();
        double largest = 0;
        for (int i = 0; i < x.length; i++)
            for (int j = 0; j < i; j++) {
                double ni = Math.sqrt(java.util.Arrays.stream(x[i]).map(v -> v * v).sum()), nj = Math.sqrt(java.util.Arrays.stream(x[j]).map(v -> v * v).sum());
                double dot = 0;
                for (int c = 0; c < x[i].length; c++) dot += (x[i][c] / ni) * (x[j][c] / nj);
                largest = Math.max(largest, Math.abs(dot));
            }
        assertEquals(largest, number("maxAbsCosine"), 1e-12);
        assertTrue(number("maxAbsCosine") < 1, "no two quick inputs are parallel");
    }

    @Test void theLossNumbersComeFromEveryRunsFirstAndLastLoss() {
        double fallMin = Double.POSITIVE_INFINITY, ratioMin = Double.POSITIVE_INFINITY;
        for (NetworkRun run : allRuns()) {
            double[] kernel = run.series().kernelLoss(), network = run.series().networkLoss();
            fallMin = Math.min(fallMin, kernel[0] / kernel[kernel.length - 1]);
            ratioMin = Math.min(ratioMin, network[network.length - 1] / kernel[kernel.length - 1]);
        }
        assertEquals(fallMin, number("kernelLossFallMin"), 1e-12 * fallMin);
        assertEquals(ratioMin, number("finalLossRatioMin"), 1e-12 * ratioMin);
        List<Integer> widths = UltrawideStudy.QUICK_WIDTHS;
        assertEquals(widthMembers(widths), members("finalLossRatio."));
        assertEquals(widthMembers(widths.subList(1, widths.size())), members("finalLossRatioChange."));
        java.util.function.ToDoubleFunction<NetworkRun> ratio = run -> run.series().networkLoss()[run.series().networkLoss().length - 1]
                / run.series().kernelLoss()[run.series().kernelLoss().length - 1];
        for (int i = 0; i < widths.size(); i++) {
            double r = meanOverSeeds(widths.get(i), ratio);
            assertEquals(r, number("finalLossRatio.w" + widths.get(i)), 1e-12 * r);
            if (i > 0) assertEquals(r / meanOverSeeds(widths.get(i - 1), ratio), number("finalLossRatioChange.w" + widths.get(i)), 1e-12);
        }
        List<NetworkRun> narrowest = runsOfWidth(widths.get(0));
        double[] perSeed = narrowest.stream().mapToDouble(ratio).sorted().toArray();
        assertEquals(Format.sig(perSeed[0], 3), output.values().get("finalLossRatioSmallestMin"));
        assertEquals(Format.sig(perSeed[1], 3), output.values().get("finalLossRatioSmallestMax"));
    }

    @Test void theDistanceNumbersComeFromTheEveryStepTracesAndTheRecords() {
        double afterOne = Double.POSITIVE_INFINITY, growth = Double.POSITIVE_INFINITY, finalShare = Double.POSITIVE_INFINITY;
        for (NetworkRun run : allRuns()) {
            // the quick trace keeps every step: index 1 is step 1
            double[] d = run.trace().distance().value();
            assertEquals(1, run.trace().distance().step()[1]);
            afterOne = Math.min(afterOne, d[1]);
            growth = Math.min(growth, scannedLargestDistance(run) / d[1]);
            finalShare = Math.min(finalShare, d[d.length - 1] / scannedLargestDistance(run));
        }
        assertEquals(afterOne, number("distanceAfterOneStepMin"));
        assertEquals(growth, number("distanceGrowthMin"), 1e-12 * growth);
        assertEquals(finalShare, number("finalDistanceShareMin"), 1e-12);
        // at each recorded step after 0: is the mean over seeds smaller at every wider width?
        List<Integer> widths = UltrawideStudy.QUICK_WIDTHS;
        int[] recorded = runsOfWidth(widths.get(0)).get(0).series().step();
        int ordered = 0;
        for (int r = 1; r < recorded.length; r++) {
            boolean falls = true;
            for (int i = 1; i < widths.size(); i++) {
                final int record = r;
                falls &= meanOverSeeds(widths.get(i), run -> run.series().distance()[record])
                        < meanOverSeeds(widths.get(i - 1), run -> run.series().distance()[record]);
            }
            if (falls) ordered++;
        }
        assertEquals((double) ordered / (recorded.length - 1), number("distanceOrderedShare"), 1e-15);
        int widestPeak = runsOfWidth(widths.get(widths.size() - 1)).stream().mapToInt(run -> run.trace().distance().maxStep()).max().orElseThrow();
        assertEquals(widestPeak, number("distancePeakStepWidestMax"));
    }

    @Test void theWidestWidthsWhoseDistanceShrinksByTheEndAreCountedFromTheEveryStepTraces() {
        List<Integer> widths = UltrawideStudy.QUICK_WIDTHS;
        // per width, going from the widest down: does every seed end below its largest distance over every step?
        int count = 0;
        for (int i = widths.size() - 1; i >= 0; i--) {
            boolean shrunk = true;
            for (NetworkRun run : runsOfWidth(widths.get(i))) {
                double[] d = run.trace().distance().value();
                shrunk &= d[d.length - 1] < scannedLargestDistance(run);
            }
            if (!shrunk) break;
            count++;
        }
        assertEquals(count, number("distanceShrinkingWidthCount"));
        List<Integer> steady = widths.subList(0, widths.size() - count);
        if (steady.isEmpty()) assertTrue(Double.isNaN(number("distanceSteadyWidestWidth")));
        else assertEquals(steady.get(steady.size() - 1).doubleValue(), number("distanceSteadyWidestWidth"));
        double steadyMin = Double.NaN;
        for (int w : steady)
            for (NetworkRun run : runsOfWidth(w)) {
                double[] d = run.trace().distance().value();
                double share = d[d.length - 1] / scannedLargestDistance(run);
                steadyMin = Double.isNaN(steadyMin) ? share : Math.min(steadyMin, share);
            }
        assertEquals(steadyMin, number("finalDistanceShareSteadyMin"), 1e-15);
    }

    @Test void theLocalSlopesAndTheNarrowWidthsComeFromTheLargestDistances() {
        List<Integer> widths = UltrawideStudy.QUICK_WIDTHS;
        double[] largest = new double[widths.size()];
        for (int i = 0; i < largest.length; i++) largest[i] = meanOverSeeds(widths.get(i), UltrawideStudyTest::scannedLargestDistance);
        double yNorm = Math.sqrt(java.util.Arrays.stream(anyResult().dataset().y()).mapToDouble(row -> row[0] * row[0]).sum());
        int fitMin = (int) number("distanceFitMinWidth");
        assertEquals(widths.get(widths.size() - 1) / 10, fitMin, "the quick fit starts at the widest width / 10");
        double[] local = new double[widths.size()];
        for (int i = 1; i < widths.size(); i++) {
            // log10 instead of ln: the slope is the same
            local[i] = Math.log10(largest[i] / largest[i - 1]) / Math.log10((double) widths.get(i) / widths.get(i - 1));
            assertEquals(local[i], number("localSlope.w" + widths.get(i)), 1e-12);
            assertEquals(Format.sig(local[i], 2), output.tables().get("widths").rows().get(i).get(output.tables().get("widths").header().indexOf("local slope")));
        }
        assertEquals(widthMembers(widths.subList(1, widths.size())), members("localSlope."));
        List<Integer> narrow = widths.stream().filter(w -> w < fitMin).toList();
        assertEquals(widthMembers(narrow), members("distanceRelativeNarrow."));
        assertEquals(widthMembers(narrow.subList(1, narrow.size())), members("localSlopeNarrow."));
        for (int i = 0; i < narrow.size(); i++) {
            assertEquals(largest[i] / yNorm, number("distanceRelativeNarrow.w" + narrow.get(i)), 1e-12);
            if (i > 0) assertEquals(local[i], number("localSlopeNarrow.w" + narrow.get(i)), 1e-12);
        }
        assertEquals(largest[0] / yNorm, number("distanceSmallestRelative"), 1e-12);
        // the first width from which every later local slope is steeper than the one before, found going forward
        int from = -1;
        for (int i = 1; i < widths.size() && from < 0; i++) {
            boolean steepens = true;
            for (int j = i + 1; j < widths.size(); j++) steepens &= local[j] < local[j - 1];
            if (steepens) from = i;
        }
        assertEquals(widths.get(from).doubleValue(), number("localSlopeSteepensFrom"));
        assertEquals(local[widths.size() - 1], number("localSlopeWidest"), 1e-12);
        assertEquals(output.values().get("distanceSlope"), Format.sig(number("distanceSlope"), 3));
    }

    @Test void theKernelErrorAndLazinessNumbersAreTheMediansThePageQuotes() {
        List<Integer> widths = UltrawideStudy.QUICK_WIDTHS;
        int smallest = widths.get(0), widest = widths.get(widths.size() - 1);
        assertEquals(meanOverSeeds(smallest, NetworkRun::kernelDeviationSpectral), number("deviationSmallest"), 1e-12);
        assertEquals(meanOverSeeds(widest, NetworkRun::kernelDeviationSpectral), number("deviationWidest"), 1e-12);
        assertEquals(meanOverSeeds(smallest, NetworkRun::kernelChangeSpectral), number("kernelChangeSmallest"), 1e-12);
        assertEquals(meanOverSeeds(widest, NetworkRun::kernelChangeSpectral), number("kernelChangeWidest"), 1e-12);
        assertEquals(Format.sig(number("deviationWidest") / anyResult().lambdaMin(), 2), output.values().get("deviationWidestOverLambdaMin"));
        assertEquals(Format.sig(number("kernelChangeWidest") / anyResult().lambdaMin(), 2), output.values().get("kernelChangeWidestOverLambdaMin"));
        java.util.function.ToDoubleFunction<NetworkRun> movement = run -> run.series().maxWeightMovement()[run.series().maxWeightMovement().length - 1];
        java.util.function.ToDoubleFunction<NetworkRun> flips = run -> run.series().activationFlipFraction()[run.series().activationFlipFraction().length - 1];
        assertEquals(meanOverSeeds(smallest, movement), number("movementSmallest"), 1e-12);
        assertEquals(meanOverSeeds(widest, movement), number("movementWidest"), 1e-12);
        assertEquals(100 * meanOverSeeds(smallest, flips), number("flipPercentSmallest"), 1e-10);
        assertEquals(100 * meanOverSeeds(widest, flips), number("flipPercentWidest"), 1e-10);
        for (String slope : List.of("deviationSlope", "movementSlope", "flipSlope"))
            assertEquals(output.values().get(slope), Format.sig(number(slope), 3), slope);
    }

    @Test void theFlipLocalSlopesComeFromTheMedianFlippedFractions() {
        List<Integer> widths = UltrawideStudy.QUICK_WIDTHS;
        java.util.function.ToDoubleFunction<NetworkRun> flips = run -> run.series().activationFlipFraction()[run.series().activationFlipFraction().length - 1];
        double[] local = new double[widths.size()];
        for (int i = 1; i < widths.size(); i++) {
            local[i] = Math.log10(meanOverSeeds(widths.get(i), flips) / meanOverSeeds(widths.get(i - 1), flips))
                    / Math.log10((double) widths.get(i) / widths.get(i - 1));
            assertEquals(local[i], number("flipLocalSlope.w" + widths.get(i)), 1e-12);
        }
        assertEquals(widthMembers(widths.subList(1, widths.size())), members("flipLocalSlope."));
        // the first width from which every later local slope is steeper than the one before, found going forward
        int from = -1;
        for (int i = 1; i < widths.size() && from < 0; i++) {
            boolean steepens = true;
            for (int j = i + 1; j < widths.size(); j++) steepens &= local[j] < local[j - 1];
            if (steepens) from = i;
        }
        assertEquals(widths.get(from).doubleValue(), number("flipLocalSlopeSteepensFrom"));
        assertEquals(local[widths.size() - 1], number("flipLocalSlopeWidest"), 1e-12);
        assertEquals(Format.sig(local[widths.size() - 1], 2), output.values().get("flipLocalSlopeWidest"));
    }

    @Test void theSpectralNumbersComeFromTheWidestFirstSeedsLossPerGroup() {
        NetworkRun run = results.get(plan.runsByWidth().values().iterator().next().get(0)).runs().get(0);
        assertEquals(1, run.seed());
        double[][] network = run.series().networkBandLoss(), kernel = run.series().kernelBandLoss();
        int[] step = run.series().step();
        int end = step.length - 1;
        String[] groups = {"fast", "middle", "slow"};
        for (int b = 0; b < 3; b++) {
            assertEquals(network[0][b] / (network[0][0] + network[0][1] + network[0][2]), number("residualShare." + groups[b]), 1e-12);
            double gap = 0;
            for (int r = 0; r <= end; r++) gap = Math.max(gap, Math.abs(network[r][b] - kernel[r][b]) / network[0][b]);
            assertEquals(gap, number("bandGapMax." + groups[b]), 1e-12);
        }
        for (int b = 0; b < 2; b++) {
            // the last recorded step at which either loss is still above a thousandth of its start, then the next one
            int lastAbove = -1;
            for (int r = 0; r <= end; r++)
                if (network[r][b] > 1e-3 * network[0][b] || kernel[r][b] > 1e-3 * kernel[0][b]) lastAbove = r;
            // the losses fall steadily in the quick runs, so the first step below both thresholds follows the last above
            double expected = lastAbove == end ? Double.POSITIVE_INFINITY : step[lastAbove + 1];
            assertEquals(expected, number("collapseStep." + groups[b]), groups[b]);
        }
        assertEquals(Set.of("fast", "middle"), members("collapseStep."));
        double networkEnd = network[end][0] + network[end][1] + network[end][2], kernelEnd = kernel[end][0] + kernel[end][1] + kernel[end][2];
        assertEquals(network[end][2] / networkEnd, number("finalSlowShare.network"), 1e-12);
        assertEquals(kernel[end][2] / kernelEnd, number("finalSlowShare.kernel"), 1e-12);
        assertEquals((network[end][2] - kernel[end][2]) / (networkEnd - kernelEnd), number("finalLagSlowShare"), 1e-9);
    }

    @Test void theSlowGroupsRatesAndFallComeFromTheEigenvaluesAndItsKernelLoss() {
        UltrawideResult r = anyResult();
        double eta = r.learningRate(), slowest = eta * r.lambdaMin();
        List<Double> slow = new ArrayList<>();
        for (double lambda : r.kernelEigenvalues()) if (eta * lambda < 0.01) slow.add(eta * lambda);
        Collections.sort(slow);
        assertEquals(r.bands().directions()[2], slow.size());
        int k = slow.size();
        double median = k % 2 == 1 ? slow.get(k / 2) : (slow.get(k / 2 - 1) + slow.get(k / 2)) / 2;
        assertEquals(slow.get(0), number("slowRateMin"), 1e-15);
        assertEquals(slow.get(k - 1), number("slowRateMax"), 1e-15);
        assertEquals(slow.get(k - 1) / slowest, number("slowRateMaxOverSlowest"), 1e-12);
        assertEquals(median / slowest, number("slowRateMedianOverSlowest"), 1e-12);
        NetworkRun run = results.get(plan.runsByWidth().values().iterator().next().get(0)).runs().get(0);
        double[][] kernel = run.series().kernelBandLoss();
        double fall = kernel[0][2] / kernel[kernel.length - 1][2];
        assertEquals(fall, number("slowGroupFall"), 1e-12 * fall);
        assertEquals(Format.sig(fall / number("boundFall"), 2), output.values().get("slowGroupFallOverBound"));
        assertEquals(Format.sig(1 / number("residualShare.slow"), 2), output.values().get("residualRemovalFactor"));
    }

    private static int widestQuickWidth() { return UltrawideStudy.QUICK_WIDTHS.get(UltrawideStudy.QUICK_WIDTHS.size() - 1); }

    private static double medianOf(double[] v) { return org.optreport.report.stats.Median.median(v); }

    /** The width at which ||H(0) - H*|| would reach lambda_0 / 4 along m^{-1/2}, from the recorded deviations. */
    @Test void theQuarterLambdaWidthExtrapolatesTheWidestDeviationAlongMinusOneHalf() {
        double lambda0 = anyResult().lambdaMin();
        double deviation = medianOf(runsOfWidth(widestQuickWidth()).stream().mapToDouble(NetworkRun::kernelDeviationSpectral).toArray());
        double expected = widestQuickWidth() * Math.pow(deviation / (lambda0 / 4), 2);
        assertEquals(expected, output.numbers().get("quarterWidthHalfPower"), 1e-9 * expected);
        assertTrue(output.numbers().get("duWidth") > 1e10);
    }

    /** 1^T H* 1 / n from the arc-cosine formula on the inputs, a lower bound on lambda_max. */
    @Test void theOnesRayleighQuotientIsRecomputedFromTheInputsAndBoundsLambdaMax() {
        double[][] x = anyResult().dataset().x();
        int n = x.length;
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int c = 0; c < x[i].length; c++) dot += x[i][c] * x[j][c];
                dot = Math.max(-1, Math.min(1, dot));
                total += dot * (Math.PI - Math.acos(dot)) / (2 * Math.PI);
            }
        assertEquals(total / n, output.numbers().get("onesRayleigh"), 1e-9 * total / n);
        assertTrue(output.numbers().get("onesRayleigh") <= anyResult().lambdaMax() * (1 + 1e-12));
    }

    /** The smallest width from which lambda_min of H(0) and H(T) is at least lambda_0/2 in every seed, by hand. */
    @Test void theWidthFromWhichTheSmallestEigenvalueStaysAboveHalfIsRecomputed() {
        double lambda0 = anyResult().lambdaMin();
        List<Integer> ascending = new ArrayList<>(plan.runsByWidth().keySet());
        Collections.sort(ascending);
        double expected = Double.POSITIVE_INFINITY;
        for (int i = ascending.size() - 1; i >= 0; i--) {
            boolean all = true;
            for (NetworkRun run : runsOfWidth(ascending.get(i)))
                all &= run.initialKernelLambdaMin() >= lambda0 / 2 && run.finalKernelLambdaMin() >= lambda0 / 2;
            if (!all) break;
            expected = ascending.get(i);
        }
        assertEquals(expected, number("lambdaMinHalfFromWidth"));
    }

    /** The width slope of the distance at each reported step, refitted by hand from the medians over seeds. */
    @Test void theDistanceSlopeAtEachStepIsRefittedFromTheMedians() {
        for (String member : List.of("a", "b", "c", "d", "e")) {
            Double stepValue = output.numbers().get("distanceSlopeStep." + member);
            if (stepValue == null) continue;
            List<double[]> points = new ArrayList<>();
            plan.runsByWidth().forEach((width, runs) -> {
                if (width < number("distanceFitMinWidth")) return;
                double[] d = runsOfWidth(width).stream().mapToDouble(run -> {
                    int[] step = run.series().step();
                    for (int r = 0; r < step.length; r++) if (step[r] == stepValue.intValue()) return run.series().distance()[r];
                    throw new AssertionError("step " + stepValue + " not recorded");
                }).sorted().toArray();
                double med = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
                points.add(new double[] {Math.log(width), Math.log(med)});
            });
            double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow(), my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            double sxy = 0, sxx = 0;
            for (double[] p : points) { sxy += (p[0] - mx) * (p[1] - my); sxx += (p[0] - mx) * (p[0] - mx); }
            assertEquals(sxy / sxx, number("distanceSlopeAtStep." + member), 1e-9);
        }
    }

    /** The middle group's floor steps and ratio, recomputed from the widest first seed's recorded group losses. */
    @Test void theMiddleGroupFloorStepsAndRatioAreRecomputedFromTheGroupLosses() {
        NetworkRun run = results.get(plan.runsByWidth().values().iterator().next().get(0)).runs().get(0);
        int[] step = run.series().step();
        double[][] net = run.series().networkBandLoss(), ker = run.series().kernelBandLoss();
        double top = 0;
        for (double[] start : new double[][] {net[0], ker[0]}) for (double x : start) top = Math.max(top, x);
        double floor = 1e-6 * top;
        double kernelStep = Double.POSITIVE_INFINITY, networkStep = Double.POSITIVE_INFINITY;
        int kernelIndex = step.length - 1;
        for (int r = step.length - 1; r >= 0; r--) {
            if (ker[r][1] <= floor) { kernelStep = step[r]; kernelIndex = r; }
            if (net[r][1] <= floor) networkStep = step[r];
        }
        assertEquals(kernelStep, number("middleFloorStepKernel"));
        assertEquals(networkStep, number("middleFloorStepNetwork"));
        assertEquals(net[kernelIndex][1] / ker[kernelIndex][1], number("middleRatioAtKernelFloor"), 1e-12 * number("middleRatioAtKernelFloor"));
        int from = (int) java.util.Arrays.stream(step).boxed().toList().indexOf((int) number("middleRatioRiseFromStep"));
        for (int r = from; r < kernelIndex; r++) assertTrue(net[r][1] / ker[r][1] < net[r + 1][1] / ker[r + 1][1]);
        if (from > 1) assertTrue(net[from - 1][1] / ker[from - 1][1] >= net[from][1] / ker[from][1]);
    }

    /** The largest absolute row sum and the share of negative off-diagonal entries, recomputed from the inputs. */
    @Test void theRowSumUpperBoundAndNegativeShareAreRecomputedFromTheInputs() {
        double[][] x = anyResult().dataset().x();
        int n = x.length;
        double maxRow = 0;
        long negative = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int c = 0; c < x[i].length; c++) dot += x[i][c] * x[j][c];
                dot = Math.max(-1, Math.min(1, dot));
                double h = dot * (Math.PI - Math.acos(dot)) / (2 * Math.PI);
                row += Math.abs(h);
                if (i != j && h < 0) negative++;
            }
            maxRow = Math.max(maxRow, row);
        }
        assertEquals(maxRow, output.numbers().get("maxRowSum"), 1e-9 * maxRow);
        assertEquals(negative / ((double) n * (n - 1)), output.numbers().get("negativeOffDiagonalShare"), 1e-12);
        assertTrue(output.numbers().get("maxRowSum") >= anyResult().lambdaMax() * (1 - 1e-12));
    }

    /** The share of the final excess loss that the H(0) dynamics reproduce, with H(0) rebuilt from the seeded network. */
    @Test void theInitializationShareOfTheLagComesFromTheSeededNetworksOwnKernel() {
        UltrawideResult result = anyResult();
        double[][] xRows = result.dataset().x();
        DMatrixRMaj x = new DMatrixRMaj(xRows);
        double[] y = new double[xRows.length];
        for (int i = 0; i < y.length; i++) y[i] = result.dataset().y()[i][0];
        List<NetworkRun> runs = runsOfWidth(widestQuickWidth());
        double[] shares = new double[runs.size()];
        for (int s = 0; s < runs.size(); s++) {
            NetworkRun run = runs.get(s);
            double[] u0 = run.series().networkOutputs()[0];
            DMatrixRMaj h0 = TwoLayerReluNetwork.create(run.width(), xRows[0].length, run.seed()).empiricalKernel(x);
            double initial = new KernelDynamics(h0, y, u0, result.learningRate()).loss(new KernelDynamics(h0, y, u0, result.learningRate()).closedForm(result.steps()));
            DMatrixRMaj hStar = NeuralTangentKernel.infiniteWidth(x);
            KernelDynamics limit = new KernelDynamics(hStar, y, u0, result.learningRate());
            double limitLoss = limit.loss(limit.closedForm(result.steps()));
            double[] net = run.series().networkOutputs()[run.series().step().length - 1];
            shares[s] = (initial - limitLoss) / (limit.loss(net) - limitLoss);
        }
        assertEquals(medianOf(shares), output.numbers().get("lagFromInitializationWidest"), 1e-6);
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

    /** If no network survives, the setting is unusable: the error names report.yaml and the key, not an internal failure. */
    @Test void everyNetworkDivergingNamesTheLearningRateSetting() {
        StudyConfig unstable = new StudyConfig("ultrawide", Map.of("widths", "3", "seeds", "1", "learningRateFraction", "1.99",
                "samples", "32", "steps", "100"), Path.of("report.yaml"), true);
        RunPlan planned = new RunPlan();
        UltrawideStudy.Plan unstablePlan = STUDY.plan(unstable, planned);
        org.optreport.report.study.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.optreport.report.study.ConfigException.class, () -> STUDY.analyze(unstablePlan, run(planned)));
        assertTrue(e.getMessage().contains("ultrawide.learningRateFraction"), e.getMessage());
    }
}
