package org.optreport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.optreport.files.FolderLock;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * Runs the benchmarks through JMH's Java API and returns JMH's JSON results (one array for the whole suite).
 * Each benchmark class runs as its own JMH invocation, so that its sizes can be chosen independently of the
 * other classes' (JMH applies a parameter override to every benchmark with that parameter name).
 */
public final class BenchmarkSuite {
    /**
     * smoke: every kernel once, in this JVM, in seconds: it shows the pipeline works, its numbers mean little and its
     * verdicts are inconclusive (one replicate, no interval; {@code build --quick}'s default); quick: three forks of
     * the sizes the targets need, one size of every other kernel and the sizes the gradient's, the Hessian-vector
     * product's and the ReLU step's exponents need, about three minutes on two shared cores (the build's default);
     * thorough: every size, five forks, long iterations, for publication.
     */
    public enum Setting {
        SMOKE, QUICK, THOROUGH;

        public static Setting parse(String text) {
            for (Setting s : values()) if (s.name().equalsIgnoreCase(text.trim())) return s;
            throw new IllegalArgumentException("setting '" + text + "' must be smoke, quick or thorough");
        }

        public String label() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * How JMH measures: forks, iterations and their durations, and whether the allocation profiler runs. Each fork's
     * mean is one replicate of the analysis (the iterations within one JVM share its compilation and its heap layout,
     * so they are not independent), hence at least three forks wherever an interval is wanted.
     */
    public record Settings(int forks, int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
                           boolean gcProfiler) {
        public static Settings of(Setting setting) {
            return switch (setting) {
                case SMOKE -> new Settings(0, 1, 50, 1, 50, true); // forks 0: in this JVM, no start-up per size, no replicates
                case QUICK -> new Settings(3, 2, 100, 3, 100, true);
                case THOROUGH -> new Settings(5, 4, 500, 8, 500, true);
            };
        }

        /** Settings for a slow entry (tens of milliseconds a call): iterations long enough for dozens of calls per fork. */
        static Settings slow(Setting setting) {
            return switch (setting) {
                case SMOKE -> of(setting);
                case QUICK -> new Settings(3, 2, 400, 3, 400, true);
                case THOROUGH -> new Settings(5, 3, 2000, 8, 2000, true);
            };
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("forks", forks).put("warmupIterations", warmupIterations).put("warmupMillis", warmupMillis)
                    .put("measurementIterations", measurementIterations).put("measurementMillis", measurementMillis)
                    .put("gcProfiler", gcProfiler).put("jmhVersion", Version.getPlainVersion());
            return o;
        }
    }

