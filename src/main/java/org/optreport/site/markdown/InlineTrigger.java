package org.optreport.site.markdown;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers one of the dialect's inline parsers with Flexmark: the characters that start it and how to make one.
 * Flexmark tells the parsers of one character apart by their factory's class, so a second parser on a character
 * already taken needs a subclass of its own.
 */
class InlineTrigger implements InlineParserExtensionFactory {
    private final String characters;
    private final Supplier<InlineParserExtension> parser;

    InlineTrigger(String characters, Supplier<InlineParserExtension> parser) {
        this.characters = characters;
        this.parser = parser;
    }

    @Override public CharSequence getCharacters() { return characters; }

    @Override public InlineParserExtension apply(LightInlineParser inlineParser) { return parser.get(); }

    @Override public Set<Class<?>> getAfterDependents() { return null; }

    @Override public Set<Class<?>> getBeforeDependents() { return null; }

    @Override public boolean affectsGlobalScope() { return false; }
}
