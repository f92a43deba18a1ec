package org.optreport.site.markdown;

import java.util.Arrays;
import java.util.Optional;

/**
 * An {@code @kind:label} reference in the text.
 *
 * @param kind  what it points at
 * @param label the part after the colon, e.g. "landscape-loss" for {@code @fig:landscape-loss}
 * @param line  1-based line in the original file
 */
public record ReferenceUse(Kind kind, String label, int line) {

    /** The label as written after the @, e.g. "fig:landscape-loss"; for equations this is the \label{...} text. */
    public String target() { return kind.prefix() + ":" + label; }

    public enum Kind {
        FIG("fig"), TAB("tab"), EQ("eq"), SEC("sec"), PAGE("page");

        private final String prefix;

        Kind(String prefix) { this.prefix = prefix; }

        public String prefix() { return prefix; }

        public static Optional<Kind> ofPrefix(String prefix) {
            return Arrays.stream(values()).filter(k -> k.prefix.equals(prefix)).findFirst();
        }
    }
}