    /**
     * One benchmark class, its size parameter and the sizes the quick setting measures (thorough: all declared; none:
     * the quick setting leaves the class out, and the smoke setting, which runs every kernel once, takes its first
     * declared size). {@code slow}: an operation takes tens of milliseconds or more at some of its thorough sizes, so
     * short iterations would time only a handful of calls, some before the JIT compiler is done: it gets
     * {@link Settings#slow} instead; {@code slowAtQuickSizes}: so it does at its quick sizes too. {@code extraSizes}:
     * further quick sizes no target is judged at (those only a scaling exponent and the cost model use, or a speed-up
     * table's row), measured with the ordinary iterations ({@link Settings#of}) even where the entry is slow: a fit
     * needs each size's mean over three forks, not a tight interval at each size; the smoke setting leaves them out.
     */
    public record Entry(Class<?> benchmark, String parameter, List<String> quickSizes, boolean slow, boolean slowAtQuickSizes,
                        List<String> extraSizes) {
        public Entry(Class<?> benchmark, String parameter, List<String> quickSizes, boolean slow, boolean slowAtQuickSizes) {
            this(benchmark, parameter, quickSizes, slow, slowAtQuickSizes, List.of());
        }

        public Entry(Class<?> benchmark, String parameter, List<String> quickSizes, boolean slow) { this(benchmark, parameter, quickSizes, slow, slow); }

        public Entry(Class<?> benchmark, String parameter, List<String> quickSizes) { this(benchmark, parameter, quickSizes, false); }

        public String include() { return "^" + Pattern.quote(benchmark.getName()) + "\\."; }

        Settings settings(Setting setting) {
            boolean slowHere = setting == Setting.THOROUGH ? slow : slowAtQuickSizes;
            return slowHere ? Settings.slow(setting) : Settings.of(setting);
        }

        /** The sizes a setting measures: thorough every declared one, quick its quick and extra sizes, smoke the quick ones or the first declared. */
        List<String> sizes(Setting setting) {
            return runs(setting).stream().flatMap(r -> r.sizes().stream()).toList();
        }

        /** The JMH invocations a setting makes of this class: its sizes grouped by how they are measured. */
        List<Run> runs(Setting setting) {
            List<String> sizes = switch (setting) {
                case THOROUGH -> List.of(declaredSizes(this));
                case QUICK -> quickSizes;
                case SMOKE -> quickSizes.isEmpty() ? List.of(declaredSizes(this)[0]) : quickSizes;
            };
            if (setting != Setting.QUICK || extraSizes.isEmpty()) return sizes.isEmpty() ? List.of() : List.of(new Run(sizes, settings(setting)));
            Settings ordinary = Settings.of(setting);
            if (sizes.isEmpty()) return List.of(new Run(extraSizes, ordinary));
            if (settings(setting).equals(ordinary)) return List.of(new Run(Stream.concat(sizes.stream(), extraSizes.stream()).toList(), ordinary));
            return List.of(new Run(sizes, settings(setting)), new Run(extraSizes, ordinary));
        }
    }

    /** One JMH invocation of a benchmark class: the sizes it measures and how. */
    record Run(List<String> sizes, Settings settings) {}

    /**
     * Fixed for every fork so that figures do not depend on how the host JVM was started: a heap of fixed size
     * (-Xms = -Xmx, so it never resizes during a measurement), touched in full at start-up (no page faults inside a
     * measurement), and the parallel collector, pinned: it has no humongous regions, so the p x p Hessians are
     * ordinary allocations, and its pauses are short and counted by JMH's gc profiler. The heap is as large as the
     * setting's largest sizes need (thorough: Hessians of 11,100 parameters, about 1 GB each; quick:
     * {@link #quickHeapMegabytes}) and no larger, since touching it is part of every fork's start-up (about 0.25 s of
     * system time per 256 MB, over a hundred forks in the quick setting).
     */
    public static List<String> jvmArgs(Setting setting) {
        String heap = setting == Setting.THOROUGH ? "3g" : quickHeapMegabytes() + "m";
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true");
    }

    /**
     * The quick setting's largest live data is the bandwidth benchmark's DRAM working set (four times L3, 128 MB on a
     * 32 MB L3), held for the whole fork, so in the old generation, two thirds of the parallel collector's heap: twice
     * that set, in 64 MB steps, and at least 256 MB, room for its other kernels (a Lanczos call at 99,510 parameters
     * allocates 46 MB, a Hessian at 1,230 parameters 12 MB).
     */
    static long quickHeapMegabytes() {
        long dram = MemoryBandwidthBenchmark.workingSetBytes("DRAM") >> 20;
        return Math.max(256, (2 * dram + 63) / 64 * 64);
    }

