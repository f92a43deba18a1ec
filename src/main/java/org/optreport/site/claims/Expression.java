package org.optreport.site.claims;

import java.util.List;
import java.util.stream.Collectors;

/** A number in a claim: a literal, a named number of the report, or arithmetic on them. */
sealed interface Expression extends Term {

    double value(Scope scope);

    /** {@code 2}, {@code 1e-3}. */
    record Literal(double number, String source) implements Expression {
        @Override public double value(Scope scope) { return number; }
        @Override public List<Term> parts() { return List.of(); }
        @Override public String structure() { return source; }
    }

    /** {@code landscape.learningRate}. */
    record NumberName(String name, String source) implements Expression {
        @Override public double value(Scope scope) { return scope.number(name); }
        @Override public List<Term> parts() { return List.of(); }
        @Override public String structure() { return name; }

        String study() { return name.substring(0, name.indexOf('.')); }
    }

    /** {@code landscape.escapeStep.*} inside a quantifier: the member it stands for at the moment. */
    record Member(Family family, String source) implements Expression {
        @Override public double value(Scope scope) { return scope.number(scope.nameOf(family)); }
        @Override public List<Term> parts() { return List.of(); }
        @Override public String structure() { return family.pattern(); }
    }

    /** {@code -x}. */
    record Negative(Expression operand, String source) implements Expression {
        @Override public double value(Scope scope) { return -operand.value(scope); }
        @Override public List<Expression> parts() { return List.of(operand); }
        @Override public String structure() { return "(-" + operand.structure() + ")"; }
    }

    /** {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b}. */
    record Arithmetic(char operator, Expression left, Expression right, String source) implements Expression {
        @Override public double value(Scope scope) {
            double l = left.value(scope), r = right.value(scope);
            return switch (operator) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                case '/' -> l / r;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        @Override public List<Expression> parts() { return List.of(left, right); }
        @Override public String structure() { return "(" + left.structure() + " " + operator + " " + right.structure() + ")"; }
    }

    /** {@code abs(x)}, {@code min(a, b, ...)}, {@code max(a, b, ...)}. */
    record Call(Function function, List<Expression> arguments, String source) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override public double value(Scope scope) {
            double[] values = arguments.stream().mapToDouble(a -> a.value(scope)).toArray();
            return switch (function) {
                case ABS -> Math.abs(values[0]);
                // Math.min and max carry a NaN through, so a NaN argument leaves the claim undecided
                case MIN -> java.util.Arrays.stream(values).reduce(Double.POSITIVE_INFINITY, Math::min);
                case MAX -> java.util.Arrays.stream(values).reduce(Double.NEGATIVE_INFINITY, Math::max);
            };
        }

        @Override public List<Expression> parts() { return arguments; }

        @Override public String structure() {
            return function.word() + "(" + arguments.stream().map(Term::structure).collect(Collectors.joining(", ")) + ")";
        }
    }

    enum Function {
        ABS(1, 1), MIN(2, Integer.MAX_VALUE), MAX(2, Integer.MAX_VALUE);

        private final int fewest;
        private final int most;

        Function(int fewest, int most) {
            this.fewest = fewest;
            this.most = most;
        }

        String word() { return name().toLowerCase(java.util.Locale.ROOT); }

        boolean accepts(int arguments) { return arguments >= fewest && arguments <= most; }

        String arity() { return most == 1 ? "one number" : "at least " + fewest + " numbers"; }

        static Function of(String word) {
            for (Function f : values()) if (f.word().equals(word)) return f;
            return null;
        }
    }
}
