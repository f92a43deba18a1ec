package org.optreport.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deals runs to N shards by their expected cost, so that the shards finish at about the same time: the longest
 * runs first, each to the shard with the least work so far (the "longest processing time first" rule, within 4/3 of
 * the best possible longest shard). Ties go to the shard with fewer runs, then the lower index, and runs of equal
 * cost are taken in key order, so every machine that plans the same runs with the same costs deals them alike.
 */
public final class ShardPlan {
    /** A run to deal: its cache key (unique) and its expected seconds. */
    public record Job(String key, double seconds) {}

    /** One shard's share: its runs, largest first, and their total expected seconds. */
    public record Share(Shard shard, List<Job> jobs, double seconds) {}

    private final List<Share> shares;

    private ShardPlan(List<Share> shares) { this.shares = shares; }

    public static ShardPlan deal(List<Job> jobs, int count) {
        List<Job> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingDouble(Job::seconds).reversed().thenComparing(Job::key));
        List<List<Job>> dealt = new ArrayList<>();
        double[] load = new double[count];
        for (int i = 0; i < count; i++) dealt.add(new ArrayList<>());
        for (Job job : order) {
            int best = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[best] || load[i] == load[best] && dealt.get(i).size() < dealt.get(best).size()) best = i;
            }
            dealt.get(best).add(job);
            load[best] += job.seconds();
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < count; i++) shares.add(new Share(new Shard(i + 1, count), List.copyOf(dealt.get(i)), load[i]));
        return new ShardPlan(shares);
    }

    public Share share(Shard shard) {
        if (shard.count() != shares.size()) throw new IllegalArgumentException("plan for " + shares.size() + " shards, asked for " + shard);
        return shares.get(shard.index() - 1);
    }

    public List<Share> shares() { return shares; }

    /** The largest share's expected time over the mean share's: 1 is a perfect balance. */
    public double imbalance() {
        double max = shares.stream().mapToDouble(Share::seconds).max().orElse(0);
        double mean = shares.stream().mapToDouble(Share::seconds).average().orElse(0);
        return mean == 0 ? 1 : max / mean;
    }
}
