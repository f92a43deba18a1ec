package org.optreport.site.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Heading text and GitHub-style ids, unique on the page; explicit {@code {#id}}s win over generated ones. */
final class HeadingIds {
    private HeadingIds() {}

    /** Gives every heading an id and returns them in document order. */
    static List<Heading> assign(List<com.vladsch.flexmark.ast.Heading> headings) {
        Set<String> used = new HashSet<>();
        for (com.vladsch.flexmark.ast.Heading heading : headings) {
            if (heading.isExplicitAnchorRefId() && !used.add(heading.getAnchorRefId())) {
                throw new DialectException(heading.getStartOffset(),
                        "heading id '" + heading.getAnchorRefId() + "' is used twice on this page");
            }
        }
        for (com.vladsch.flexmark.ast.Heading heading : headings) {
            if (!heading.isExplicitAnchorRefId()) {
                String slug = slug(text(heading));
                String id = slug;
                for (int n = 1; !used.add(id); n++) {
                    id = slug + "-" + n;
                }
                heading.setAnchorRefId(id);
            }
        }
        return headings.stream()
                .map(h -> new Heading(h.getLevel(), h.getAnchorRefId(), text(h), shortLabel(h)))
                .toList();
    }

    private static String shortLabel(com.vladsch.flexmark.ast.Heading heading) {
        for (Node child = heading.getFirstChild(); child != null; child = child.getNext())
            if (child instanceof ShortLabelNode label) return label.label();
        return null;
    }

    /** GitHub's rule: lower case, drop everything but letters, digits, spaces, '-' and '_', spaces become '-'. */
    static String slug(String text) {
        StringBuilder slug = new StringBuilder();
        text.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.isEmpty() ? "section" : slug.toString();
    }

    /** Plain text of a heading; math, values and references keep their source. */
    static String text(Node heading) {
        StringBuilder text = new StringBuilder();
        appendText(heading, text);
        return text.toString().strip();
    }

    private static void appendText(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text) {
                text.append(child.getChars().unescape());
            } else if (child instanceof Code code) {
                text.append(code.getText());
            } else if (child instanceof ShortLabelNode) {
                // not part of the heading's text
            } else if (child instanceof SoftLineBreak) {
                text.append(' ');
            } else if (child instanceof InlineMath || child instanceof ValueNode || child instanceof ReferenceNode) {
                text.append(child.getChars());
            } else {
                appendText(child, text);
            }
        }
    }
}
