package org.optreport.site.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the claim grammar, loosest binding first:
 * <pre>
 * claim      = or END
 * or         = and ("or" and)*
 * and        = unary ("and" unary)*
 * unary      = "not" unary | ("all" | "any") unary | comparison
 * comparison = sum (RELATION sum ["within" NUMBER ["%"]])*      chained: 1 &lt; a &lt; 2 is 1 &lt; a and a &lt; 2
 * sum        = product (("+" | "-") product)*
 * product    = signed (("*" | "/") signed)*
 * signed     = "-" signed | primary
 * primary    = NUMBER | NAME | FAMILY | FUNCTION "(" or ("," or)* ")" | "(" or ")"
 * </pre>
 * Parentheses hold either a number or a condition, so each rule returns a {@link Term} and the rule that uses it
 * checks which it got: that is where "expected a comparison after 'landscape.x'" comes from.
 */
final class ClaimParser {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "all", "any", "within");

    private final String text;
    private final List<Token> tokens;
    private int next;
    /** How many quantifiers the parser is inside: a family outside all of them is an error. */
    private int quantifiers;

    private ClaimParser(String text) {
        this.text = text;
        this.tokens = Tokenizer.tokens(text);
    }

    static Condition parse(String text) {
        ClaimParser parser = new ClaimParser(text);
        if (parser.peek().kind() == Token.Kind.END) throw new ClaimSyntaxException("the claim is empty", 1);
        Condition claim = parser.condition(parser.or());
        Token left = parser.peek();
        if (left.kind() != Token.Kind.END)
            throw new ClaimSyntaxException("unexpected '" + left.text() + "' at column " + left.column()
                    + " after a complete claim (join claims with 'and' or 'or')", left.column());
        if (claim.terms().noneMatch(t -> t instanceof Expression.NumberName || t instanceof Expression.Member))
            throw new ClaimSyntaxException("the claim names no number of the report (names are study.name)", 1);
        return claim;
    }

    private Term or() {
        int start = startOfNext();
        Term first = and();
        if (!peek().is("or")) return first;
        List<Condition> parts = new ArrayList<>(List.of(condition(first)));
        while (peek().is("or")) {
            take();
            parts.add(condition(and()));
        }
        return new Condition.Junction(false, parts, sourceFrom(start));
    }

    private Term and() {
        int start = startOfNext();
        Term first = unary();
        if (!peek().is("and")) return first;
        List<Condition> parts = new ArrayList<>(List.of(condition(first)));
        while (peek().is("and")) {
            take();
            parts.add(condition(unary()));
        }
        return new Condition.Junction(true, parts, sourceFrom(start));
    }

    private Term unary() {
        Token word = peek();
        int start = startOfNext();
        if (word.is("not")) {
            take();
            return new Condition.Not(condition(unary()), sourceFrom(start));
        }
        if (word.is("all") || word.is("any")) {
            take();
            quantifiers++;
            Condition body = condition(unary());
            quantifiers--;
            List<Family> families = body.unquantified().filter(t -> t instanceof Expression.Member)
                    .map(t -> ((Expression.Member) t).family()).distinct().toList();
            if (families.isEmpty())
                throw new ClaimSyntaxException("'" + word.text() + "' at column " + word.column()
                        + " needs a family of numbers such as study.name.* in the comparison after it", word.column());
            return new Condition.Quantified(word.is("all"), families, body, sourceFrom(start));
        }
        return comparison();
    }

    private Term comparison() {
        int start = startOfNext();
        Term first = sum();
        if (Relation.of(peek().text()) == null || peek().kind() != Token.Kind.SYMBOL) {
            if (peek().is("within")) throw withinWithoutApproximately();
            return first;
        }
        List<Condition> links = new ArrayList<>();
        int linkStart = start;
        Expression left = number(first, start);
        while (peek().kind() == Token.Kind.SYMBOL && Relation.of(peek().text()) != null) {
            Token symbol = take();
            Relation relation = Relation.of(symbol.text());
            int rightStart = startOfNext();
            Expression right = number(sum(), rightStart);
            Tolerance tolerance = null;
            if (peek().is("within")) {
                if (relation != Relation.APPROXIMATELY) throw withinWithoutApproximately();
                tolerance = tolerance();
            } else if (relation == Relation.APPROXIMATELY) {
                throw new ClaimSyntaxException("'" + symbol.text() + "' at column " + symbol.column()
                        + " needs a tolerance, as in 'a ≈ b within 5%' or 'a ≈ b within 0.01'", symbol.column());
            }
            links.add(new Condition.Comparison(left, symbol.text(), relation, right, tolerance, sourceFrom(linkStart)));
            left = right;
            linkStart = rightStart;
        }
        return links.size() == 1 ? links.get(0) : new Condition.Junction(true, links, sourceFrom(start));
    }

    private ClaimSyntaxException withinWithoutApproximately() {
        Token within = peek();
        return new ClaimSyntaxException("'within' at column " + within.column() + " goes with '≈' only", within.column());
    }

    private Tolerance tolerance() {
        take(); // within
        Token amount = peek();
        if (amount.kind() != Token.Kind.NUMBER) throw expected("a tolerance such as 5% or 0.01");
        take();
        boolean relative = peek().is("%");
        if (relative) take();
        double value = Double.parseDouble(amount.text()) / (relative ? 100 : 1);
        return new Tolerance(value, relative, sourceFrom(amount.column() - 1));
    }

    private Term sum() {
        int start = startOfNext();
        Term left = product();
        while (peek().is("+") || peek().is("-")) {
            char operator = take().text().charAt(0);
            int rightStart = startOfNext();
            Expression right = number(product(), rightStart);
            left = new Expression.Arithmetic(operator, number(left, start), right, sourceFrom(start));
        }
        return left;
    }

    private Term product() {
        int start = startOfNext();
        Term left = signed();
        while (peek().is("*") || peek().is("/")) {
            char operator = take().text().charAt(0);
            int rightStart = startOfNext();
            Expression right = number(signed(), rightStart);
            left = new Expression.Arithmetic(operator, number(left, start), right, sourceFrom(start));
        }
        return left;
    }

    private Term signed() {
        if (!peek().is("-")) return primary();
        int start = startOfNext();
        take();
        int operandStart = startOfNext();
        return new Expression.Negative(number(signed(), operandStart), sourceFrom(start));
    }

    private Term primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                take();
                return new Expression.Literal(Double.parseDouble(token.text()), token.text());
            }
            case NAME -> {
                take();
                return new Expression.NumberName(token.text(), token.text());
            }
            case FAMILY -> {
                if (quantifiers == 0)
                    throw new ClaimSyntaxException("'" + token.text() + "' at column " + token.column()
                            + " is a family of numbers: start its comparison with 'all' or 'any'", token.column());
                take();
                return new Expression.Member(Family.of(token.text()), token.text());
            }
            case WORD -> {
                Expression.Function function = Expression.Function.of(token.text());
                if (function != null) return call(function);
                if (KEYWORDS.contains(token.text())) throw expected("a number or a name");
                throw new ClaimSyntaxException("'" + token.text() + "' at column " + token.column()
                        + " is not a name: numbers are named study.name", token.column());
            }
            default -> {
                if (!token.is("(")) throw expected("a number or a name");
                take();
                Term inner = or();
                close(token);
                return inner;
            }
        }
    }

    private Expression call(Expression.Function function) {
        int start = startOfNext();
        Token name = take();
        if (!peek().is("(")) throw expected("'(' and the numbers of " + name.text());
        Token open = take();
        List<Expression> arguments = new ArrayList<>();
        do {
            if (!arguments.isEmpty()) take(); // ,
            int argumentStart = startOfNext();
            arguments.add(number(or(), argumentStart));
        } while (peek().is(","));
        close(open);
        if (!function.accepts(arguments.size()))
            throw new ClaimSyntaxException("'" + name.text() + "' at column " + name.column() + " takes " + function.arity()
                    + ", not " + arguments.size(), name.column());
        return new Expression.Call(function, arguments, sourceFrom(start));
    }

    private void close(Token open) {
        Token found = peek();
        if (!found.is(")"))
            throw new ClaimSyntaxException("the '(' at column " + open.column() + " is not closed: expected ')' at column "
                    + found.column() + (found.kind() == Token.Kind.END ? "" : ", found '" + found.text() + "'"), found.column());
        take();
    }

    /** {@code term} as a condition, or the error that says a comparison was expected where the next token is. */
    private Condition condition(Term term) {
        if (term instanceof Condition condition) return condition;
        Token after = peek();
        throw new ClaimSyntaxException("expected a comparison after '" + term.source() + "' at column " + after.column()
                + (after.kind() == Token.Kind.END ? "" : ", found '" + after.text() + "'"), after.column());
    }

    /** {@code term} as a number, or the error that says a comparison stands where a number was expected. */
    private Expression number(Term term, int start) {
        if (term instanceof Expression expression) return expression;
        throw new ClaimSyntaxException("expected a number at column " + (start + 1) + ", found the comparison '"
                + term.source() + "'", start + 1);
    }

    private ClaimSyntaxException expected(String what) {
        Token found = peek();
        String after = next == 0 ? "" : " after '" + tokens.get(next - 1).text() + "'";
        return new ClaimSyntaxException("expected " + what + after + " at column " + found.column()
                + (found.kind() == Token.Kind.END ? "" : ", found '" + found.text() + "'"), found.column());
    }

    private Token peek() { return tokens.get(next); }

    private Token take() { return tokens.get(next++); }

    /** The index in the text where the next token starts. */
    private int startOfNext() { return peek().column() - 1; }

    /** The text from {@code start} to the end of the last token taken. */
    private String sourceFrom(int start) {
        return text.substring(start, tokens.get(next - 1).endColumn() - 1);
    }
}
