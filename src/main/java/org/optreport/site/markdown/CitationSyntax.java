package org.optreport.site.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pandoc's citation syntax, the parts this dialect supports: keys, and locators after a comma. */
final class CitationSyntax {
    /** A key as Pandoc allows it, less the punctuation that ends a sentence. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*");
    private static final Pattern ITEM = Pattern.compile("\\s*@(" + KEY.pattern() + ")\\s*(?:,\\s*(.*?))?\\s*");

    private CitationSyntax() {}

    /** Trailing '.', ':' and the like end the sentence, not the key ("as @arora2018." cites arora2018). */
    static String trimKey(String key) {
        return key.replaceAll("[.:#$%&+?<>~/-]+$", "");
    }

    /** A key that starts like a cross-reference ("fig:loss") is one, not a citation. */
    static boolean isCrossReference(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && ReferenceUse.Kind.ofPrefix(key.substring(0, colon)).isPresent();
    }

    /** The items of a bracket's content ("@a; @b, p. 3"), or empty when it is not a citation. */
    static Optional<List<CitationUse.Item>> bracketItems(CharSequence content) {
        List<CitationUse.Item> items = new ArrayList<>();
        for (String part : content.toString().split(";", -1)) {
            Matcher item = ITEM.matcher(part);
            if (!item.matches()) return Optional.empty();
            String key = item.group(1);
            String locator = item.group(2) == null ? "" : item.group(2);
            if (isCrossReference(key)) return Optional.empty();
            items.add(new CitationUse.Item(key, locator));
        }
        return Optional.of(items);
    }
}
