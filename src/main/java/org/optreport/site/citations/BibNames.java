package org.optreport.site.citations;

import java.util.ArrayList;
import java.util.List;

/**
 * BibTeX's author-list syntax: names joined by " and " at brace depth 0, each "Family, Given" or "Given Family"
 * (a braced group counts as one word). JBibTeX leaves this to its users.
 */
final class BibNames {
    private BibNames() {}

    static List<BibEntry.Author> parse(String field) {
        List<BibEntry.Author> authors = new ArrayList<>();
        for (String name : splitTopLevel(field.strip())) {
            if (!name.isBlank()) authors.add(parseOne(name.strip()));
        }
        return authors;
    }

    private static List<String> splitTopLevel(String field) {
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (depth == 0 && field.regionMatches(true, i, " and ", 0, 5)) {
                parts.add(field.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        parts.add(field.substring(start));
        return parts;
    }

    private static BibEntry.Author parseOne(String name) {
        int comma = topLevelComma(name);
        if (comma >= 0) return new BibEntry.Author(name.substring(0, comma).strip(), name.substring(comma + 1).strip());
        int space = lastTopLevelSpace(name);
        if (space < 0) return new BibEntry.Author(name, "");
        return new BibEntry.Author(name.substring(space + 1).strip(), name.substring(0, space).strip());
    }

    private static int topLevelComma(String name) {
        int depth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == ',' && depth == 0) return i;
        }
        return -1;
    }

    private static int lastTopLevelSpace(String name) {
        int depth = 0, found = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (Character.isWhitespace(c) && depth == 0) found = i;
        }
        return found;
    }
}
