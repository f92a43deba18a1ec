package org.optreport.report.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.Experiment;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.RunRequest;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.StudyConfig;
import org.optreport.site.claims.StudyNumbers;
import org.optreport.site.claims.Verdict;
import org.optreport.site.markdown.ClaimUse;
import org.optreport.site.markdown.MarkdownPages;
import org.optreport.site.markdown.ParsedPage;

/**
 * Issue 21's case: with a learning rate beyond the stable range (learningRateFraction 2.5 in report.yaml), the page must
 * not print "eta lambda_max is at most 2.12, safely below 2". Its claims are evaluated as the build does, against the
 * study's output on small runs with that setting (one seed per depth, 3,000 steps; a few seconds).
 */
class LandscapePageClaimsTest {
    private static final Path PAGE = Path.of("content", "part2-landscape.md");

    private static StudyOutput analyse(Map<String, String> settings) {
        LandscapeStudy study = new LandscapeStudy();
        RunPlan runs = new RunPlan();
        LandscapeStudy.Plan plan = study.plan(new StudyConfig("landscape", settings, Path.of("report.yaml"), true), runs);
        Experiment experiment = ExperimentRegistry.standard().get("landscape");
        Map<RunRequest, JsonNode> documents = new HashMap<>();
        for (RunRequest r : runs.requests())
            documents.put(r, experiment.run(Parameters.of(r.experiment(), experiment.parameters(), r.parameters()), Experiment.Progress.SILENT));
        return study.analyze(plan, new RunResults(documents));
    }

    /** The failures as the build reports them: "part2-landscape.md:LINE: claim failed: CLAIM (VALUES)". */
    static List<String> failures(ParsedPage page, StudyOutput output) {
        StudyNumbers numbers = new StudyNumbers(Map.of("landscape", output));
        return page.claims().stream().flatMap(use -> {
            Verdict verdict = use.claim().evaluate(numbers);
            boolean failed = use.kind() == ClaimUse.Kind.CONDITION ? verdict.outcome() == Verdict.Outcome.UNDECIDED : !verdict.holds();
            return failed ? java.util.stream.Stream.of(PAGE.getFileName() + ":" + use.line() + ": "
                    + (use.kind() == ClaimUse.Kind.CONDITION ? "cannot choose the wording of {{if " : "claim failed: ")
                    + use.text() + " (" + verdict.explanation() + ")") : java.util.stream.Stream.empty();
        }).toList();
    }

    @Test void aStepBeyondTheStableRangeFailsTheClaimOfTheSentenceThatCallsItSafe() throws IOException {
        StudyOutput output = analyse(Map.of("learningRateFraction", "2.5", "seeds", "1", "steps", "3000", "largeSteps", "2000"));
        double etaSharpness = output.numbers().get("etaSharpnessMax");
        assertTrue(etaSharpness > 2, "eta lambda_max at the end of the runs: " + etaSharpness);

        String text = Files.readString(PAGE);
        ParsedPage page = new MarkdownPages().parse(PAGE, text);
        List<String> lines = List.of(text.split("\n", -1));
        int safe = lines.indexOf(lines.stream().filter(l -> l.contains("safely below 2")).findFirst().orElseThrow()) + 1;
        ClaimUse guard = page.claims().stream()
                .filter(u -> u.line() >= safe && u.line() <= safe + 1 && u.text().contains("landscape.etaSharpnessMax"))
                .findFirst().orElseThrow(() -> new AssertionError("no claim on etaSharpnessMax guards line " + safe));
        Verdict verdict = guard.claim().evaluate(new StudyNumbers(Map.of("landscape", output)));
        assertFalse(verdict.holds(), verdict.explanation());
        assertTrue(verdict.explanation().matches("landscape\\.etaSharpnessMax = 2\\.[0-9]+, not < 1"), verdict.explanation());

        List<String> failures = failures(page, output);
        String expected = "part2-landscape.md:" + guard.line() + ": claim failed: " + guard.text() + " (" + verdict.explanation() + ")";
        assertTrue(failures.contains(expected), "the build's failures:\n" + String.join("\n", failures));
        assertEquals(guard.line(), safe + 1, "the claim sits on the line after 'safely below 2'");
    }
}
