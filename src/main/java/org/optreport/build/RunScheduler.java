package org.optreport.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.ParameterException;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunLimits;
import org.optreport.experiment.RunRequest;

/**
 * Executes the runs a build needs: each is looked up in the cache and computed only when missing (or when
 * {@code fresh}); independent runs go to a pool of {@code jobs} threads. Experiments are pure functions of their
 * parameters, so the results do not depend on the number of jobs or the order of completion.
 */
public final class RunScheduler {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final ExperimentRegistry registry;
    private final RunCache cache;
    private final int jobs;
    private final boolean fresh;
    private final RunLimits limits;
    private final BuildLog log;

    public RunScheduler(ExperimentRegistry registry, RunCache cache, int jobs, boolean fresh, BuildLog log) {
        this(registry, cache, jobs, fresh, RunLimits.standard(), log);
    }

    public RunScheduler(ExperimentRegistry registry, RunCache cache, int jobs, boolean fresh, RunLimits limits, BuildLog log) {
        if (jobs < 1) throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        this.registry = registry;
        this.cache = cache;
        this.jobs = jobs;
        this.fresh = fresh;
        this.limits = limits;
        this.log = log;
    }

    /** A run resolved to its experiment, complete parameters and cache key. */
    private record Planned(RunRequest request, Experiment experiment, Parameters parameters, String key) {}

    /** Results of all {@code requests}, in request order. */
    public Map<RunRequest, JsonNode> runAll(List<RunRequest> requests) {
        return runAll(requests, false);
    }

    /**
     * Results of all {@code requests}, in request order. With {@code requireCached} every result must come from the
     * cache (the build that assembles a sweep's shards): a run that would have to be computed fails the build, naming it.
     */
    public Map<RunRequest, JsonNode> runAll(List<RunRequest> requests, boolean requireCached) {
        return runAll(requests, requireCached, (request, document) -> document);
    }

    /**
     * As {@link #runAll(List, boolean)}, keeping of each result only what {@code read} makes of it: {@code read} runs on
     * the run's thread as soon as the result is loaded or computed, so that a build need not hold every run's JSON tree
     * at once, and reading them is spread over the jobs.
     */
    public <T> Map<RunRequest, T> runAll(List<RunRequest> requests, boolean requireCached, BiFunction<RunRequest, JsonNode, T> read) {
        return runAll(requests, requireCached, read, null);
    }

    /**
     * As {@link #runAll(List, boolean, BiFunction)}, taking a result from {@code kept} when the last build in this JVM
     * read the same cache entry, unchanged, and keeping this build's for the next ({@code kept} may be null: keep none).
     */
    public <T> Map<RunRequest, T> runAll(List<RunRequest> requests, boolean requireCached, BiFunction<RunRequest, JsonNode, T> read,
                                         KeptResults<T> kept) {
        if (kept == null) return runAllReading(requests, requireCached, (p, progress, times) -> read.apply(p.request(), obtain(p, progress, times, requireCached)));
        try {
            return runAllReading(requests, requireCached, (p, progress, times) -> obtainKept(p, progress, times, requireCached, read, kept));
        } finally {
            kept.endBuild(); // a failed build's partial results replace the last build's too: never two builds' worth
        }
    }

    /** How a run's result is obtained on its thread, and what of it is kept. */
    private interface Obtain<T> {
        T apply(Planned p, RunProgress progress, ExperimentTimes times);
    }

    private <T> Map<RunRequest, T> runAllReading(List<RunRequest> requests, boolean requireCached, Obtain<T> read) {
        List<Planned> planned = plan(requests, !requireCached);
        if (requireCached) {
            List<Planned> missing = planned.stream().filter(this::mustCompute).toList();
            if (!missing.isEmpty()) throw new UncachedRunsException(cache.directory(), planned.size(), missing.stream().map(Planned::request).toList());
            log.info("runs", "--require-cached: all " + planned.size() + " runs are in the cache; none will be computed");
        }
        return execute(planned, read);
    }

    /** Computes into the cache only the runs of {@code shard}; returns how many it owned. */
    public int runShard(List<RunRequest> requests, Shard shard) {
        List<Planned> all = plan(requests, false);
        List<Planned> mine = ownedBy(all, shard);
        for (Planned p : mine) if (mustCompute(p)) checkFits(p);
        log.info("shard", "shard " + shard + ": " + mine.size() + " of " + all.size() + " runs");
        execute(mine, (p, progress, times) -> { obtain(p, progress, times, false); return Boolean.TRUE; }); // into the cache only: nothing is kept
        return mine.size();
    }

    /** The runs of {@code shard} when the runs are dealt by expected cost ({@link ShardPlan}). */
    private List<Planned> ownedBy(List<Planned> all, Shard shard) {
        Set<String> keys = new HashSet<>();
        for (ShardPlan.Job job : dealt(all, shard.count()).share(shard).jobs()) keys.add(job.key());
        List<Planned> mine = new ArrayList<>();
        for (Planned p : all) if (keys.contains(p.key())) mine.add(p);
        return mine;
    }

