package org.optreport.report.output;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The values a study gives its pages to quote ({@code {{study.name}}}), each registered with its text and a one-line
 * meaning that {@code list} prints beside it. The meaning is an argument of {@link #put}, so no value goes without one;
 * a family of values shares a meaning with its member filled in ("steps to escape the origin, depth 3").
 */
public final class QuotedValues {
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, String> meanings = new HashMap<>();

    /**
     * Registers {@code name} with the {@code text} pages show and its {@code meaning}: one line, not blank, saying what
     * the number is (its unit or how it was measured where that matters), without its value.
     */
    public void put(String name, String text, String meaning) {
        texts.put(name, text);
        meanings.put(name, checkedMeaning(name, meaning));
    }

    /** Rewrites every text (the meanings stay): a typographic touch applied to all of a study's values, say. */
    public void replaceTexts(java.util.function.UnaryOperator<String> rewrite) { texts.replaceAll((name, text) -> rewrite.apply(text)); }

    /** The text registered under {@code name}, or null. */
    public String get(String name) { return texts.get(name); }

    public Map<String, String> texts() { return Collections.unmodifiableMap(texts); }

    public Map<String, String> meanings() { return Collections.unmodifiableMap(meanings); }

    static String checkedMeaning(String name, String meaning) {
        if (meaning == null || meaning.isBlank())
            throw new IllegalArgumentException("value '" + name + "' has no meaning: say in one line what it is where it is registered");
        if (meaning.contains("\n")) throw new IllegalArgumentException("value '" + name + "': its meaning must be one line");
        return meaning.strip();
    }
}
