package org.optreport.site.claims;

import java.util.Optional;

/**
 * A family of numbers: a name with one part left open, e.g. {@code landscape.escapeStep.*} for
 * {@code landscape.escapeStep.depth2}, {@code landscape.escapeStep.depth3}, ... The open part stands for exactly one
 * part of a name (no dots), its member.
 */
record Family(String prefix, String suffix) {

    /** @param pattern a name with one '*' part, as the tokenizer reads it */
    static Family of(String pattern) {
        int star = pattern.indexOf('*');
        return new Family(pattern.substring(0, star), pattern.substring(star + 1));
    }

    String pattern() { return prefix + "*" + suffix; }

    String study() { return prefix.substring(0, prefix.indexOf('.')); }

    /** The member {@code name} belongs to the family as, if it does. */
    Optional<String> memberOf(String name) {
        if (name.length() <= prefix.length() + suffix.length() || !name.startsWith(prefix) || !name.endsWith(suffix))
            return Optional.empty();
        String member = name.substring(prefix.length(), name.length() - suffix.length());
        return member.contains(".") ? Optional.empty() : Optional.of(member);
    }

    String name(String member) { return prefix + member + suffix; }
}