    /**
     * Quick sizes: the sizes the targets are judged at, the roofline's references, one size of every other kernel (so
     * that each is on the roofline and in its table: the cheapest size in the regime the page discusses, with the
     * ordinary iterations, a slow kernel's few calls an iteration being enough for one point), and the fewest sizes that
     * give the gradient (depth 3), the Hessian-vector product (depth 3) and the ReLU step a scaling exponent
     * ({@link Entry#extraSizes}: five sizes over 1.5 decades of calls of at least 20 us), nothing else (fewer sizes,
     * not fewer forks): every size costs three JVM start-ups of about 1.4 s before it iterates. The analytic Hessian,
     * the dense path and Lanczos get no exponent here: five depth-3 sizes over 1.5 decades would add three or four
     * sizes each (about 5 s a size), and the dense path's larger ones take seconds a call.
     */
    public static final List<Entry> ENTRIES = List.of(
            new Entry(ClockBenchmark.class, "cycles", List.of("1048576")),
            new Entry(BlasProductBenchmark.class, "n", List.of("512")),
            // a few milliseconds a call: ordinary iterations time dozens of products
            new Entry(MatrixProductBenchmark.class, "n", List.of("256"), true, false),
            new Entry(MemoryBandwidthBenchmark.class, "level", List.of("L1", "L2", "L3", "DRAM")),
            // the targets' sizes, and depth 3 from 3,050 to 308,550 parameters (calls of about 50 us to 10 ms): 5 sizes over
            // 2 decades for the exponent, and calls large enough that the cost model's rate is not lost in the fixed cost
            new Entry(GradientBenchmark.class, "shape", List.of("10x10x1", "10x10x10x1", "10x10x10x10x1"), false, false,
                    List.of("10x50x50x1", "10x100x100x1", "10x160x160x1", "10x310x310x1", "10x550x550x1")),
            // the target's size and, for the exponent, the gradient's depth-3 sizes around it (calls of 0.1 to 20 ms)
            new Entry(HessianVectorProductBenchmark.class, "shape", List.of("10x310x310x1"), false, false,
                    List.of("10x50x50x1", "10x100x100x1", "10x160x160x1", "10x550x550x1")),
            // a few milliseconds a call at the quick sizes: ordinary iterations time dozens of calls
            new Entry(HessianBenchmark.class, "shape", List.of("10x13x13x1", "10x30x30x1"), true, false),
            new Entry(FiniteDifferenceHessianBenchmark.class, "shape", List.of("10x13x13x1", "10x30x30x1"), true),
            // the analytic Hessian's smaller target size: about 60 ms a call dense, a few ms by Lanczos, one row of their
            // speed-up table (at 10x30x30x1 the dense path takes seconds a call)
            new Entry(DenseExtremesBenchmark.class, "shape", List.of("10x13x13x1"), true, false),
            new Entry(LanczosExtremesBenchmark.class, "shape", List.of("10x310x310x1"), true, true, List.of("10x13x13x1")),
            new Entry(LandscapeSpectraBenchmark.class, "depth", List.of("2", "3", "4"), true),
            new Entry(LandscapeProcessBenchmark.class, "depths", List.of("2,3,4"), true),
            // the target's width, and widths 1,000 to 31,623 for the exponent (5 widths over 2 decades, calls of a few ms)
            new Entry(ReluStepBenchmark.class, "width", List.of("100000"), true, true, List.of("1000", "3162", "10000", "31623")),
            // the ultra-wide experiment's 256 samples: H* in milliseconds, the dynamics' set-up in about 0.1 s (one call an
            // iteration) and a step in about 0.1 ms
            new Entry(InfiniteWidthKernelBenchmark.class, "samples", List.of("256")),
            new Entry(KernelDynamicsBenchmark.class, "samples", List.of("256"), true, false));

    /** Seconds to start a fork: the JVM (touching its 1 GB heap), JMH, the benchmark's setup. */
    static final double FORK_SECONDS = 2;
    /** Seconds of a benchmark's setup (building the network, its data) when it runs in this JVM. */
    static final double SETUP_SECONDS = 0.2;
    /** JMH's bookkeeping between iterations, and calls that outlast an iteration (the thorough setting's largest sizes). */
    static final double SCHEDULE_MARGIN = 1.5;

    private BenchmarkSuite() {}

