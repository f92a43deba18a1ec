package org.optreport.site.claims;

import java.util.List;
import java.util.stream.Stream;

/** A part of a parsed claim: a number ({@link Expression}) or something true or false ({@link Condition}). */
sealed interface Term permits Expression, Condition {
    /** The part as written in the claim, e.g. for "landscape.a = 5.3, not &lt; 2". */
    String source();

    /** The terms directly inside this one. */
    List<? extends Term> parts();

    /** The structure, fully parenthesized: what a test compares to see how the claim was read. */
    String structure();

    /** This term and every term inside it, except inside a quantifier, whose families are its own. */
    default Stream<Term> unquantified() {
        if (this instanceof Condition.Quantified) return Stream.of(this);
        return Stream.concat(Stream.of(this), parts().stream().flatMap(Term::unquantified));
    }

    /** This term and every term inside it. */
    default Stream<Term> terms() {
        return Stream.concat(Stream.of(this), parts().stream().flatMap(Term::terms));
    }
}
