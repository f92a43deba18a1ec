package org.optreport.site.markdown;

import java.util.List;

/**
 * A citation in the text: {@code [@a; @b, Thm. 4.1]} (parenthetical) or {@code @a} (in-text, the authors in the sentence).
 *
 * @param line 1-based line in the original file
 */
public record CitationUse(List<Item> items, Mode mode, int line) {

    public CitationUse {
        items = List.copyOf(items);
    }

    /** One cited entry; {@code locator} is the text after the key's comma ("Thm. 4.1"), or empty. */
    public record Item(String key, String locator) {}

    public enum Mode { PARENTHETICAL, IN_TEXT }
}
