package org.optreport.errors;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The known name an unknown one was probably meant to be, for an error message: a typo ({@code sedes}), a wrong
 * case ({@code learningrate}) or a slip of a few letters. Names too far from every candidate get no suggestion, so that
 * the message never proposes something unrelated.
 */
public final class DidYouMean {
    /**
     * How many edits (ignoring case) still make a plausible typo of a name this long: one for a name of up to three
     * letters (so that two letters are never "corrected" into another word), two up to eight letters (a swap of two
     * neighbours, "maen" for "mean", is two), three beyond.
     */
    private static int maxEdits(int length) { return length <= 3 ? 1 : length <= 8 ? 2 : 3; }

    private DidYouMean() {}

    /** The candidate closest to {@code name} (the first in order among equally close ones), if any is close enough. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        LevenshteinDistance distance = new LevenshteinDistance(maxEdits(lower.length()));
        return candidates.stream()
                .filter(c -> !c.equals(name))
                .map(c -> new Scored(c, distance.apply(lower, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.edits() >= 0) // -1: more than the limit
                .min(Comparator.comparingInt(Scored::edits))
                .map(Scored::candidate);
    }

    /** {@code did you mean 'x'?} for the closest candidate, or empty text when none is close. */
    public static String hint(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
    }

    private record Scored(String candidate, int edits) {}
}
