package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
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
 * {@code ::: figure study.name {#fig:label}} ... {@code :::} and the same for {@code table}; {@code ::: claim EXPR}
 * ... {@code :::} around the prose a claim guards. The lines between are ordinary Markdown (the caption, the prose),
 * so the block is a container.
 */
final class DirectiveParser extends AbstractBlockParser {
    private static final Pattern ARGUMENTS =
            Pattern.compile("([A-Za-z0-9_.-]+)(?:\\s+panels?=([a-z](?:,[a-z])*))?(?:\\s+\\{#([A-Za-z]+):([A-Za-z0-9_.-]+)})?\\s*");

    private final Block block;
    /** figure, table or claim: what the error of an unclosed block calls it */
    private final String word;
    private final int openingOffset;
    private boolean closed;

    private DirectiveParser(Block block, String word) {
        this.block = block;
        this.word = word;
        this.openingOffset = block.getStartOffset();
    }

    @Override
    public Block getBlock() { return block; }

    @Override
    public boolean isContainer() { return true; }

    @Override
    public boolean canContain(ParserState state, BlockParser blockParser, Block block) { return true; }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (closed) {
            return BlockContinue.none();
        }
        // Flexmark's finished() would leave an open caption paragraph running on, so the fence line is consumed
        // (the caption sees a blank line and ends) and the directive stops at the next line
        if (!state.isBlank() && state.getIndent() < 4
                && state.getLine().subSequence(state.getNextNonSpaceIndex()).toString().strip().equals(":::")) {
            closed = true;
            return BlockContinue.atIndex(state.getLineEndIndex());
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {}

    @Override
    public void closeBlock(ParserState state) {
        if (!closed) {
            throw new DialectException(openingOffset, "'::: " + word + "' is not closed by a ':::' line");
        }
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
            String text = line.toString().strip();
            if (!text.startsWith(":::")) {
                return BlockStart.none();
            }
            int offset = line.getStartOffset();
            String rest = text.substring(3).strip();
            if (rest.isEmpty()) {
                throw new DialectException(offset, "':::' closes no open directive");
            }
            for (BlockParser open : state.getActiveBlockParsers()) {
                if (open instanceof DirectiveParser) {
                    throw new DialectException(offset, "a directive cannot be inside another directive");
                }
            }
            String word = rest.split("\\s+", 2)[0];
            String arguments = rest.substring(word.length()).strip();
            if (word.equals("claim")) {
                ClaimBlock claim = new ClaimBlock(line, ClaimSyntax.parse(arguments, offset));
                return BlockStart.of(new DirectiveParser(claim, word)).atIndex(state.getLineEndIndex());
            }
            FigureUse.Kind kind = switch (word) {
                case "figure" -> FigureUse.Kind.FIGURE;
                case "table" -> FigureUse.Kind.TABLE;
                default -> throw new DialectException(offset, "unknown directive '" + word + "' (known: figure, table, claim)");
            };
            Matcher matcher = ARGUMENTS.matcher(arguments);
            if (!matcher.matches()) {
                throw new DialectException(offset, "expected '::: " + word + " study.name"
                        + (kind == FigureUse.Kind.FIGURE ? " [panels=a,c]" : "") + " {#" + kind.labelPrefix()
                        + ":label}' (panels and label optional), found '" + text + "'");
            }
            String panels = matcher.group(2) == null ? null : matcher.group(2).replace(",", "");
            if (panels != null && kind != FigureUse.Kind.FIGURE)
                throw new DialectException(offset, "a table has no panels; panels= belongs to a figure");
            String prefix = matcher.group(3);
            if (prefix != null && !prefix.equals(kind.labelPrefix())) {
                throw new DialectException(offset, "the label of a " + word + " starts with '" + kind.labelPrefix()
                        + ":', found '" + prefix + ":'");
            }
            Directive directive = new Directive(line, kind, matcher.group(1), matcher.group(4), panels);
            return BlockStart.of(new DirectiveParser(directive, word)).atIndex(state.getLineEndIndex());
        }

        @Override
        public Set<Class<?>> getAfterDependents() { return null; }

        @Override
        public Set<Class<?>> getBeforeDependents() { return null; }

        @Override
        public boolean affectsGlobalScope() { return false; }
    }
}
