package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The brace forms that check the report's numbers: {@code {{claim EXPR}}}, and conditional wording
 * {@code {{if EXPR}}...{{else}}...{{end}}}. The expression may wrap over lines of a paragraph; it is parsed here, by
 * {@link ClaimSyntax}, so its errors name the line.
 */
final class ClaimInlineParser implements InlineParserExtension {
    private static final Pattern FORM = Pattern.compile("\\{\\{\\s*(?:(claim|if)(\\s[^{}]*)?|(else|end)\\s*)}}");

    /** Whether the text between {@code {{ }}} is one of these forms, so that it is not read as a quoted value. */
    static boolean isClaimForm(String inner) {
        return FORM.matcher("{{" + inner + "}}").matches();
    }

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int start = parser.getIndex();
        Matcher form = FORM.matcher(input).region(start, input.length());
        if (!form.lookingAt()) return false;
        BasedSequence source = input.subSequence(start, form.end());
        int offset = source.getStartOffset();
        String expression = form.group(2) == null ? "" : form.group(2).strip();
        parser.flushTextNode();
        parser.getBlock().appendChild(switch (form.group(1) == null ? form.group(3) : form.group(1)) {
            case "claim" -> new ClaimNode(source, ClaimSyntax.parse(expression, offset));
            case "if" -> new ConditionMarker(source, ConditionMarker.Kind.IF, ClaimSyntax.parse(expression, offset));
            case "else" -> new ConditionMarker(source, ConditionMarker.Kind.ELSE, null);
            default -> new ConditionMarker(source, ConditionMarker.Kind.END, null);
        });
        parser.setIndex(form.end());
        return true;
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    /** Flexmark registration: the characters that start this parser. */
    static InlineTrigger trigger() { return new Trigger(); }

    /** '{' also starts quoted values: a class of its own keeps the two parsers apart (see {@link InlineTrigger}). */
    private static final class Trigger extends InlineTrigger {
        Trigger() {
            super("{", ClaimInlineParser::new);
        }
    }
}
