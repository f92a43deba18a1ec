package org.optreport.site.citations;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How authors are named: short in citations ("Arora et al."), in full in the list of references. */
final class AuthorNames {
    private AuthorNames() {}

    /** "Saxe", "Ghadimi and Lan", "Arora et al." (three or more). */
    static String brief(List<BibEntry.Author> authors) {
        return switch (authors.size()) {
            case 1 -> authors.get(0).family();
            case 2 -> authors.get(0).family() + " and " + authors.get(1).family();
            default -> authors.get(0).family() + " et al.";
        };
    }

    /** "Arora, S., Cohen, N., and Hazan, E." */
    static String full(List<BibEntry.Author> authors) {
        List<String> names = authors.stream().map(AuthorNames::familyAndInitials).toList();
        if (names.size() == 1) return names.get(0);
        if (names.size() == 2) return names.get(0) + " and " + names.get(1);
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
    }

    private static String familyAndInitials(BibEntry.Author author) {
        if (author.given().isBlank()) return author.family();
        String initials = Arrays.stream(author.given().split("\\s+"))
                .map(AuthorNames::initials).collect(Collectors.joining(" "));
        return author.family() + ", " + initials;
    }

    /** "Jean-Pierre" → "J.-P.", "Sanjeev" → "S."; an initial given already ("E.") stays. */
    private static String initials(String given) {
        return Arrays.stream(given.split("-")).filter(p -> !p.isEmpty())
                .map(p -> p.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + ".")
                .collect(Collectors.joining("-"));
    }
}
