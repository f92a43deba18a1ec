package org.optreport.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.build.BuildLog;
import org.optreport.report.output.StudyOutput;
import org.optreport.site.claims.StudyNumbers;
import org.optreport.site.claims.UnknownNumberException;
import org.optreport.site.claims.Verdict;
import org.optreport.site.markdown.ClaimUse;
import org.optreport.errors.ContentException;

/**
 * The build's claim stage, after the studies are analysed and before any page is drawn: every claim and every
 * conditional wording of every page is checked against the studies' numbers. A failed claim stops the build, so the
 * previous site stays; with {@link ClaimMode#WARN} the pages mark it instead and the build lists it.
 */
final class ClaimCheck {
    /** A claim that failed, or a condition that could not be decided. */
    record Failure(Path page, ClaimUse use, Verdict verdict) {
        /** "claim failed: landscape.x &lt; 2 (landscape.x = 5.3, not &lt; 2)", without the page and line. */
        String message() {
            return use.kind() == ClaimUse.Kind.CONDITION
                    ? "cannot choose the wording of {{if " + use.text() + "}}: " + verdict.explanation()
                    : "claim failed: " + use.text() + " (" + verdict.explanation() + ")";
        }

        @Override public String toString() { return page + ":" + use.line() + ": " + message(); }
    }

    private final Map<ClaimUse, Verdict> verdicts;
    private final List<Failure> failures;

    private ClaimCheck(Map<ClaimUse, Verdict> verdicts, List<Failure> failures) {
        this.verdicts = verdicts;
        this.failures = List.copyOf(failures);
    }

    /** @throws ClaimFailedException in {@link ClaimMode#FAIL} if a claim failed; ContentException for an unknown name */
    static ClaimCheck run(List<SiteBuilder.SitePage> pages, Map<String, StudyOutput> outputs, ClaimMode mode, BuildLog log) {
        StudyNumbers numbers = new StudyNumbers(outputs);
        Map<ClaimUse, Verdict> verdicts = new HashMap<>();
        List<Failure> failures = new ArrayList<>();
        int unshown = 0;
        for (SiteBuilder.SitePage page : pages) {
            for (ClaimUse use : page.parsed().claims()) {
                Verdict verdict;
                try {
                    verdict = use.claim().evaluate(numbers);
                } catch (UnknownNumberException e) {
                    throw new ContentException(page.parsed().source(), use.line(), "in the claim '" + use.text() + "': "
                            + e.getMessage() + " (" + numbers.whyMissing(e.name()) + ")", e);
                }
                verdicts.put(use, verdict);
                // a claim in the wording a condition did not pick is not on the page: its names are checked, not its truth
                if (use.guard() != null && verdicts.get(use.guard().condition()).holds() != use.guard().whenTrue()) {
                    unshown++;
                    continue;
                }
                boolean failed = use.kind() == ClaimUse.Kind.CONDITION
                        ? verdict.outcome() == Verdict.Outcome.UNDECIDED : !verdict.holds();
                if (failed) failures.add(new Failure(page.parsed().source(), use, verdict));
            }
        }
        if (!failures.isEmpty() && mode == ClaimMode.FAIL) throw failure(failures);
        if (!verdicts.isEmpty())
            log.info("claims", (verdicts.size() - unshown) + " checked" + (unshown == 0 ? "" : " (" + unshown + " in wording the numbers did not pick)")
                    + ", " + (failures.isEmpty() ? "all hold"
                    : failures.size() + " failed (--claims=warn: marked on the pages, listed at the end)"));
        return new ClaimCheck(verdicts, failures);
    }

    /** One line: the first failure in full, the others by page and line. */
    private static ClaimFailedException failure(List<Failure> failures) {
        Failure first = failures.get(0);
        String others = failures.size() == 1 ? "" : "; " + (failures.size() - 1) + " more at "
                + String.join(", ", failures.subList(1, failures.size()).stream()
                        .map(f -> f.page().getFileName() + ":" + f.use().line()).toList());
        return new ClaimFailedException(first.page(), first.use().line(), first.message() + others
                + " (build --claims=warn renders the pages with failed claims marked)");
    }

    Verdict verdict(ClaimUse use) {
        Verdict verdict = verdicts.get(use);
        if (verdict == null) throw new IllegalStateException("claim '" + use.text() + "' at line " + use.line() + " was not checked");
        return verdict;
    }

    List<Failure> failures() { return failures; }
}
