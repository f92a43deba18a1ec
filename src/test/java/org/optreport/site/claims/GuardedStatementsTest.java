package org.optreport.site.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optreport.site.markdown.MarkdownPages;
import org.optreport.site.markdown.ParsedPage;

/**
 * The report's pages guard their qualitative statements about results: a sentence that quotes a computed value and
 * compares it ("below", "faster", "agrees", "within", ...) carries an inline claim or conditional wording, or sits in
 * a claim block. Detection is heuristic (a sentence is text up to ". " outside math); a sentence it flags that does
 * not depend on results may say so with {@code <!-- unguarded: why -->} on its line, and the reasons are listed.
 */
class GuardedStatementsTest {
    /** Words that compare or judge a measured value. */
    static final Pattern COMPARATIVE = Pattern.compile("(?i)\\b(faster|slower|below|above|agrees?|agreement|within|exceeds?|"
            + "smaller|larger|greater|less than|more than|grows?|shrinks?|converges?|diverges?|stable|unstable|twice|half|"
            + "earlier|later|higher|lower|close to|near|matches|steeper|flatter)\\b");
    static final Pattern QUOTED_VALUE = Pattern.compile("\\{\\{\\s*[a-z]+\\.[A-Za-z0-9_.]+\\s*}}");
    static final Pattern GUARD = Pattern.compile("\\{\\{\\s*(claim|if)\\b");
    static final Pattern EXEMPT = Pattern.compile("<!--\\s*unguarded:\\s*(\\S.*?)-->");

    /** A flagged sentence: the line it starts on and its text. */
    record Flagged(int line, String text) {}

    /** The comparative sentences quoting a value that no claim guards, outside claim blocks and exempted lines. */
    static List<Flagged> unguarded(String page) {
        List<Flagged> out = new ArrayList<>();
        String[] lines = page.split("\n", -1);
        boolean inClaimBlock = false, inMath = false, inFence = false;
        StringBuilder sentence = new StringBuilder();
        int sentenceLine = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (trimmed.startsWith("```")) { inFence = !inFence; continue; }
            if (inFence) continue;
            if (trimmed.startsWith("::: claim")) { inClaimBlock = true; continue; }
            if (trimmed.equals(":::")) { inClaimBlock = false; flush(sentence, sentenceLine, out); continue; }
            if (trimmed.startsWith("$$")) { inMath = !(trimmed.length() > 2 && trimmed.endsWith("$$")) && !inMath; continue; }
            if (inMath || inClaimBlock || EXEMPT.matcher(line).find()) { flush(sentence, sentenceLine, out); sentence.setLength(0); continue; }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(":::")) {
                flush(sentence, sentenceLine, out);
                continue;
            }
            String text = line.replaceAll("\\$[^$]*\\$", "MATH");
            int start = 0;
            for (Matcher end = Pattern.compile("[.!?](\\s|$)").matcher(text); end.find(); ) {
                if (sentence.length() == 0) sentenceLine = i + 1;
                sentence.append(text, start, end.end()).append(' ');
                flush(sentence, sentenceLine, out);
                start = end.end();
            }
            if (start < text.length()) {
                if (sentence.length() == 0) sentenceLine = i + 1;
                sentence.append(text.substring(start)).append(' ');
            }
        }
        flush(sentence, sentenceLine, out);
        return out;
    }

    private static void flush(StringBuilder sentence, int line, List<Flagged> out) {
        String s = sentence.toString().trim();
        sentence.setLength(0);
        if (s.isEmpty()) return;
        if (QUOTED_VALUE.matcher(s).find() && COMPARATIVE.matcher(s).find() && !GUARD.matcher(s).find()) out.add(new Flagged(line, s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"part1-nonconvexity.md", "part2-landscape.md", "part3-trajectory.md", "part3-ultrawide.md"})
    void everyComparativeStatementAboutResultsIsGuarded(String name) throws Exception {
        Path page = Path.of("content", name);
        String text = Files.readString(page);
        ParsedPage parsed = new MarkdownPages().parse(page, text);
        List<Flagged> flagged = unguarded(text);
        StringBuilder report = new StringBuilder();
        for (Flagged f : flagged) report.append("\n  ").append(name).append(':').append(f.line()).append(": ").append(f.text());
        assertTrue(flagged.isEmpty(), flagged.size() + " comparative sentences quote a result without a claim:" + report);
        assertTrue(parsed.claims().size() > 0, name + " guards its statements with claims");
        List<String> reasons = new ArrayList<>();
        for (Matcher m = EXEMPT.matcher(text); m.find(); ) reasons.add(m.group(1).trim());
        System.out.println(name + ": " + parsed.claims().size() + " claims; exempted: " + reasons);
    }

    @Test void aComparisonQuotingAValueIsFlagged() {
        assertEquals(List.of(new Flagged(1, "The rate is {{s.rate}}, safely below 2.")), unguarded("The rate is {{s.rate}}, safely below 2."));
    }

    @Test void anInlineClaimOrConditionalGuardsItsSentence() {
        assertEquals(List.of(), unguarded("The rate is {{s.rate}}, safely below 2 {{claim s.rate < 2}}."));
        assertEquals(List.of(), unguarded("It is {{s.r}}: {{if s.r > 1}}faster{{else}}slower{{end}}."));
    }

    @Test void aClaimBlockGuardsWhatItWraps() {
        assertEquals(List.of(), unguarded("::: claim s.rate < 2\nThe rate is {{s.rate}}, safely below 2.\n:::\n"));
    }

    @Test void anExemptedLineIsNotFlagged() {
        assertEquals(List.of(), unguarded("The theorem needs $\\eta$ below {{s.bound}}. <!-- unguarded: a condition of the theorem, not a finding -->"));
    }

    @Test void theSentenceIsFoundAcrossLinesWithItsFirstLine() {
        assertEquals(List.of(new Flagged(2, "The network is faster than the kernel by {{s.ratio}}.")),
                unguarded("Intro.\nThe network is faster\nthan the kernel by {{s.ratio}}.\n"));
    }
}
