package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;

class PageUsesTest {
    private static final String PAGE = """
            ---
            title: A page
            ---
            ## Results

            The rate is {{toy.rate}} and the step {{toy.step}}; another study's {{other.thing}} is not ours.

            ::: table toy.summary {#tab:summary}
            The summary.
            :::
            """;

    @Test void namesWhatTheOutputLacksWithItsLine(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("page.md"), PAGE);
        StudyOutput output = new StudyOutput(Map.of(), Map.of("summary", new Table(List.of("a"), List.of(List.of("1")))),
                Map.of("rate", "0.5"), Map.of("rate", "the learning rate"), Map.of(), List.of());
        assertEquals(new TreeSet<>(List.of("value toy.step (line 6)")), PageUses.missing(page, "toy", output));
        assertEquals(3, PageUses.count(page, "toy"));
    }
}