    private ShardPlan dealt(List<Planned> all, int count) {
        return ShardPlan.deal(all.stream().map(p -> new ShardPlan.Job(p.key(), expectedSeconds(p))).toList(), count);
    }

    /**
     * {@code build --plan}: what the build (or only {@code shard}, when non-null) would compute and reuse, each run
     * with its expected time, and for a shard how the whole sweep is balanced. Computes nothing.
     */
    public void showPlan(List<RunRequest> requests, Shard shard) {
        List<Planned> all = plan(requests, false);
        List<Planned> shown = shard == null ? all : ownedBy(all, shard);
        double compute = 0;
        int computing = 0;
        for (Planned p : shown) {
            boolean computes = mustCompute(p);
            if (computes) {
                compute += expectedSeconds(p);
                computing++;
            }
            log.info("plan", String.format(Locale.ROOT, "%-8s %9s  %s", computes ? "compute" : "cached",
                    RunLimits.duration(expectedSeconds(p)) + (recorded(p) ? "*" : ""), p.request()));
        }
        String who = shard == null ? "the build" : "shard " + shard;
        log.info("plan", String.format(Locale.ROOT, "%s: %d runs, %d to compute (estimated %s of run time, about %s on %d jobs), %d in the cache;"
                        + " * marks a time recorded by an earlier computation, the others are the cost model's",
                who, shown.size(), computing, RunLimits.duration(compute), RunLimits.duration(compute / jobs), jobs, shown.size() - computing));
        if (shard != null) {
            ShardPlan plan = dealt(all, shard.count());
            log.info("plan", String.format(Locale.ROOT, "the %d shards' expected run time: %s; the largest is %.2f x the mean",
                    shard.count(), String.join(", ", plan.shares().stream().map(s -> RunLimits.duration(s.seconds())).toList()), plan.imbalance()));
        }
    }

    /** Every shard's share of {@code requests}, dealt by expected cost (as {@link #runShard} deals them). */
    public ShardPlan shardPlan(List<RunRequest> requests, int count) {
        return dealt(plan(requests, false), count);
    }

    private List<Planned> plan(List<RunRequest> requests, boolean checkLimits) {
        List<Planned> planned = new ArrayList<>();
        LinkedHashMap<RunRequest, Boolean> unique = new LinkedHashMap<>();
        for (RunRequest r : requests) unique.put(r, true);
        for (RunRequest r : unique.keySet()) {
            Experiment e = registry.get(r.experiment());
            Parameters p = Parameters.of(e.name(), e.parameters(), r.parameters());
            planned.add(new Planned(r, e, p, cache.key(e, p.asMap())));
        }
        if (checkLimits) for (Planned p : planned) if (mustCompute(p)) checkFits(p);
        return planned;
    }

    /** Whether the run will be computed: a stored result (validated later, on load) needs no limits. */
    private boolean mustCompute(Planned p) {
        return fresh || !Files.isRegularFile(cache.file(p.experiment().name(), p.key(), ".json"));
    }

    /** Before anything starts: a run that cannot finish (heap, array size) or would take too long fails the plan, naming it. */
    private void checkFits(Planned p) {
        try {
            limits.check(p.experiment(), p.parameters());
        } catch (ParameterException e) {
            throw new ParameterException("run " + p.request() + ": " + e.getMessage());
        }
    }

    /** Ordinary runs in parallel first, then exclusive ones (benchmarks) one at a time with the machine to themselves. */
    private <T> Map<RunRequest, T> execute(List<Planned> planned, Obtain<T> read) {
        List<Planned> shared = planned.stream().filter(p -> !p.experiment().exclusive()).toList();
        List<Planned> exclusive = planned.stream().filter(p -> p.experiment().exclusive()).toList();
        double estimate = planned.stream().filter(this::mustCompute).mapToDouble(this::estimatedSeconds).sum();
        RunProgress progress = new RunProgress(log, planned.size(), jobs, estimate);
        ExperimentTimes times = new ExperimentTimes();
        Map<RunRequest, T> byRequest = new LinkedHashMap<>();
        byRequest.putAll(executeIn(shared, jobs, progress, times, read));
        byRequest.putAll(executeIn(exclusive, 1, progress, times, read));
        lastCounts = new Counts(progress.computedCount(), progress.reusedCount(), progress.divergedCount());
        lastTimes = times;
        Map<RunRequest, T> results = new LinkedHashMap<>();
        for (Planned p : planned) results.put(p.request(), byRequest.get(p.request()));
        return results;
    }

    private double estimatedSeconds(Planned p) { return p.experiment().cost(p.parameters()).seconds(); }

    /** What a shard plan counts for the run: the time it took when an earlier code version computed it, else the cost model's estimate. */
    private double expectedSeconds(Planned p) {
        return recordedTimes().seconds(p.experiment().name(), p.parameters().asMap(), p.key()).orElseGet(() -> estimatedSeconds(p));
    }

    private boolean recorded(Planned p) {
        return recordedTimes().seconds(p.experiment().name(), p.parameters().asMap(), p.key()).isPresent();
    }

