package org.optreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep workflow (.github/workflows/sweep.yml) played on one machine: N shard builds as separate processes, each
 * with its own empty cache folder (as separate machines have), their caches merged with {@code cache merge}, then the
 * assembling build with {@code --require-cached}. It must compute nothing and give the same site as one machine's
 * build, apart from the build stamp. The runs are small ultra-wide ones from a settings file given with {@code --config}.
 * (A shard left out failing the assembling build is build.ShardedRunsTest's, in one process.)
 */
class ShardedSweepProcessTest {
    private static final int SHARDS = 3;

    private static final String PAGE = """
            ---
            title: Sharded sweep check
            order: 0
            ---
            ## One study in shards

            The widest networks' loss ratios run from {{ultrawide.finalLossRatioWidestMin}} to {{ultrawide.finalLossRatioWidestMax}}.

            ::: figure ultrawide.losses {#fig:losses}
            The losses.
            :::
            """;

    private static final String SETTINGS = """
            ultrawide:
              widths: [10, 20, 40]
              seeds: 2
              steps: 50
              samples: 32
              records: 5
              traceBuckets: 10
            """;

    @Test void shardsMergedBuildTheSameSiteWithoutComputing(@TempDir Path dir) throws Exception {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("index.md"), PAGE);
        Path settings = Files.writeString(dir.resolve("sweep.yaml"), SETTINGS);
        List<String> common = List.of("--content", content.toString(), "--templates", Path.of("templates").toAbsolutePath().toString(),
                "--config", settings.toString(), "--claims=warn", "--jobs", "1");

        List<Process> shards = new ArrayList<>();
        List<Path> caches = new ArrayList<>();
        for (int i = 1; i <= SHARDS; i++) {
            Path cache = dir.resolve("shard-cache-" + i);
            caches.add(cache);
            shards.add(start(dir, "shard-" + i, concat(List.of("build", "--shard", i + "/" + SHARDS, "--cache", cache.toString()), common)));
        }
        Process single = start(dir, "single", concat(List.of("build", "--cache", dir.resolve("single-cache").toString(),
                "--out", dir.resolve("single-site").toString()), common));
        for (int i = 0; i < SHARDS; i++) assertEquals(0, finish(shards.get(i), dir, "shard-" + (i + 1)));
        assertEquals(0, finish(single, dir, "single"));
        for (Path cache : caches) assertTrue(entries(cache) >= 1, "every shard computes a part: " + cache);
        assertEquals(6, caches.stream().mapToLong(ShardedSweepProcessTest::entries).sum(), "each of the 6 runs in exactly one shard");

        List<String> merge = new ArrayList<>(List.of("cache", "merge"));
        caches.forEach(c -> merge.add(c.toString()));
        merge.addAll(List.of("--into", dir.resolve("merged").toString()));
        assertEquals(0, finish(start(dir, "merge", merge), dir, "merge"));

        Path site = dir.resolve("sweep-site");
        assertEquals(0, finish(start(dir, "final", concat(List.of("build", "--require-cached", "--cache", dir.resolve("merged").toString(),
                "--out", site.toString()), common)), dir, "final"));
        String log = Files.readString(dir.resolve("final.out"));
        assertTrue(log.contains("(0 computed, 6 reused)"), log);
        assertEquals(siteFiles(dir.resolve("single-site")), siteFiles(site));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** optreport in a JVM of its own, on this test's class path (target/classes and the dependencies). */
    private static Process start(Path dir, String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    private static int finish(Process p, Path dir, String name) throws Exception {
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 5 minutes");
        }
        if (p.exitValue() != 0) System.err.println(name + ": " + Files.readString(dir.resolve(name + ".err")));
        return p.exitValue();
    }

    private static long entries(Path cache) {
        if (!Files.isDirectory(cache.resolve("ultrawide"))) return 0;
        try (Stream<Path> files = Files.list(cache.resolve("ultrawide"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sha256")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every file of a site by path: its bytes as text, or for a page its HTML without the build stamp. */
    private static Map<String, String> siteFiles(Path site) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(site)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = site.relativize(f).toString();
                if (name.endsWith(".html")) {
                    Document page = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8));
                    page.select("footer.stamp").remove();
                    files.put(name, page.outerHtml());
                } else {
                    files.put(name, org.optreport.files.Sha256.hex(Files.readAllBytes(f)));
                }
            }
        }
        return files;
    }
}
