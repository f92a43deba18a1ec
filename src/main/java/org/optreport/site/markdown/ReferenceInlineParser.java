package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @fig:label}, {@code @tab:label}, {@code @eq:label}, {@code @sec:id}, {@code @page:name}, and otherwise an
 * in-text citation {@code @key}. The @ must follow a non-word character (so e-mail addresses stay text) and a
 * trailing '.' ends the sentence, not the label or key.
 */
final class ReferenceInlineParser implements InlineParserExtension {
    private static final Pattern REFERENCE = Pattern.compile("@([a-z]+):([A-Za-z0-9_.-]+)");

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        char before = TexScanner.charAt(input, start - 1);
        if (Character.isLetterOrDigit(before) || before == '_') {
            return false;
        }
        Matcher matcher = REFERENCE.matcher(input).region(start, input.length());
        if (matcher.lookingAt()) {
            Optional<ReferenceUse.Kind> kind = ReferenceUse.Kind.ofPrefix(matcher.group(1));
            String label = matcher.group(2).replaceAll("\\.+$", "");
            if (kind.isPresent() && !label.isEmpty()) {
                int end = matcher.start(2) + label.length();
                parser.flushTextNode();
                parser.getBlock().appendChild(new ReferenceNode(input.subSequence(start, end), kind.get(), label));
                parser.setIndex(end);
                return true;
            }
            return false; // "@word:word" of no known kind stays text, as before citations; [@a:b] cites such a key
        }
        return parseInTextCitation(parser, input, start);
    }

    private static boolean parseInTextCitation(LightInlineParser parser, BasedSequence input, int start) {
        Matcher key = CitationSyntax.KEY.matcher(input).region(start + 1, input.length());
        if (!key.lookingAt()) return false;
        String trimmed = CitationSyntax.trimKey(key.group());
        if (trimmed.isEmpty() || CitationSyntax.isCrossReference(trimmed)) return false;
        int end = start + 1 + trimmed.length();
        parser.flushTextNode();
        parser.getBlock().appendChild(new CitationNode(input.subSequence(start, end),
                List.of(new CitationUse.Item(trimmed, "")), CitationUse.Mode.IN_TEXT));
        parser.setIndex(end);
        return true;
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    /** Flexmark registration: the characters that start this parser. */
    static InlineTrigger trigger() { return new InlineTrigger("@", ReferenceInlineParser::new); }
}
