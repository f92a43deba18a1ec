package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
    private static List<ShardPlan.Job> jobs(double... seconds) {
        List<ShardPlan.Job> jobs = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) jobs.add(new ShardPlan.Job(String.format("k%03d", i), seconds[i]));
        return jobs;
    }

    @Test void everyRunBelongsToExactlyOneShard() {
        List<ShardPlan.Job> jobs = jobs(5, 1, 1, 9, 2, 2, 7, 3, 3, 3, 0.5);
        ShardPlan plan = ShardPlan.deal(jobs, 4);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (ShardPlan.Share s : plan.shares()) {
            total += s.jobs().size();
            for (ShardPlan.Job j : s.jobs()) seen.add(j.key());
        }
        assertEquals(jobs.size(), total);
        assertEquals(jobs.size(), seen.size());
    }

    /** Round-robin by key order would put the three large runs (positions 0, 3, 6 of 9) on one of three shards. */
    @Test void largeRunsAreSpreadWhereCountingWouldPileThemUp() {
        ShardPlan plan = ShardPlan.deal(jobs(100, 1, 1, 100, 1, 1, 100, 1, 1), 3);
        for (ShardPlan.Share s : plan.shares()) assertEquals(102, s.seconds(), 1e-9, s.toString());
        assertEquals(1.0, plan.imbalance(), 1e-9);
    }

    @Test void runsWithoutAnEstimateAreDealtByCount() {
        ShardPlan plan = ShardPlan.deal(jobs(0, 0, 0, 0, 0, 0, 0), 3);
        assertEquals(List.of(3, 2, 2), plan.shares().stream().map(s -> s.jobs().size()).toList());
    }

    @Test void theDealDoesNotDependOnTheOrderTheRunsCameIn() {
        List<ShardPlan.Job> jobs = jobs(4, 4, 2, 2, 1, 8, 3, 3);
        List<ShardPlan.Job> reversed = new ArrayList<>(jobs);
        java.util.Collections.reverse(reversed);
        assertEquals(ShardPlan.deal(jobs, 3).shares(), ShardPlan.deal(reversed, 3).shares());
    }

    @Test void theLargestShardStaysWithinFourThirdsOfTheBestPossible() {
        java.util.Random r = new java.util.Random(7);
        double[] seconds = new double[40];
        for (int i = 0; i < seconds.length; i++) seconds[i] = Math.exp(3 * r.nextDouble());
        ShardPlan plan = ShardPlan.deal(jobs(seconds), 5);
        double sum = java.util.Arrays.stream(seconds).sum(), largestRun = java.util.Arrays.stream(seconds).max().orElseThrow();
        double lowerBound = Math.max(sum / 5, largestRun); // no deal can beat this
        double largest = plan.shares().stream().mapToDouble(ShardPlan.Share::seconds).max().orElseThrow();
        assertTrue(largest <= 4.0 / 3 * lowerBound, largest + " vs bound " + lowerBound);
    }
}
