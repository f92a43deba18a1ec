package org.optreport.report.performance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.experiment.RunRequest;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.report.output.Format;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.performance.Speedups.Speedup;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;

/**
 * The performance page: JMH figures of the kernels (one "benchmarks" run made by the build), their flop rates and
 * efficiency against the measured matrix-product rate, fitted scaling exponents, speed-ups, and each target of the
 * issue with its measured figure and whether it is met.
 */
public final class PerformanceStudy implements Study {
    static final String NOT_MEASURED = "not measured";

    @Override public String name() { return "performance"; }

    @Override public List<RunRequest> runs(StudyConfig config) {
        return List.of(RunRequest.of("benchmarks", Map.of("setting", config.choice("setting", "quick", "quick", "quick", "thorough"))));
    }

    @Override public StudyOutput analyze(StudyConfig config, Map<RunRequest, JsonNode> results) {
        BenchmarkResult result = BenchmarkResult.read(results.get(runs(config).get(0)));
        Map<String, String> values = new HashMap<>();
        values.put("denseEigenLimit", Format.integer(DeepLinearNetwork.DENSE_EIGEN_LIMIT));
        List<String> warnings = new ArrayList<>();
        Map<String, Table> tables = new HashMap<>();
        for (Kernel k : result.kernels()) {
            if (result.of(k.key()).isEmpty()) warnings.add("the benchmark run has no results for " + k.title());
            tables.put(k.key(), KernelTable.of(result.of(k.key()), result.matmulRate()));
        }
        SetupValues.put(result, values);
        ScalingExponents.put(result, values);

        List<Speedup> hessian = Speedups.pair(result.of("fdHessian"), result.of("hessian"));
        tables.put("hessianSpeedup", Speedups.table(hessian, "finite differences (ms)", "analytic (ms)"));
        tables.put("lanczosSpeedup", Speedups.table(Speedups.pair(result.of("denseExtremes"), result.of("lanczosExtremes")), "dense (ms)", "Lanczos (ms)"));
        tables.put("targets", PerformanceTargets.evaluate(result, hessian, values));
        return new StudyOutput(PerformanceCharts.figures(result), tables, values, warnings);
    }
}
