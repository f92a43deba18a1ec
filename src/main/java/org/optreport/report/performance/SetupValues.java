package org.optreport.report.performance;

import static org.optreport.report.performance.PerformanceStudy.NOT_MEASURED;

import java.util.Map;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.output.Format;
import org.optreport.results.BenchmarksResult;

/** The values that say where and how the figures were measured: machine, JMH settings, EJML's matrix product. */
final class SetupValues {
    private SetupValues() {}

    static void put(BenchmarkResult result, QuotedValues values) {
        BenchmarksResult.MachineDescription machine = result.machine();
        BenchmarksResult.SuiteSettings s = result.settings();
        values.put("machine", machine.description(), "the machine the benchmarks ran on");
        values.put("cpu", machine.cpu(), "CPU model of the benchmark machine");
        values.put("cores", Integer.toString(machine.cores()), "cores of the benchmark machine");
        values.put("jvm", machine.jvm(), "Java version the benchmarks ran on");
        values.put("clock", machine.clockMHz() == null || machine.clockMHz().isNaN() ? NOT_MEASURED : Format.sig(machine.clockMHz() / 1e3, 3) + " GHz", "the CPU clock the kernel reports");
        values.put("vectorBits", machine.vectorBits() == null || machine.vectorBits() == 0 ? NOT_MEASURED : Integer.toString(machine.vectorBits()), "vector width the JIT uses (MaxVectorSize), in bits");
        values.put("caches", machine.caches() == null || machine.caches().isEmpty() ? NOT_MEASURED : machine.caches(), "the machine's cache sizes");
        values.put("setting", s.setting(), "the benchmark setting (smoke, quick or thorough)");
        values.put("forks", Integer.toString(s.forks()), "JMH forks per benchmark");
        values.put("forkCount", forkCount(s.forks()), "JMH forks per benchmark, with the noun (\"3 forks\", \"1 fork\"; the smoke setting forks none)");
        values.put("warmup", s.warmupIterations() + " × " + s.warmupMillis() + " ms", "JMH warm-up iterations × their duration");
        values.put("measurement", s.measurementIterations() + " × " + s.measurementMillis() + " ms", "JMH measurement iterations × their duration");
        values.put("jmhVersion", s.jmhVersion(), "JMH version");
        values.put("jvmArgs", s.jvmArgs(), "JVM arguments of the benchmark forks");
        values.put("denseEigenLimit", Format.integer(result.denseEigenLimit()), "largest parameter count at which the dense eigensolver is used");
        values.put("replicates", s.forks() >= 2 ? s.forks() + " fork means" : "one in-process run, so no interval and no verdict", "what one replicate is: a fork's mean");
        Measurement ejml = result.largest("matmul");
        values.put("matmulGflops", rate(ejml), "EJML's matrix-product rate at the largest size measured, in GFLOP/s");
        values.put("matmulGflopsBounds", rateBounds(ejml), "one-sided 95% bounds of EJML's product rate");
        values.put("matmulSize", ejml == null ? NOT_MEASURED : ejml.point().label(), "the matrix shape of EJML's product rate");
        values.put("matmulComparison", matmulComparison(ejml, result.yardstick(), s.setting()), "what EJML's product reaches against DGEMM, or that this setting does not measure it");
        BenchmarksResult.LanczosCheck check = result.lanczosAgainstDense();
        values.put("lanczosDenseDifference", check == null ? NOT_MEASURED : Format.sig(check.relativeDifference(), 2),
                "largest difference between Lanczos's and the dense path's extreme eigenvalues over the dense spectral radius");
        values.put("lanczosDenseShape", check == null ? NOT_MEASURED : check.shape(), "the network of that comparison");
        values.put("lanczosDenseParameters", check == null ? NOT_MEASURED : Format.integer(check.parameters()), "its parameters");
        values.put("lanczosTolerance", check == null ? NOT_MEASURED : Format.sig(check.tolerance(), 1), "Lanczos's stopping tolerance, relative to the spectral radius");
    }

    /** "3 forks", "1 fork", or for the smoke setting's zero forks "one run inside the build's JVM (no fork)". */
    static String forkCount(int forks) {
        return forks == 0 ? "one run inside the build's JVM (no fork)" : Format.count(forks, "fork", "forks");
    }

    /**
     * "reaches 2.10 GFLOP/s at 200×200, 10.5% of DGEMM's rate: judged against it, ...", or that this setting does not
     * measure it: the sentence never prints "not measured" in place of a number.
     */
    static String matmulComparison(Measurement ejml, Measurement yardstick, String setting) {
        if (ejml == null) return "is not measured by the " + setting + " setting";
        String share = yardstick == null || yardstick == ejml ? "" : ", " + Format.sig(100 * ejml.flopRate() / yardstick.flopRate(), 3) + "% of DGEMM's rate";
        return "reaches " + rate(ejml) + " GFLOP/s at " + ejml.point().label() + share + ": judged against it, a kernel looked several times better than it is";
    }

    /** A measurement's flop rate in GFLOP/s, or "not measured". */
    static String rate(Measurement m) {
        return m == null ? NOT_MEASURED : Format.sig(m.flopRate() / 1e9, 3);
    }

    /** The one-sided 95% bounds of a measurement's flop rate, from the bounds of its time. */
    static String rateBounds(Measurement m) {
        return m == null ? NOT_MEASURED : PerformanceTargets.bounds(m.point().flops() / m.time().upper95() / 1e9,
                m.point().flops() / m.time().lower95() / 1e9, 1, "");
    }
}
