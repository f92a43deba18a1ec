package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Display math spanning lines: a line starting with {@code $$} or {@code \[} that does not close on the same line, or
 * a line starting with {@code \begin{align}} (also align*, equation, gather, multline and their starred forms). All
 * lines up to the closing delimiter are kept verbatim, so Markdown never sees {@code \\}, {@code _} or {@code *} in them.
 */
final class DisplayMathParser extends AbstractBlockParser {
    private static final Pattern BEGIN = Pattern.compile("\\\\begin\\{((?:align|equation|gather|multline)\\*?)}");

    private enum Style { DOLLARS, BRACKETS, ENVIRONMENT }

    private final DisplayMath block;
    private final Style style;
    private final String closer;
    private final int openingOffset;
    /** The lines so far, from the opening delimiter on, joined by newlines. */
    private final StringBuilder raw = new StringBuilder();
    private boolean closed;

    private DisplayMathParser(BasedSequence openingLine, Style style, String closer) {
        this.block = new DisplayMath(openingLine);
        this.style = style;
        this.closer = closer;
        this.openingOffset = openingLine.getStartOffset();
    }

    @Override
    public Block getBlock() { return block; }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (closed) {
            return BlockContinue.none();
        }
        BasedSequence line = state.getLine().subSequence(state.getIndex());
        raw.append('\n');
        addLine(line);
        return closed ? BlockContinue.finished() : BlockContinue.atIndex(state.getLineEndIndex());
    }

    /** Appends a line and closes the block when the line holds the closing delimiter. */
    private void addLine(BasedSequence line) {
        int lineStart = raw.length();
        raw.append(withoutLineEnd(line));
        int searchFrom = Math.max(lineStart, style == Style.ENVIRONMENT ? 1 : 2);
        int close = style == Style.ENVIRONMENT ? raw.indexOf(closer, searchFrom)
                : TexScanner.findCloser(raw, searchFrom, closer, false);
        if (close < 0) {
            return;
        }
        int end = close + closer.length();
        if (!raw.substring(end).isBlank()) {
            throw new DialectException(line.getStartOffset(),
                    "text after the closing '" + closer + "' of display math; put it on the next line");
        }
        closed = true;
        block.setMathJaxText(switch (style) {
            case DOLLARS -> "\\[" + raw.substring(2, close) + "\\]";
            case BRACKETS, ENVIRONMENT -> raw.substring(0, end);
        });
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        // lines are taken in tryContinue, verbatim
    }

    @Override
    public void closeBlock(ParserState state) {
        if (!closed) {
            throw new DialectException(openingOffset, "display math opened here is not closed by '" + closer + "'");
        }
    }

    private static String withoutLineEnd(BasedSequence line) {
        String text = line.toString();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    static final class Factory implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return Factory::tryStart;
        }

        private static BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine().subSequence(state.getNextNonSpaceIndex());
            String text = withoutLineEnd(line);
            DisplayMathParser parser;
            if (text.startsWith("$$") && TexScanner.findCloser(text, 2, "$$", false) < 0) {
                parser = new DisplayMathParser(line, Style.DOLLARS, "$$");
            } else if (text.startsWith("\\[") && TexScanner.findCloser(text, 2, "\\]", false) < 0) {
                parser = new DisplayMathParser(line, Style.BRACKETS, "\\]");
            } else {
                Matcher begin = BEGIN.matcher(text);
                if (!begin.lookingAt()) {
                    return BlockStart.none();
                }
                parser = new DisplayMathParser(line, Style.ENVIRONMENT, "\\end{" + begin.group(1) + "}");
            }
            parser.addLine(line);
            return BlockStart.of(parser).atIndex(state.getLineEndIndex());
        }

        @Override
        public Set<Class<?>> getAfterDependents() { return null; }

        @Override
        public Set<Class<?>> getBeforeDependents() { return null; }

        @Override
        public boolean affectsGlobalScope() { return false; }
    }
}
