package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/** Registers the report dialect (math, directives, values, claims, references, citations, heading ids) with Flexmark's parser. */
final class DialectParserExtension implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new DisplayMathParser.Factory());
        builder.customBlockParserFactory(new DirectiveParser.Factory());
        builder.customInlineParserExtensionFactory(MathInlineParser.trigger());
        builder.customInlineParserExtensionFactory(ClaimInlineParser.trigger());
        builder.customInlineParserExtensionFactory(ValueInlineParser.trigger());
        builder.customInlineParserExtensionFactory(ReferenceInlineParser.trigger());
        builder.customInlineParserExtensionFactory(CitationInlineParser.trigger());
    }
}
