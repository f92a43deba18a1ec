package org.optreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep profile, content/sweep.yaml, as the workflow's plan job sees it: its settings are valid, it is too large for
 * one 2-core machine, and dealt to the workflow's default 8 shards by expected time the largest shard is within 1.5
 * times the mean (by count, the 10 widest ultra-wide runs would crowd a few shards).
 */
class SweepProfilePlanTest {
    private static final Pattern SHARD = Pattern.compile("shard 1/8: (\\d+) runs, (\\d+) to compute");
    private static final Pattern BALANCE = Pattern.compile("the largest is ([0-9.]+) x the mean");
    private static final Pattern WHOLE = Pattern.compile("about ([0-9.]+) hours on 2 jobs");

    private static String plan(Path cache, String... shard) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] args = {"build", "--config", "content/sweep.yaml", "--plan", "--jobs", "2", "--cache", cache.toString()};
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(shard)).toArray(String[]::new);
            assertEquals(0, CommandLineRun.run(err, all), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test void theSweepProfileIsLargeAndItsShardsAreBalanced(@TempDir Path emptyCache) {
        String whole = plan(emptyCache);
        Matcher hours = WHOLE.matcher(whole);
        assertTrue(hours.find(), whole);
        assertTrue(Double.parseDouble(hours.group(1)) >= 2, "more than a couple of hours on one 2-core machine: " + hours.group());

        String shard = plan(emptyCache, "--shard", "1/8");
        Matcher runs = SHARD.matcher(shard), balance = BALANCE.matcher(shard);
        assertTrue(runs.find() && balance.find(), shard);
        assertTrue(Integer.parseInt(runs.group(1)) > 0);
        assertTrue(Double.parseDouble(balance.group(1)) <= 1.5, balance.group());
    }
}
