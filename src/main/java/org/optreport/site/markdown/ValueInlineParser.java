package org.optreport.site.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handles the two brace forms of the dialect: quoted values {@code {{study.name}}} anywhere in text, and an explicit
 * heading id {@code {#id}} at the end of a heading (same characters as reference labels, so {@code @sec:id} reaches it),
 * optionally with the short label a reference reads as: {@code {#smoothness short="the smoothness bound"}}.
 */
final class ValueInlineParser implements InlineParserExtension {
    private static final Pattern VALUE = Pattern.compile("\\{\\{([^{}\\n]*)}}");
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern HEADING_ID = Pattern.compile("\\{#([A-Za-z][A-Za-z0-9_.-]*)(?:\\s+short=\"([^\"{}\\n]+)\")?\\s*}\\s*$");

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        Matcher value = VALUE.matcher(input).region(start, input.length());
        if (value.lookingAt()) {
            if (ClaimInlineParser.isClaimForm(value.group(1))) {
                return false;
            }
            String key = value.group(1).strip();
            if (!KEY.matcher(key).matches()) {
                throw new DialectException(input.subSequence(start, start + 1).getStartOffset(),
                        "malformed value '" + value.group() + "': a key has letters, digits, '.', '-', '_'");
            }
            parser.flushTextNode();
            parser.getBlock().appendChild(new ValueNode(input.subSequence(start, value.end()), key));
            parser.setIndex(value.end());
            return true;
        }
        if (parser.getBlock() instanceof com.vladsch.flexmark.ast.Heading heading) {
            Matcher id = HEADING_ID.matcher(input).region(start, input.length());
            if (id.lookingAt()) {
                heading.setAnchorRefId(id.group(1));
                heading.setExplicitAnchorRefId(true);
                parser.flushTextNode();
                trimTrailingSpace(heading.getLastChild());
                if (id.group(2) != null) {
                    String label = id.group(2).strip();
                    if (label.isEmpty()) {
                        throw new DialectException(input.subSequence(start, start + 1).getStartOffset(), "empty short label in '" + id.group().strip() + "'");
                    }
                    heading.appendChild(new ShortLabelNode(input.subSequence(start, id.end()), label));
                }
                parser.setIndex(input.length());
                return true;
            }
        }
        return false;
    }

    private static void trimTrailingSpace(Node last) {
        if (last instanceof Text text) {
            BasedSequence trimmed = text.getChars().trimEnd();
            if (trimmed.isEmpty()) {
                text.unlink();
            } else {
                text.setChars(trimmed);
            }
        }
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    /** Flexmark registration: the characters that start this parser. */
    static InlineTrigger trigger() { return new InlineTrigger("{", ValueInlineParser::new); }
}
