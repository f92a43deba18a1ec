package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.build.BuildLog;
import org.optreport.experiment.RunLimits;

/**
 * A user's CSV reaches a page through report.yaml alone: the nonconvexity study (the fastest) reads the file named by
 * its {@code dataset:} with the columns {@code inputs:} and {@code targets:} choose, and its figure's data is that of
 * the file.
 */
class OwnDataTest {
    @TempDir Path dir;

    /** Per row: the input, the target, and a distractor written last (so "the last column is the target" would pick it). */
    private static final double[][] ROWS = {{1, 2.0, 9}, {2, 2.5, 4}, {3, 4.5, 7}, {4, 3.5, 1}, {5, 6.0, 3}, {6, 5.5, 8}};

    @Test void aCsvNamedInReportYamlReachesTheStudysFigure() throws IOException {
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.createDirectories(content.resolve("data"));
        StringBuilder csv = new StringBuilder("dose,response,noise\n");
        for (double[] r : ROWS) csv.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
        Files.writeString(content.resolve("data/mine.csv"), csv.toString());
        Files.writeString(content.resolve("report.yaml"), """
                nonconvexity:
                  dataset: data/mine.csv
                  inputs: dose
                  targets: response
                  grid: 11
                """);
        Files.writeString(content.resolve("index.md"), """
                ---
                title: My data
                ---
                ## The segment

                {{nonconvexity.samples}} samples of {{nonconvexity.input}}.

                ::: figure nonconvexity.segment
                The loss between the two minima.
                :::
                """);
        Path out = dir.resolve("site");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SiteBuilder.standard().build(new SiteBuilder.Options(content, Path.of("templates"), out, dir.resolve("cache"), dir, true, false, 1,
                false, null, RunLimits.standard(), ClaimMode.FAIL), new BuildLog(new PrintStream(log, true, StandardCharsets.UTF_8), false));

        Document page = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertTrue(page.text().contains(ROWS.length + " samples of dose"), page.text());
        String href = page.select("a[href$=.csv]").attr("href");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out.resolve(href)))).getRecords();
        double minimum = records.stream().filter(r -> r.get("series").equals("global minimum value"))
                .mapToDouble(r -> Double.parseDouble(r.get("y"))).findFirst().orElseThrow();
        assertEquals(optimalLoss(), minimum, 1e-12, "the figure's minimum is the least-squares loss of dose -> response");
        Set<PosixFilePermission> readable = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        assertEquals(readable, Files.getPosixFilePermissions(out.resolve(href)), "the figure's data is readable like any output file");
        try (var results = Files.list(dir.resolve("cache/nonconvexity"))) {
            for (Path result : results.toList())
                assertEquals(readable, Files.getPosixFilePermissions(result), result + ": cached results are readable too (0644)");
        }
    }

    /**
     * Of the standardized (population moments) input x and target y, min over p of (1/2n) sum (p x - y)^2 = (1 - rho^2) / 2,
     * rho their correlation.
     */
    private static double optimalLoss() {
        int n = ROWS.length;
        double mx = 0, my = 0;
        for (double[] r : ROWS) {
            mx += r[0] / n;
            my += r[1] / n;
        }
        double sxx = 0, syy = 0, sxy = 0;
        for (double[] r : ROWS) {
            sxx += (r[0] - mx) * (r[0] - mx);
            syy += (r[1] - my) * (r[1] - my);
            sxy += (r[0] - mx) * (r[1] - my);
        }
        double rho = sxy / Math.sqrt(sxx * syy);
        return (1 - rho * rho) / 2;
    }
}