    private RunTimes recordedTimes;

    private synchronized RunTimes recordedTimes() {
        if (recordedTimes == null) recordedTimes = RunTimes.read(cache.directory());
        return recordedTimes;
    }

    /** How the runs of the last {@code runAll} or {@code runShard} were obtained. */
    public record Counts(int computed, int reused, int diverged) {}

    private Counts lastCounts = new Counts(0, 0, 0);

    public Counts lastCounts() { return lastCounts; }

    private ExperimentTimes lastTimes = new ExperimentTimes();

    /** Per experiment, the runs of the last {@code runAll} or {@code runShard} computed and reused, with their times. */
    public ExperimentTimes lastTimes() { return lastTimes; }

    private <T> Map<RunRequest, T> executeIn(List<Planned> planned, int jobs, RunProgress progress, ExperimentTimes times, Obtain<T> read) {
        Map<RunRequest, T> results = new LinkedHashMap<>();
        if (planned.isEmpty()) return results;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, planned.size())), r -> {
            Thread t = new Thread(r, "optreport-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Planned p : planned) futures.add(pool.submit(() -> read.apply(p, progress, times)));
            for (int i = 0; i < planned.size(); i++) results.put(planned.get(i).request(), futures.get(i).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running experiments", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /** The run's result as {@code read} makes it, from {@code kept} if its cache entry is the one the last build read. */
    private <T> T obtainKept(Planned p, RunProgress progress, ExperimentTimes times, boolean requireCached,
                             BiFunction<RunRequest, JsonNode, T> read, KeptResults<T> kept) {
        String experiment = p.experiment().name();
        Path file = cache.file(experiment, p.key(), ".json");
        if (!fresh) {
            Optional<KeptResults.Stamp> stamp = cache.stamp(experiment, p.key());
            Optional<KeptResults.Kept<T>> found = stamp.flatMap(s -> kept.find(file, s));
            if (found.isPresent()) {
                log.detail("run", "reused   " + p.request() + " (as the last build in this JVM read it)");
                progress.reused(found.get().diverged());
                times.reused(experiment, p.parameters().asMap(), cache.recordedTime(experiment, p.key()));
                kept.keep(file, stamp.get(), found.get().value(), found.get().diverged());
                return found.get().value();
            }
        }
        JsonNode document = obtain(p, progress, times, requireCached);
        T value = read.apply(p.request(), document);
        cache.stamp(experiment, p.key()).ifPresent(s -> kept.keep(file, s, value, document.path("diverged").asBoolean(false)));
        return value;
    }

    private JsonNode obtain(Planned p, RunProgress progress, ExperimentTimes times, boolean requireCached) {
        long start = System.nanoTime(), cpuStart = THREADS.getCurrentThreadCpuTime();
        if (!fresh) {
            var cached = cache.load(p.experiment().name(), p.key(), p.parameters().asMap(), m -> log.info("cache", m));
            if (cached.isPresent()) {
                log.detail("run", "reused   " + p.request());
                progress.reused(cached.get().path("diverged").asBoolean(false));
                times.reused(p.experiment().name(), p.parameters().asMap(), cache.recordedTime(p.experiment().name(), p.key()));
                return cached.get();
            }
        }
        if (requireCached) throw new UncachedRunsException(cache.directory(), 1, List.of(p.request())); // its entry was damaged
        log.detail("run", "start    " + p.request());
        ObjectNode result;
        try {
            result = p.experiment().run(p.parameters(), message -> log.detail("run", p.request() + ": " + message));
        } catch (RuntimeException | StackOverflowError e) {
            throw new RunFailedException(p.request(), e);
        } catch (OutOfMemoryError e) {
            // the run's own arrays are unreachable once it threw: the rest of the build can go on reporting
            throw new RunFailedException(p.request(), new IllegalStateException(String.format(Locale.ROOT,
                    "out of memory (the Java heap is %.1f GiB); lower the run's sizes or raise the heap with -Xmx",
                    Runtime.getRuntime().maxMemory() / (double) (1L << 30)), e));
        }
        result.put("cacheKey", p.key());
        result.set("parameters", Json.parameters(p.parameters().asMap())); // the identity a later load checks
        try {
            cache.store(p.experiment().name(), p.key(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run cache under " + cache.directory() + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        times.computed(p.experiment().name(), p.parameters().asMap(), seconds, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        cache.recordTime(p.experiment().name(), p.key(), p.parameters().asMap(), seconds);
        boolean diverged = result.path("diverged").asBoolean(false);
        log.detail("run", String.format(Locale.ROOT, "computed %s in %.1f s%s", p.request(), seconds, diverged ? " (DIVERGED)" : ""));
        progress.computed(diverged, seconds, estimatedSeconds(p));
        return result;
    }

    /** A run that threw: names the run. */
    public static final class RunFailedException extends RuntimeException {
        public RunFailedException(RunRequest request, Throwable cause) {
            super("run failed: " + request + ": " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), cause);
        }
    }
}
