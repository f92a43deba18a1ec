package org.optreport.site.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Something a claim says is true: comparisons of numbers, combined with and, or, not, all and any. */
sealed interface Condition extends Term {

    /** @throws UnknownNumberException if it names a number (or a family member) the report does not have */
    Verdict evaluate(Scope scope);

    /**
     * {@code left < right}, or {@code left ≈ right within 5%}. Both sides are always evaluated, so a misspelt name
     * is found whatever the other side says.
     *
     * @param symbol    as written, e.g. "&lt;=" or "≤"
     * @param tolerance for ≈ only, else null
     */
    record Comparison(Expression left, String symbol, Relation relation, Expression right, Tolerance tolerance, String source)
            implements Condition {

        @Override public Verdict evaluate(Scope scope) {
            double l = left.value(scope), r = right.value(scope);
            String[] shown = NumberText.pair(l, r);
            String leftSide = side(left, shown[0], scope);
            String rest = symbol + " " + side(right, shown[1], scope) + (tolerance == null ? "" : " within " + tolerance.source());
            if (Double.isNaN(l) || Double.isNaN(r) || tolerance != null && Double.isNaN(l - r))
                return new Verdict(Verdict.Outcome.UNDECIDED, List.of(leftSide + " " + rest + " cannot be decided"));
            boolean holds = relation.test(l, r, tolerance);
            String reason = leftSide + (holds ? " " : ", not ") + rest + (tolerance == null ? "" : " (" + tolerance.offBy(l, r) + ")");
            return new Verdict(holds ? Verdict.Outcome.HOLDS : Verdict.Outcome.FAILS, List.of(reason));
        }

        /** "landscape.a = 5.3" for a named number or a computation, just "2" for a literal. */
        private static String side(Expression side, String value, Scope scope) {
            return side instanceof Expression.Literal ? side.source() : scope.fillIn(side.source()) + " = " + value;
        }

        @Override public List<Expression> parts() { return List.of(left, right); }

        @Override public String structure() {
            return "(" + left.structure() + " " + symbol + " " + right.structure()
                    + (tolerance == null ? "" : " within " + tolerance.source()) + ")";
        }
    }

    /** {@code a and b and ...} ({@code and} true) or {@code a or b or ...}. */
    record Junction(boolean and, List<Condition> parts, String source) implements Condition {
        public Junction {
            parts = List.copyOf(parts);
        }

        @Override public Verdict evaluate(Scope scope) {
            List<Verdict> verdicts = parts.stream().map(p -> p.evaluate(scope)).toList();
            return and ? Verdict.allOf(verdicts) : Verdict.anyOf(verdicts);
        }

        @Override public String structure() {
            return parts.stream().map(Term::structure).collect(Collectors.joining(and ? " and " : " or ", "(", ")"));
        }
    }

    /** {@code not a}. */
    record Not(Condition operand, String source) implements Condition {
        @Override public Verdict evaluate(Scope scope) { return operand.evaluate(scope).negated(); }
        @Override public List<Condition> parts() { return List.of(operand); }
        @Override public String structure() { return "(not " + operand.structure() + ")"; }
    }

    /**
     * {@code all body} or {@code any body}, over the members of the families in the body. Several families move
     * together: in {@code all landscape.escape.* > landscape.predicted.*} both stand for the same member, and each must
     * have every member the other has.
     */
    record Quantified(boolean all, List<Family> families, Condition body, String source) implements Condition {
        public Quantified {
            families = List.copyOf(families);
        }

        @Override public Verdict evaluate(Scope scope) {
            SortedSet<String> members = new TreeSet<>();
            for (Family family : families)
                for (String name : scope.numbers().names(family.study())) family.memberOf(name).ifPresent(members::add);
            if (members.isEmpty())
                throw new UnknownNumberException(families.get(0).pattern(), "no number is named like '" + families.get(0).pattern() + "'");
            List<Verdict> verdicts = new ArrayList<>();
            for (String member : members) {
                for (Family family : families) {
                    if (scope.numbers().number(family.name(member)).isEmpty())
                        throw new UnknownNumberException(family.name(member), "no number named '" + family.name(member)
                                + "', though the family " + families.stream().map(Family::pattern).collect(Collectors.joining(" and "))
                                + " has the member '" + member + "'");
                }
                Map<Family, String> binding = new java.util.HashMap<>();
                for (Family family : families) binding.put(family, member);
                verdicts.add(body.evaluate(scope.with(binding)));
            }
            return all ? Verdict.allOf(verdicts) : Verdict.anyOf(verdicts);
        }

        @Override public List<Condition> parts() { return List.of(body); }
        @Override public String structure() { return "(" + (all ? "all " : "any ") + body.structure() + ")"; }
    }
}
