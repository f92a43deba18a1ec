package org.optreport.site.markdown;

/** Finds the end of math in raw text, stepping over TeX escapes so that {@code \$} or {@code \\]} never close it. */
final class TexScanner {
    private TexScanner() {}

    /**
     * Index of the first {@code closer} at or after {@code from} that is not part of a backslash escape, or -1.
     * With {@code stopAtBacktick} a backtick ends the search: inline code takes precedence over math.
     */
    static int findCloser(CharSequence text, int from, String closer, boolean stopAtBacktick) {
        for (int i = from; i < text.length(); i++) {
            if (startsWithAt(text, i, closer)) {
                return i;
            }
            char c = text.charAt(i);
            if (stopAtBacktick && c == '`') {
                return -1;
            }
            if (c == '\\') {
                i++;
            }
        }
        return -1;
    }

    static boolean startsWithAt(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static char charAt(CharSequence text, int index) {
        return index >= 0 && index < text.length() ? text.charAt(index) : '\0';
    }
}
