package org.optreport.site.claims;

import java.util.Set;
import java.util.TreeSet;

/**
 * A sentence's promise about the report's numbers, such as {@code landscape.etaSharpnessMax < 2}: parsed when the page
 * is read, checked once the studies have run. The language: numbers, names ({@code study.name}), {@code + - * /},
 * parentheses, {@code abs min max}; comparisons {@code < <= > >= = ≈} (also {@code ≤ ≥ ~=}, and chains such as
 * {@code 1 < a < 2}), ≈ with {@code within 5%} or {@code within 0.01}; {@code and or not}; {@code all} and {@code any}
 * over a family {@code study.name.*}.
 */
public final class Claim {
    private final String text;
    private final Condition condition;

    private Claim(String text, Condition condition) {
        this.text = text;
        this.condition = condition;
    }

    /** @throws ClaimSyntaxException naming the column in {@code text} */
    public static Claim parse(String text) {
        return new Claim(text, ClaimParser.parse(text));
    }

    /** As written. */
    public String text() { return text; }

    /** The studies whose numbers it reads. */
    public Set<String> studies() {
        Set<String> studies = new TreeSet<>();
        condition.terms().forEach(t -> {
            if (t instanceof Expression.NumberName name) studies.add(name.study());
            if (t instanceof Expression.Member member) studies.add(member.family().study());
        });
        return studies;
    }

    /**
     * Every number it names is read, whatever the outcome, so a misspelt name is an error even in a claim that an
     * earlier part already decides.
     *
     * @throws UnknownNumberException for a name, or a family, the numbers do not have
     */
    public Verdict evaluate(Numbers numbers) {
        return condition.evaluate(Scope.of(numbers));
    }

    /** How it was read, fully parenthesized. */
    String structure() { return condition.structure(); }

    @Override public String toString() { return text; }
}
