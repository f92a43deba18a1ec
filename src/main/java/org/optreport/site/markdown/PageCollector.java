package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.optreport.site.claims.Claim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a parsed document once, in document order: records figure, value, claim, reference and citation uses with their lines,
 * assigns heading ids, collects equation labels, and checks the references that stay on the page (sec, eq).
 */
final class PageCollector {
    private static final Pattern LABEL = Pattern.compile("\\\\label\\{([^}]*)}");

    private final LineIndex lines;
    private final List<FigureUse> figures = new ArrayList<>();
    private final List<ReferenceUse> references = new ArrayList<>();
    private final List<CitationUse> citations = new ArrayList<>();
    private final List<ValueUse> values = new ArrayList<>();
    private final List<ClaimUse> claims = new ArrayList<>();
    private final List<com.vladsch.flexmark.ast.Heading> headingNodes = new ArrayList<>();
    private final Set<String> equationLabels = new LinkedHashSet<>();

    private PageCollector(LineIndex lines) {
        this.lines = lines;
    }

    static ParsedPage collect(Path source, FrontMatter frontMatter, Document document, LineIndex lines) {
        PageCollector collector = new PageCollector(lines);
        collector.visit(document);
        List<Heading> headings = HeadingIds.assign(collector.headingNodes);
        collector.checkLocalReferences(headings);
        return new ParsedPage(source, frontMatter, document, collector.figures, collector.references, collector.citations,
                collector.values, collector.claims, headings, collector.equationLabels);
    }

    private int line(Node node) {
        return lines.lineOf(node.getStartOffset());
    }

    /** The branch of {@code {{if}}} being visited, or null outside one. */
    private ClaimUse.Guard guard;

    private void visit(Node node) {
        if (node instanceof Directive directive) {
            FigureUse use = new FigureUse(directive.kind(), directive.name(), directive.label(), line(directive), directive.panels());
            directive.setUse(use);
            figures.add(use);
        } else if (node instanceof ValueNode value) {
            ValueUse use = new ValueUse(value.key(), line(value));
            value.setUse(use);
            values.add(use);
        } else if (node instanceof ClaimNode claim) {
            claim.setUse(addClaim(ClaimUse.Kind.INLINE, claim.claim(), claim));
        } else if (node instanceof ClaimBlock claim) {
            claim.setUse(addClaim(ClaimUse.Kind.BLOCK, claim.claim(), claim));
        } else if (node instanceof Conditional conditional) {
            ClaimUse condition = addClaim(ClaimUse.Kind.CONDITION, conditional.condition(), conditional);
            conditional.setUse(condition);
            ClaimUse.Guard outer = guard;
            visitBranch(conditional.whenTrue(), new ClaimUse.Guard(condition, true));
            visitBranch(conditional.whenFalse(), new ClaimUse.Guard(condition, false));
            guard = outer;
            return;
        } else if (node instanceof ReferenceNode reference) {
            ReferenceUse use = new ReferenceUse(reference.kind(), reference.label(), line(reference));
            reference.setUse(use);
            references.add(use);
        } else if (node instanceof CitationNode citation) {
            CitationUse use = new CitationUse(citation.items(), citation.mode(), line(citation));
            citation.setUse(use);
            citations.add(use);
        } else if (node instanceof InlineMath math) {
            if (math.display()) requireNumberedEnvironmentForLabels(math, math.mathJaxText());
            addLabels(math, math.tex());
            addValues(math, math.tex());
        } else if (node instanceof DisplayMath math) {
            requireNumberedEnvironmentForLabels(math, math.mathJaxText());
            addLabels(math, math.mathJaxText());
            addValues(math, math.mathJaxText());
        } else if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
            headingNodes.add(heading);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            visit(child);
        }
    }

    /** The claims in a branch of {@code {{if}}} are promised only when the condition picks that branch. */
    private void visitBranch(Node branch, ClaimUse.Guard branchGuard) {
        if (branch == null) return;
        guard = branchGuard;
        visit(branch);
    }

    private ClaimUse addClaim(ClaimUse.Kind kind, Claim claim, Node node) {
        ClaimUse use = new ClaimUse(kind, claim, line(node), guard);
        claims.add(use);
        return use;
    }

    /**
     * MathJax (tags: 'ams') numbers equation environments only: a label inside $$...$$ or \[...\] would be
     * referenced as "(???)" in the browser, so it is an error here, with the fix in the message.
     */
    private static void requireNumberedEnvironmentForLabels(Node math, String mathJaxText) {
        if (mathJaxText.startsWith("\\[") && LABEL.matcher(mathJaxText).find())
            throw new DialectException(math.getStartOffset(), "\\label inside $$...$$ or \\[...\\] gets no number: "
                    + "write the equation as \\begin{equation} ... \\label{...} ... \\end{equation}");
    }

    private void addLabels(Node math, String tex) {
        Matcher label = LABEL.matcher(tex);
        while (label.find()) {
            if (!equationLabels.add(label.group(1))) {
                throw new DialectException(math.getStartOffset(), "equation label '" + label.group(1) + "' is used twice on this page");
            }
        }
    }

    /** Values quoted inside math ({@link MathValues}); the line is that of the math's start. */
    private void addValues(Node math, String tex) {
        Matcher value = MathValues.VALUE.matcher(tex);
        while (value.find()) values.add(new ValueUse(value.group(1), line(math)));
    }

    /** Sections and equations live on this page, so a wrong one can be reported before anything is built. */
    private void checkLocalReferences(List<Heading> headings) {
        Set<String> headingIds = new LinkedHashSet<>();
        headings.forEach(h -> headingIds.add(h.id()));
        for (ReferenceUse use : references) {
            if (use.kind() == ReferenceUse.Kind.SEC && !headingIds.contains(use.label())) {
                throw new LineException(use.line(), "@" + use.target() + ": no heading with id '" + use.label()
                        + "' on this page (ids: " + String.join(", ", headingIds) + ")");
            }
            if (use.kind() == ReferenceUse.Kind.EQ && !equationLabels.contains(use.target())) {
                throw new LineException(use.line(), "@" + use.target() + ": no equation with \\label{" + use.target()
                        + "} on this page");
            }
        }
    }

    /** An error whose line is already known. */
    static final class LineException extends RuntimeException {
        private final int line;

        LineException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() { return line; }
    }
}
