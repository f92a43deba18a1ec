package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import static org.optreport.site.markdown.TexScanner.charAt;
import static org.optreport.site.markdown.TexScanner.findCloser;

/**
 * Inline math: {@code $..$} (pandoc's rule: no space after the opening $, no space before the closing $, no digit
 * after it), {@code $$..$$}, {@code \(..\)} and {@code \[..\]}. Runs before emphasis and escapes see the text, so TeX
 * reaches MathJax untouched. When no math starts here, returning false leaves the character to Flexmark.
 */
final class MathInlineParser implements InlineParserExtension {

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        char next = charAt(input, start + 1);
        if (input.charAt(start) == '$') {
            return next == '$' ? dollars(parser, input, start, "$$", true) : singleDollar(parser, input, start);
        }
        if (next == '(') {
            return dollars(parser, input, start, "\\)", false);
        }
        if (next == '[') {
            return dollars(parser, input, start, "\\]", true);
        }
        return false;
    }

    private static boolean singleDollar(LightInlineParser parser, BasedSequence input, int start) {
        // the second $ of an unclosed $$ is text, not an opening
        if (charAt(input, start - 1) == '$' || isSpace(charAt(input, start + 1))) {
            return false;
        }
        int close = findCloser(input, start + 1, "$", true);
        if (close < 0 || isSpace(input.charAt(close - 1)) || Character.isDigit(charAt(input, close + 1))) {
            return false;
        }
        append(parser, input, start, close + 1, input.subSequence(start + 1, close).toString(), false);
        return true;
    }

    /** Math opened by a two-character delimiter ($$, \(, \[) and closed by {@code closer}. */
    private static boolean dollars(LightInlineParser parser, BasedSequence input, int start, String closer, boolean display) {
        int close = findCloser(input, start + 2, closer, true);
        if (close < 0) {
            return false;
        }
        String tex = input.subSequence(start + 2, close).toString();
        if (tex.isBlank()) {
            return false;
        }
        append(parser, input, start, close + closer.length(), tex, display);
        return true;
    }

    private static void append(LightInlineParser parser, BasedSequence input, int start, int end, String tex, boolean display) {
        parser.flushTextNode();
        parser.getBlock().appendChild(new InlineMath(input.subSequence(start, end), tex, display));
        parser.setIndex(end);
    }

    private static boolean isSpace(char c) {
        return c == '\0' || Character.isWhitespace(c);
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    /** Flexmark registration: the characters that start this parser. */
    static InlineTrigger trigger() { return new InlineTrigger("$\\", MathInlineParser::new); }
}
