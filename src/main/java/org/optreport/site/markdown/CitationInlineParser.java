package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.List;
import java.util.Optional;

/**
 * {@code [@key]}, {@code [@a; @b, Thm. 4.1]}. A bracket that is not all citations, or is followed by '(' or '[',
 * is left to Flexmark as link text.
 */
final class CitationInlineParser implements InlineParserExtension {

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        if (TexScanner.charAt(input, start + 1) != '@') return false;
        int close = -1;
        for (int i = start + 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '[' || c == '\n' && TexScanner.charAt(input, i + 1) == '\n') return false;
            if (c == ']') {
                close = i;
                break;
            }
        }
        if (close < 0) return false;
        char after = TexScanner.charAt(input, close + 1);
        if (after == '(' || after == '[') return false;
        Optional<List<CitationUse.Item>> items = CitationSyntax.bracketItems(input.subSequence(start + 1, close));
        if (items.isEmpty()) return false;
        parser.flushTextNode();
        parser.getBlock().appendChild(new CitationNode(input.subSequence(start, close + 1), items.get(), CitationUse.Mode.PARENTHETICAL));
        parser.setIndex(close + 1);
        return true;
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    /** Flexmark registration: the characters that start this parser. */
    static InlineTrigger trigger() { return new Trigger(); }

    /** Its own class: Flexmark tells factories apart by class (see {@link InlineTrigger}). */
    private static final class Trigger extends InlineTrigger {
        Trigger() { super("[", CitationInlineParser::new); }
    }
}
