package org.optreport.report.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
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
import org.optreport.results.Trace;
import org.optreport.site.claims.StudyNumbers;
import org.optreport.site.markdown.MarkdownPages;
import org.optreport.site.markdown.ParsedPage;

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

    /** The page's claims hold on the quick runs and every wording it chooses is decided, so `build --quick` passes. */
    @Test void everyClaimOfThePageHoldsOnTheQuickRuns() throws IOException {
        Path page = Path.of("content/part2-landscape.md");
        ParsedPage parsed = new MarkdownPages().parse(page, Files.readString(page));
        assertTrue(parsed.claims().size() > 40, "claims: " + parsed.claims().size());
        List<String> failures = LandscapePageClaimsTest.failures(parsed, output).stream()
                .filter(f -> QUICK_REGIME_EXEMPT.keySet().stream().noneMatch(f::contains)).toList();
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Claims about the full runs that the quick runs (another regime: fewer seeds and steps) may legitimately fail, each
     * with the reason; `build --quick` warns about them instead of failing. The claim itself is not loosened for them.
     */
    private static final Map<String, String> QUICK_REGIME_EXEMPT = Map.of(
            "claim failed: landscape.escapeRatio43 ≈ landscape.escapeRatio43Law within 10%",
            "the N = 4 / N = 3 ratio of median escape steps: single runs scatter by a factor up to 1.4 around the law, "
                    + "so a median of 2 seeds (quick) can miss the 10% it is checked to on 5");

    // ---- the exact numbers the page's claims check, each recomputed here from the raw results ----

    /** The median as the middle of the sorted values (the mean of the two middle ones for an even count). */
    private static double middle(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        double[] v = runs.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double largest(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        double m = Double.NEGATIVE_INFINITY;
        for (LandscapeResult r : runs) m = Math.max(m, f.applyAsDouble(r));
        return m;
    }

    private static double smallest(List<LandscapeResult> runs, ToDoubleFunction<LandscapeResult> f) {
        return -largest(runs, r -> -f.applyAsDouble(r));
    }

    private static double lastOf(double[] v) { return v[v.length - 1]; }

    private static double maxOf(double[] v) { return Arrays.stream(v).max().getAsDouble(); }

    private static double minOf(double[] v) { return Arrays.stream(v).min().getAsDouble(); }

    private static double stepsTo(LandscapeResult r, String threshold) {
        Integer s = r.stepsToRelativeExcess().get(threshold);
        return s == null ? Double.POSITIVE_INFINITY : s;
    }

    private static boolean inEscape(LandscapeResult r, int step) {
        return r.events().escapeStartStep() <= step && step <= r.events().escapeEndStep();
    }

    private static double sharpnessGap(LandscapeResult r) {
        return 100 * Math.abs(lastOf(r.series().hessianMaxEigenvalue()) / r.predictedSharpness() - 1);
    }

    private static double rateGap(LandscapeResult r) {
        return 100 * Math.abs(r.finalRate().measuredStepsPerDecade() / r.finalRate().predictedStepsPerDecade() - 1);
    }

    /** Index of the first spectral record at or after the first step with a relative excess of at most 1e-6. */
    private static int firstRecordAt1e6(LandscapeResult r) {
        int target = r.stepsToRelativeExcess().get("1e-6");
        int i = 0;
        while (r.series().step()[i] < target) i++;
        return i;
    }

    private static double lambdaMinGradientRateGap(LandscapeResult r) {
        int a = firstRecordAt1e6(r), b = r.series().step().length - 1;
        double[] l = r.series().hessianMinEigenvalue(), g = r.series().gradientNorm();
        return 100 * Math.abs(Math.log(l[a] / l[b]) / Math.log(g[a] / g[b]) - 1);
    }

    private static double gradientDecayGap(LandscapeResult r) {
        Trace t = r.trace().gradientNorm();
        int a = 0;
        while (t.step()[a] < r.stepsToRelativeExcess().get("1e-6")) a++;
        int b = t.step().length - 1, c = a + 1;
        double mid = 0.5 * (t.step()[a] + t.step()[b]);
        for (int i = a + 2; i < b; i++) if (Math.abs(t.step()[i] - mid) < Math.abs(t.step()[c] - mid)) c = i;
        double perDecade1 = (t.step()[c] - t.step()[a]) / Math.log10(t.value()[a] / t.value()[c]);
        double perDecade2 = (t.step()[b] - t.step()[c]) / Math.log10(t.value()[c] / t.value()[b]);
        return 100 * Math.abs(perDecade2 / perDecade1 - 1);
    }

    /** The exported numbers, recomputed from the raw results (and the least-squares ones from the data itself). */
    private static Map<String, Double> expectedNumbers() {
        Map<String, Double> e = new TreeMap<>();
        List<LandscapeResult> main = all(plan.main()), wide = all(plan.large());
        List<LandscapeResult> every = new ArrayList<>(main);
        every.addAll(wide);
        List<LandscapeResult> deep = main.stream().filter(r -> r.depth() >= 3).toList();
        LandscapeResult first = main.get(0);
        double eta = first.learningRate();

        // the data: Sigma = X^T X / n, S_yx = Y^T X / n, W* = S_yx Sigma^-1 (one output)
        double[][] x = first.dataset().x(), y = first.dataset().y();
        int n = x.length, d = x[0].length;
        DMatrixRMaj sigma = new DMatrixRMaj(d, d);
        double[] syx = new double[d];
        for (double[] row : x) for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) sigma.add(i, j, row[i] * row[j] / n);
        for (int k = 0; k < n; k++) for (int i = 0; i < d; i++) syx[i] += y[k][0] * x[k][i] / n;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        assertTrue(eig.decompose(sigma.copy()));
        double lMax = Double.NEGATIVE_INFINITY, lMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d; i++) { lMax = Math.max(lMax, eig.getEigenvalue(i).real); lMin = Math.min(lMin, eig.getEigenvalue(i).real); }
        DMatrixRMaj wStar = new DMatrixRMaj(d, 1, true, syx);
        assertTrue(org.ejml.dense.row.CommonOps_DDRM.solve(sigma.copy(), new DMatrixRMaj(d, 1, true, syx), wStar));
        double sumOfSquares = 0, norm = 0, syxNorm = 0, vSigmaV = 0;
        for (int k = 0; k < n; k++) {
            double r = -y[k][0];
            for (int i = 0; i < d; i++) r += wStar.get(i) * x[k][i];
            sumOfSquares += r * r;
        }
        double loss = sumOfSquares / (2 * n);
        for (int i = 0; i < d; i++) { norm += wStar.get(i) * wStar.get(i); syxNorm += syx[i] * syx[i]; }
        syxNorm = Math.sqrt(syxNorm);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) vSigmaV += syx[i] * sigma.get(i, j) * syx[j] / (syxNorm * syxNorm);
        e.put("lambdaMaxSxx", lMax);
        e.put("lambdaMinSxx", lMin);
        e.put("conditionNumber", lMax / lMin);
        e.put("optimalLoss", loss);
        e.put("optimumNorm", Math.sqrt(norm));
        e.put("saddleCurvature", syxNorm);
        e.put("parabolaReach", syxNorm * syxNorm / vSigmaV);
        e.put("linearStepsPerDecade", Math.log(10) / (-2 * Math.log(1 - eta * lMin)));

        e.put("mainRuns", (double) main.size());
        e.put("deepRuns", (double) deep.size());
        e.put("runsReaching1e6", (double) main.stream().filter(r -> r.stepsToRelativeExcess().get("1e-6") != null).count());
        e.put("initialLossMin", smallest(main, r -> r.series().loss()[0]));
        e.put("initialLossMax", largest(main, r -> r.series().loss()[0]));
        e.put("lossFallMax", largest(every, r -> r.series().loss()[0] - loss));
        e.put("finalPhaseStepsMin", smallest(main, r -> stepsTo(r, "1e-6") - stepsTo(r, "1e-3")));
        e.put("largestNegativeCurvature", largest(main, r -> -minOf(r.series().hessianMinEigenvalue())));
        e.put("peakCurvatureRatioMax", largest(main, r -> Math.max(maxOf(r.series().hessianMaxEigenvalue()),
                -minOf(r.series().hessianMinEigenvalue())) / lastOf(r.series().hessianMaxEigenvalue())));
        e.put("escapeLaterThanPredictedRuns", (double) main.stream()
                .filter(r -> r.events().escapeStep() > r.escapePrediction().predictedEscapeStep()).count());
        e.put("peakGradientInEscapeRuns", (double) main.stream().filter(r -> inEscape(r, r.trace().gradientNorm().maxStep())).count());
        e.put("lowestLambdaMinInEscapeRuns", (double) deep.stream().filter(r -> {
            double[] l = r.series().hessianMinEigenvalue();
            int at = 0;
            for (int i = 1; i < l.length; i++) if (l[i] < l[at]) at = i;
            return inEscape(r, r.series().step()[at]);
        }).count());
        e.put("lowestLambdaMinShareMin", smallest(deep, r -> -minOf(r.series().hessianMinEigenvalue()) / e.get("saddleCurvature")));
        e.put("lowestLambdaMinShareMax", largest(deep, r -> -minOf(r.series().hessianMinEigenvalue()) / e.get("saddleCurvature")));
        e.put("finalExcessMax", largest(main, r -> lastOf(r.series().excessLoss()) / loss));
        e.put("etaSharpnessMax", eta * largest(main, r -> lastOf(r.series().hessianMaxEigenvalue())));
        e.put("etaPeakSharpnessMax", eta * largest(main, r -> maxOf(r.series().hessianMaxEigenvalue())));
        e.put("etaPredictedSharpnessMax", eta * largest(main, r -> r.predictedSharpness()));
        e.put("finalLambdaMinMax", largest(main, r -> Math.abs(lastOf(r.series().hessianMinEigenvalue()))));
        e.put("lambdaMinAfterEscapeMax", largest(main, r -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < r.series().step().length; i++)
                if (r.series().step()[i] >= r.events().escapeEndStep()) m = Math.max(m, r.series().hessianMinEigenvalue()[i]);
            return m;
        }));
        e.put("lambdaMinGradientRateGapMax", largest(main, LandscapeStudyTest::lambdaMinGradientRateGap));
        double afterLo = Double.POSITIVE_INFINITY, afterHi = Double.NEGATIVE_INFINITY;
        for (LandscapeResult r : main)
            for (int i = 0; i < r.series().step().length; i++)
                if (r.series().step()[i] >= r.events().escapeEndStep()) {
                    double ratio = r.series().hessianMinEigenvalue()[i] / r.series().gradientNorm()[i];
                    afterLo = Math.min(afterLo, ratio);
                    afterHi = Math.max(afterHi, ratio);
                }
        e.put("lambdaMinGradientRatioAfterEscapeMin", afterLo);
        e.put("lambdaMinGradientRatioAfterEscapeMax", afterHi);
        e.put("finalGradientMax", largest(main, r -> lastOf(r.series().gradientNorm())));
        e.put("gradientDecayRateGapMax", largest(main, LandscapeStudyTest::gradientDecayGap));
        e.put("imbalanceMax", largest(main, LandscapeResult::finalRelativeImbalance));
        e.put("startImbalanceShareMin", smallest(main, r -> r.series().imbalance()[0] / lastOf(r.series().imbalance())));
        e.put("sharpnessGapMax", largest(main, LandscapeStudyTest::sharpnessGap));
        e.put("sharpnessRatioMin", smallest(every, r -> lastOf(r.series().hessianMaxEigenvalue()) / r.predictedSharpness()));
        e.put("sharpnessRatioMax", largest(every, r -> lastOf(r.series().hessianMaxEigenvalue()) / r.predictedSharpness()));
        e.put("sharpnessOvershootPercent", 100 * largest(main, r -> maxOf(r.series().hessianMaxEigenvalue())
                / lastOf(r.series().hessianMaxEigenvalue()) - 1));
        e.put("stepsPerDecadeGapMax", largest(main, LandscapeStudyTest::rateGap));
        e.put("sharpnessAtEscapeEndMax", largest(main, q -> {
            int at = 0;
            while (at + 1 < q.series().step().length && q.series().step()[at + 1] <= q.events().escapeEndStep()) at++;
            return q.series().hessianMaxEigenvalue()[at] / lastOf(q.series().hessianMaxEigenvalue());
        }));
        e.put("sharpnessAt1e6Min", smallest(main, q -> {
            int at = 0;
            while (at + 1 < q.series().step().length && q.series().step()[at + 1] <= q.stepsToRelativeExcess().get("1e-6")) at++;
            return q.series().hessianMaxEigenvalue()[at] / lastOf(q.series().hessianMaxEigenvalue());
        }));
        e.put("escapeEndTo1e6Min", smallest(main, q -> q.stepsToRelativeExcess().get("1e-6") - q.events().escapeEndStep()));
        ToDoubleFunction<LandscapeResult> slowdown = r -> 100 * ((r.stepsToRelativeExcess().get("1e-6") - r.stepsToRelativeExcess().get("1e-3"))
                / (3 * r.finalRate().predictedStepsPerDecade()) - 1);
        e.put("midPhaseSlowdownMin", smallest(main, slowdown));
        e.put("midPhaseSlowdownMax", largest(main, slowdown));

        LandscapeResult deepestWide = wide.stream().max(java.util.Comparator.comparingInt(LandscapeResult::depth)).orElseThrow();
        e.put("largeSeeds", (double) plan.large().seeds());
        e.put("largeRuns", (double) wide.size());
        e.put("largeRunsReaching1e6", (double) wide.stream().filter(r -> r.stepsToRelativeExcess().get("1e-6") != null).count());
        e.put("largeInitialLambdaMinMax", largest(wide, r -> r.series().hessianMinEigenvalue()[0]));
        double farthest = 0;
        for (LandscapeResult r : wide) {
            double l = lastOf(r.series().hessianMinEigenvalue());
            if (Math.abs(l) > Math.abs(farthest)) farthest = l;
        }
        e.put("largeFinalLambdaMin", farthest);
        e.put("largeFinalLambdaMinOverResidualMax", largest(wide, r -> Math.abs(lastOf(r.series().hessianMinEigenvalue()))
                / lastOf(r.series().hessianResidual())));
        // lambda_min / gradient norm at the records with a relative excess of at most 1e-6 (by the loss's own crossing step)
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (LandscapeResult r : main)
            for (int i = firstRecordAt1e6(r); i < r.series().step().length; i++) {
                double ratio = r.series().hessianMinEigenvalue()[i] / r.series().gradientNorm()[i];
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
            }
        e.put("lastPhaseLambdaMinGradientRatioMin", lo);
        e.put("lastPhaseLambdaMinGradientRatioMax", hi);
        List<Double> resolved = new ArrayList<>(), resolvedSteps = new ArrayList<>(), unresolvedSteps = new ArrayList<>();
        List<Double> unresolvedRatios = new ArrayList<>(), expectedOverResidual = new ArrayList<>();
        double fewest = Double.POSITIVE_INFINITY;
        for (LandscapeResult r : wide) {
            int unresolved = 0;
            for (int i = firstRecordAt1e6(r); i < r.series().step().length; i++) {
                double g = r.series().gradientNorm()[i], ratio = r.series().hessianMinEigenvalue()[i] / g;
                if (2 * Math.abs(ratio) >= Math.abs(hi)) {
                    resolved.add(ratio);
                    resolvedSteps.add((double) r.series().step()[i]);
                } else {
                    unresolved++;
                    unresolvedSteps.add((double) r.series().step()[i]);
                    unresolvedRatios.add(Math.abs(ratio));
                    expectedOverResidual.add(Math.abs(hi) * g / r.series().hessianResidual()[i]);
                }
            }
            fewest = Math.min(fewest, unresolved);
        }
        e.put("largeResolvedRatioMin", resolved.stream().mapToDouble(Double::doubleValue).min().getAsDouble());
        e.put("largeResolvedRatioMax", resolved.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
        e.put("largeResolvedToStep", resolvedSteps.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
        e.put("largeUnresolvedFromStep", unresolvedSteps.stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY));
        e.put("largeUnresolvedRecords", (double) unresolvedSteps.size());
        e.put("largeUnresolvedRecordsMin", fewest);
        e.put("largeUnresolvedRatioMax", unresolvedRatios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        e.put("largeExpectedLambdaMinOverResidualMin", expectedOverResidual.stream().mapToDouble(Double::doubleValue).min()
                .orElse(Double.POSITIVE_INFINITY));
        e.put("largeSharpness", lastOf(deepestWide.series().hessianMaxEigenvalue()));
        e.put("largePredictedSharpness", deepestWide.predictedSharpness());
        e.put("largeSharpnessGap", sharpnessGap(deepestWide));
        e.put("largeSharpnessGapMax", largest(wide, LandscapeStudyTest::sharpnessGap));
        e.put("largeImbalance", deepestWide.finalRelativeImbalance());

        for (LandscapeStudy.Configuration c : List.of(plan.main(), plan.large()))
            c.byDepth().forEach((depth, handles) -> {
                List<LandscapeResult> r = results.get(handles);
                String p = c == plan.main() ? "" : "large", m = ".depth" + depth;
                java.util.function.BiConsumer<String, Double> put = (name, value) ->
                        e.put((p.isEmpty() ? name : p + Character.toUpperCase(name.charAt(0)) + name.substring(1)) + m, value);
                put.accept("stepsTo1e3", middle(r, q -> stepsTo(q, "1e-3")));
                put.accept("stepsTo1e6", middle(r, q -> stepsTo(q, "1e-6")));
                put.accept("stepsTo1e6Max", largest(r, q -> stepsTo(q, "1e-6")));
                put.accept("sharpness", middle(r, q -> lastOf(q.series().hessianMaxEigenvalue())));
                put.accept("predictedSharpness", middle(r, LandscapeResult::predictedSharpness));
                put.accept("sharpnessGap", middle(r, LandscapeStudyTest::sharpnessGap));
                put.accept("imbalance", middle(r, LandscapeResult::finalRelativeImbalance));
                put.accept("initialLambdaMin", middle(r, q -> q.series().hessianMinEigenvalue()[0]));
                put.accept("initialLambdaMax", middle(r, q -> q.series().hessianMaxEigenvalue()[0]));
                put.accept("lowestLambdaMin", middle(r, q -> minOf(q.series().hessianMinEigenvalue())));
                put.accept("lowestLambdaMinStep", middle(r, q -> {
                    double[] l = q.series().hessianMinEigenvalue();
                    int at = 0;
                    for (int i = 1; i < l.length; i++) if (l[i] < l[at]) at = i;
                    return q.series().step()[at];
                }));
                put.accept("lowestLambdaMinResolution", largest(r, q -> q.events().lowestLambdaMinResolution()));
                put.accept("initialGradient", middle(r, q -> q.series().gradientNorm()[0]));
                put.accept("peakGradient", middle(r, q -> q.trace().gradientNorm().max()));
                put.accept("peakGradientStep", middle(r, q -> q.trace().gradientNorm().maxStep()));
                put.accept("escapeStep", middle(r, q -> q.events().escapeStep()));
                put.accept("predictedEscapeStep", middle(r, q -> q.escapePrediction().predictedEscapeStep()));
                put.accept("escapeRatioMin", smallest(r, q -> q.events().escapeStep() / q.escapePrediction().predictedEscapeStep()));
                put.accept("escapeRatioMax", largest(r, q -> q.events().escapeStep() / q.escapePrediction().predictedEscapeStep()));
                put.accept("layerScale", middle(r, q -> q.escapePrediction().layerScale()));
                put.accept("escapeStart", middle(r, q -> q.events().escapeStartStep()));
                put.accept("escapeEnd", middle(r, q -> q.events().escapeEndStep()));
                put.accept("escapeDuration", middle(r, q -> q.events().escapeEndStep() - q.events().escapeStartStep()));
                put.accept("escapesFullyRecorded", (double) r.stream().filter(q -> Arrays.stream(q.series().step())
                        .filter(s -> inEscape(q, s)).count() == q.events().escapeEndStep() - q.events().escapeStartStep() + 1).count());
                put.accept("runs", (double) r.size());
                put.accept("spectralRecordsInEscapeMin", smallest(r, q -> Arrays.stream(q.series().step()).filter(s -> inEscape(q, s)).count()));
                put.accept("predictedRate", middle(r, q -> q.finalRate().predictedRate()));
                put.accept("predictedStepsPerDecade", middle(r, q -> q.finalRate().predictedStepsPerDecade()));
                put.accept("measuredStepsPerDecade", middle(r, q -> q.finalRate().measuredStepsPerDecade()));
                put.accept("stepsPerDecadeGap", largest(r, LandscapeStudyTest::rateGap));
                put.accept("sharpnessDip", largest(r, q -> {
                    double low = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < q.series().step().length; i++)
                        if (inEscape(q, q.series().step()[i])) low = Math.min(low, q.series().hessianMaxEigenvalue()[i]);
                    return low / q.series().hessianMaxEigenvalue()[0];
                }));
                ToDoubleFunction<LandscapeResult> lowest = q -> {
                    double[] l = q.series().hessianMaxEigenvalue();
                    int at = 0;
                    for (int i = 1; i < l.length; i++) if (l[i] < l[at]) at = i;
                    return at;
                };
                put.accept("sharpnessLowestInEscapeRuns", (double) r.stream()
                        .filter(q -> inEscape(q, q.series().step()[(int) lowest.applyAsDouble(q)])).count());
                put.accept("sharpnessDipRecovery", largest(r, q -> {
                    int at = (int) lowest.applyAsDouble(q);
                    double[] l = q.series().hessianMaxEigenvalue();
                    int back = at;
                    while (back < l.length && l[back] < l[0]) back++;
                    return back == l.length ? Double.POSITIVE_INFINITY : q.series().step()[back] - q.series().step()[at];
                }));
                put.accept("sharpnessAtEscapeEnd", smallest(r, q -> {
                    int at = 0;
                    while (at + 1 < q.series().step().length && q.series().step()[at + 1] <= q.events().escapeEndStep()) at++;
                    return q.series().hessianMaxEigenvalue()[at] / lastOf(q.series().hessianMaxEigenvalue());
                }));
                put.accept("plateauRecordDensity", largest(r, q -> Arrays.stream(q.series().step())
                        .filter(s -> s < q.events().escapeStartStep()).count() / (double) q.events().escapeStartStep()));
                put.accept("escapeRecordDensity", smallest(r, q -> Arrays.stream(q.series().step()).filter(s -> inEscape(q, s)).count()
                        / (double) (q.events().escapeEndStep() - q.events().escapeStartStep() + 1)));
            });
        structureNumbers(e, main, eta, lMax, lMin, Math.sqrt(norm));
        plan.large().byDepth().forEach((depth, handles) -> {
            List<LandscapeResult> w = results.get(handles), m = results.get(plan.main().byDepth().get(depth));
            e.put("largeEscapeStepRatio.depth" + depth, middle(w, q -> q.events().escapeStep()) / middle(m, q -> q.events().escapeStep()));
            e.put("largeLayerScaleRatio.depth" + depth,
                    middle(w, q -> q.escapePrediction().layerScale()) / middle(m, q -> q.escapePrediction().layerScale()));
        });
        return e;
    }

    /**
     * The structural numbers (Hessian inertia and rank, rescaled minima, imbalance drift, smoothness bounds, stopping
     * rule, plateau law), recomputed from the raw results with the page's formulas written out again here.
     */
    private static void structureNumbers(Map<String, Double> e, List<LandscapeResult> main, double eta, double lMax, double lMin,
                                         double optimumNorm) {
        double fall = largest(main, q -> q.series().loss()[0] - q.leastSquares().optimalLoss());
        double radius = optimumNorm + Math.sqrt(2 * fall / lMin);
        e.put("endToEndRadius", radius);
        e.put("etaLossFall", eta * fall);
        e.put("imbalanceDriftMax", largest(main, q -> q.conservation().imbalanceChange()));
        e.put("gradientEnergyMax", largest(main, q -> eta * eta * q.conservation().sumSquaredGradient()));
        ToDoubleFunction<LandscapeResult> driftBound = q -> eta * fall / (1 - eta * q.conservation().maxSegmentSmoothness() / 2);
        e.put("imbalanceDriftBoundMin", smallest(main, driftBound));
        e.put("driftWithinEnergyRuns", (double) main.stream().filter(q -> q.conservation().imbalanceChange()
                <= eta * eta * q.conservation().sumSquaredGradient()
                && eta * eta * q.conservation().sumSquaredGradient() <= driftBound.applyAsDouble(q)).count());
        e.put("etaSegmentSmoothnessMax", eta * largest(main, q -> q.conservation().maxSegmentSmoothness()));
        ToDoubleFunction<LandscapeResult> rateGap = q -> 100 * Math.abs(q.structure().finalSmallestNonzero() / q.finalRate().predictedRate() - 1);
        e.put("smallestNonzeroGapMax", largest(main, rateGap));
        ToDoubleFunction<LandscapeResult> flattest = q -> Math.min(minOf(q.structure().rescaledUpSharpness()), minOf(q.structure().rescaledDownSharpness()));
        plan.main().byDepth().forEach((depth, handles) -> {
            List<LandscapeResult> r = results.get(handles);
            java.util.function.BiConsumer<String, Double> put = (name, value) -> e.put(name + ".depth" + depth, value);
            put.accept("originNegative", largest(r, q -> q.structure().originNegative()));
            put.accept("originNegativeMin", smallest(r, q -> q.structure().originNegative()));
            put.accept("originZero", largest(r, q -> q.structure().originZero()));
            put.accept("originPositive", largest(r, q -> q.structure().originPositive()));
            put.accept("originLargestMagnitude", largest(r, q -> Math.max(-q.structure().originMinEigenvalue(), q.structure().originMaxEigenvalue())));
            put.accept("originMaxEigenvalue", middle(r, q -> q.structure().originMaxEigenvalue()));
            put.accept("originMinEigenvalue", middle(r, q -> q.structure().originMinEigenvalue()));
            put.accept("finalRankMin", smallest(r, q -> q.structure().finalRank()));
            put.accept("finalRankMax", largest(r, q -> q.structure().finalRank()));
            put.accept("finalLargestNull", largest(r, q -> q.structure().finalLargestNull()));
            put.accept("finalZeroCutMax", largest(r, q -> q.structure().finalZeroCut()));
            put.accept("finalSmallestNonzero", smallest(r, q -> q.structure().finalSmallestNonzero()));
            put.accept("smallestNonzeroGap", largest(r, rateGap));
            put.accept("flattestRescaled", middle(r, flattest));
            put.accept("flattestRescaledRatioMax", largest(r, q -> flattest.applyAsDouble(q) / lastOf(q.series().hessianMaxEigenvalue())));
            put.accept("steepestRescaled", middle(r, q -> q.structure().rescaledDownSharpness()[0]));
            put.accept("segmentSmoothness", largest(r, q -> q.conservation().maxSegmentSmoothness()));
            put.accept("segmentOverSharpness", largest(r, q -> q.conservation().maxSegmentSmoothness() / lastOf(q.series().hessianMaxEigenvalue())));
            put.accept("maxLayerNorm", largest(r, q -> q.conservation().maxLayerNorm()));
            put.accept("balancedLayerNorm", Math.pow(optimumNorm, 1.0 / depth));
            // delta: the sum over adjacent pairs of ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F at the start, through EJML
            double delta = largest(r, q -> {
                double sum = 0;
                List<double[][]> w = q.initialWeights();
                for (int j = 0; j + 1 < w.size(); j++) {
                    DMatrixRMaj lower = new DMatrixRMaj(w.get(j)), upper = new DMatrixRMaj(w.get(j + 1));
                    DMatrixRMaj gram = new DMatrixRMaj(upper.numCols, upper.numCols), outer = new DMatrixRMaj(lower.numRows, lower.numRows);
                    org.ejml.dense.row.CommonOps_DDRM.multTransA(upper, upper, gram);
                    org.ejml.dense.row.CommonOps_DDRM.multTransB(lower, lower, outer);
                    org.ejml.dense.row.CommonOps_DDRM.subtractEquals(gram, outer);
                    sum += org.ejml.dense.row.NormOps_DDRM.normF(gram);
                }
                return sum;
            });
            put.accept("initialImbalanceSum", delta);
            double layerSquared = Math.pow(radius, 2.0 / depth) + 2 * delta;
            put.accept("aprioriLayerNorm", Math.sqrt(layerSquared));
            double beta = depth * lMax * Math.pow(layerSquared, depth - 1)
                    + (depth - 1) * Math.pow(Math.sqrt(layerSquared), depth - 2) * Math.sqrt(2 * lMax * fall);
            put.accept("aprioriSmoothness", beta);
            put.accept("aprioriOverSharpness", beta / middle(r, q -> maxOf(q.series().hessianMaxEigenvalue())));
            put.accept("aprioriStep", 2 / beta);
            put.accept("gradientReturnExcess", middle(r, q -> q.stoppingRule().relativeExcessThen()));
            put.accept("gradientReturnExcessMax", largest(r, q -> q.stoppingRule().relativeExcessThen()));
            put.accept("gradientReturnExcessMin", smallest(r, q -> q.stoppingRule().relativeExcessThen()));
            put.accept("gradientReturnStep", middle(r, q -> q.stoppingRule().gradientBackToStartStep()));
            // the rate from lambda+_min: (1 - eta lambda)^(2k) = 1/10, solved for k with log10
            ToDoubleFunction<LandscapeResult> fromHessian = q -> -0.5 / Math.log10(1 - eta * q.structure().finalSmallestNonzero());
            put.accept("hessianStepsPerDecade", middle(r, fromHessian));
            put.accept("hessianStepsPerDecadeGap", largest(r, q -> 100 * Math.abs(q.finalRate().measuredStepsPerDecade() / fromHessian.applyAsDouble(q) - 1)));
            ToDoubleFunction<LandscapeResult> dip = q -> 100 * (q.series().gradientNorm()[0] - q.stoppingRule().plateauMinimum()) / q.series().gradientNorm()[0];
            put.accept("plateauDipPercentMax", largest(r, dip));
            put.accept("plateauDipRuns", (double) r.stream().filter(q -> q.stoppingRule().plateauMinimum() < q.series().gradientNorm()[0]).count());
            put.accept("plateauMinimumStep", middle(r, q -> q.stoppingRule().plateauMinimumStep()));
            put.accept("slowPhaseTo1e3Min", smallest(r, q -> stepsTo(q, "1e-3") - q.events().escapeStep()));
            put.accept("slowPhaseTo1e3Max", largest(r, q -> stepsTo(q, "1e-3") - q.events().escapeStep()));
        });
        e.put("plateauDipRuns", (double) main.stream().filter(q -> q.stoppingRule().plateauMinimum() < q.series().gradientNorm()[0]).count());
        e.put("plateauMinimumExcessMin", smallest(main, q -> q.stoppingRule().plateauMinimumRelativeExcess()));
        e.put("escapeAbovePlateauRuns", (double) main.stream().filter(q -> q.stoppingRule().escapeMinimum() > q.stoppingRule().plateauMinimum()).count());
        List<LandscapeResult> three = results.get(plan.main().byDepth().get(3)), four = results.get(plan.main().byDepth().get(4));
        e.put("escapeRatio43", middle(four, q -> q.events().escapeStep()) / middle(three, q -> q.events().escapeStep()));
        e.put("escapeRatio43Law", 1 / (2 * middle(four, q -> q.escapePrediction().layerScale())));
    }

    /** Every number the study exports for claims, and no other, equals its recomputation from the results. */
    @Test void theNumbersForClaimsMatchAnIndependentComputation() {
        Map<String, Double> expected = expectedNumbers();
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(output.numbers().keySet()), "the exported numbers");
        List<String> wrong = new ArrayList<>();
        expected.forEach((name, value) -> {
            double got = output.numbers().get(name);
            if (!(Math.abs(got - value) <= 1e-9 * Math.max(1, Math.abs(value)) || got == value)) wrong.add(name + ": " + got + " != " + value);
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * A number and the value the page quotes under the same name (or, for a family member x.depthN, as xDepthN) are one
     * quantity: the value is the number as printed (rounded to the digits shown, or up for an upper bound).
     */
    @Test void eachQuotedValueShowsTheNumberOfItsName() {
        StudyNumbers printed = new StudyNumbers(Map.of("landscape",
                new StudyOutput(Map.of(), Map.of(), output.values(), output.meanings(), Map.of(), List.of())));
        int compared = 0;
        for (Map.Entry<String, Double> number : output.numbers().entrySet()) {
            String name = number.getKey();
            int dot = name.indexOf(".depth");
            String valueName = dot < 0 ? name : name.substring(0, dot) + "Depth" + name.substring(dot + ".depth".length());
            if (!output.values().containsKey(valueName)) continue;
            var shown = printed.number("landscape." + valueName);
            if (shown.isEmpty()) continue;
            double exact = number.getValue(), text = shown.getAsDouble();
            // at least two significant digits are shown: they differ from the exact number by at most one unit in the
            // second digit (an upper bound is rounded up)
            double unit = exact == 0 ? 0 : Math.pow(10, Math.floor(Math.log10(Math.abs(exact))) - 1);
            assertEquals(exact, text, unit, name + " is shown as " + output.values().get(valueName));
            compared++;
        }
        assertTrue(compared > 100, "values compared with their numbers: " + compared);
    }
}
