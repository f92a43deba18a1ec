package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunCost;
import org.optreport.experiment.RunRequest;

/** How the scheduler deals runs to shards, and the assembling build that must compute nothing. */
class ShardedRunsTest {
    /** Seed s is estimated to take s seconds. */
    static final class Costed extends RunSchedulerTest.Counting {
        @Override public RunCost cost(Parameters p) {
            var term = new RunCost.Term("seed", List.of("seed"), p.get(SEED));
            return new RunCost(0, p.get(SEED), term, term, java.util.Optional.empty());
        }
    }

    private static List<RunRequest> seeds(int n) {
        List<RunRequest> out = new ArrayList<>();
        for (int s = 1; s <= n; s++) out.add(RunRequest.of("counting", Map.of("seed", Integer.toString(s))));
        return out;
    }

    private static RunScheduler scheduler(RunSchedulerTest.Counting e, Path cache) {
        return new RunScheduler(new ExperimentRegistry(List.of(e)), new RunCache(cache), 1, false, BuildLog.silent());
    }

    @Test void shardsAreDealtByTheCostModel(@TempDir Path cache) {
        ShardPlan plan = scheduler(new Costed(), cache).shardPlan(seeds(8), 2); // 1..8 seconds: 18 each, not 16 and 20 by count
        assertEquals(List.of(18.0, 18.0), plan.shares().stream().map(ShardPlan.Share::seconds).toList());
    }

    @Test void aTimeRecordedByEarlierCodeReplacesTheEstimate(@TempDir Path cache) throws Exception {
        RunCache runs = new RunCache(cache);
        RunCache.class.getMethod("recordTime", String.class, String.class, java.util.SortedMap.class, double.class)
                .invoke(runs, "counting", "key-made-by-earlier-code", new TreeMap<>(Map.of("seed", "1")), 100.0);
        ShardPlan plan = scheduler(new Costed(), cache).shardPlan(seeds(3), 2);
        assertEquals(List.of(100.0, 5.0), plan.shares().stream().map(ShardPlan.Share::seconds).toList());
    }

    @Test void aRunsOwnRecordedTimeDoesNotMoveItToAnotherShard(@TempDir Path cache) {
        Costed e = new Costed();
        ShardPlan before = scheduler(e, cache).shardPlan(seeds(5), 2);
        scheduler(e, cache).runShard(seeds(5), new Shard(1, 2)); // records the times of shard 1's runs under their own keys
        assertEquals(before.shares(), scheduler(e, cache).shardPlan(seeds(5), 2).shares());
    }

    @Test void requireCachedRefusesToComputeAndNamesTheMissingRuns(@TempDir Path cache) {
        Costed e = new Costed();
        scheduler(e, cache).runShard(seeds(4), new Shard(1, 2)); // shard 2 never ran
        int calls = e.calls.get();
        UncachedRunsException missing = assertThrows(UncachedRunsException.class, () -> scheduler(e, cache).runAll(seeds(4), true));
        assertEquals(calls, e.calls.get(), "nothing computed");
        assertTrue(missing.getMessage().startsWith("--require-cached: 2 of 4 runs are not in the cache"), missing.getMessage());
        assertTrue(missing.getMessage().contains("counting seed="), missing.getMessage());
        scheduler(e, cache).runShard(seeds(4), new Shard(2, 2));
        scheduler(e, cache).runAll(seeds(4), true);
        assertEquals(4, e.calls.get());
    }
}
