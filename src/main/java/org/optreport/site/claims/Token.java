package org.optreport.site.claims;

/**
 * A piece of a claim's text. Columns are 1-based and count the characters of the claim as written, so that an error
 * can point into it.
 */
record Token(Kind kind, String text, int column) {
    enum Kind {
        /** 2, 0.5, 1e-3 */
        NUMBER,
        /** study.name, with at least one dot */
        NAME,
        /** study.name.*: a name with one part left open */
        FAMILY,
        /** a keyword or a function: and, or, not, all, any, within, abs, min, max */
        WORD,
        /** an operator or punctuation */
        SYMBOL,
        END
    }

    /** The column just after the token. */
    int endColumn() { return column + text.length(); }

    boolean is(String wordOrSymbol) {
        return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equals(wordOrSymbol);
    }
}