    /**
     * Wall-clock seconds the suite takes with a setting, from JMH's schedule: every benchmark method at every size
     * measured runs in {@code forks} fresh JVMs, each started (FORK_SECONDS) and then iterated for the warm-up and
     * measurement times.
     */
    public static double estimatedSeconds(Setting setting) {
        double total = 0;
        for (Entry e : ENTRIES) {
            long methods = Arrays.stream(e.benchmark().getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class)).count();
            for (Run run : e.runs(setting)) {
                Settings s = run.settings();
                double iterating = (s.warmupIterations() * s.warmupMillis() + s.measurementIterations() * s.measurementMillis()) / 1000.0;
                // forks 0 runs once in this JVM: no start-up, but still the benchmark's setup
                total += methods * run.sizes().size() * (s.forks() == 0 ? SETUP_SECONDS + iterating : s.forks() * (FORK_SECONDS + iterating));
            }
        }
        return SCHEDULE_MARGIN * total;
    }

    /** The sizes a benchmark class declares for its size parameter (its JMH {@code @Param} values). */
    static String[] declaredSizes(Entry e) {
        try {
            return e.benchmark().getField(e.parameter()).getAnnotation(Param.class).value();
        } catch (NoSuchFieldException missing) {
            throw new IllegalStateException(e.benchmark().getSimpleName() + " has no public @Param field " + e.parameter(), missing);
        }
    }

    /** Runs every entry; {@code verbose} passes JMH's own console output through, otherwise one line per class. */
    public static ArrayNode run(Setting setting, boolean verbose, Consumer<String> progress) {
        return run(measurable(setting), setting, Settings.of(setting), verbose, progress);
    }

    /**
     * Every entry this machine can run with sizes in the setting: the DGEMM reference only where OpenBLAS's bundled
     * natives load (linux-x86_64).
     */
    static List<Entry> measurable(Setting setting) {
        return ENTRIES.stream().filter(e -> !e.sizes(setting).isEmpty())
                .filter(e -> e.benchmark() != BlasProductBenchmark.class || OpenBlas.available()).toList();
    }

    public static ArrayNode run(List<Entry> entries, Setting setting, Settings settings, boolean verbose, Consumer<String> progress) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = mapper.createArrayNode();
        // JMH refuses to start while another JMH run holds its machine-wide lock, and two suites at once would time
        // each other anyway: a second optreport build waits for the first one's benchmarks instead of failing.
        Path machineLock = Path.of(System.getProperty("java.io.tmpdir"), "optreport-benchmarks.lock");
        try (FolderLock lock = FolderLock.acquire(machineLock, "the benchmarks on this machine", progress)) {
            Path dir = Files.createTempDirectory("optreport-jmh");
            try {
                for (Entry e : entries) {
                    progress.accept(e.benchmark().getSimpleName() + " (" + setting.label() + ")");
                    Path file = dir.resolve(e.benchmark().getSimpleName() + ".json");
                    for (Run run : e.runs(setting)) {
                        // settings other than the setting's own (a test's) apply to every size alike
                        Run chosen = settings.equals(Settings.of(setting)) ? run : new Run(run.sizes(), settings);
                        new Runner(options(e, chosen, setting, verbose, file).build()).run();
                        JsonNode results = mapper.readTree(file.toFile());
                        for (JsonNode r : results) all.add(r);
                    }
                }
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        return all;
    }

    static ChainedOptionsBuilder options(Entry e, Run run, Setting setting, boolean verbose, Path file) {
        Settings s = run.settings();
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(e.include())
                .forks(s.forks())
                .warmupIterations(s.warmupIterations())
                .warmupTime(TimeValue.milliseconds(s.warmupMillis()))
                .measurementIterations(s.measurementIterations())
                .measurementTime(TimeValue.milliseconds(s.measurementMillis()))
                .timeout(TimeValue.minutes(10))
                .shouldFailOnError(true)
                .jvmArgs(jvmArgs(setting).toArray(String[]::new))
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
                .resultFormat(ResultFormatType.JSON)
                .result(file.toString());
        o.param(e.parameter(), run.sizes().toArray(String[]::new));
        if (s.gcProfiler()) o.addProfiler(GCProfiler.class);
        return o;
    }

}
