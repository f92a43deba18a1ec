package org.optreport.site.claims;

/** How a comparison relates its two sides; each has an ASCII and (where there is one) a Unicode spelling. */
enum Relation {
    LESS, AT_MOST, GREATER, AT_LEAST, EQUAL, APPROXIMATELY;

    /** The relation a symbol token spells, or null if it spells none. */
    static Relation of(String symbol) {
        return switch (symbol) {
            case "<" -> LESS;
            case "<=", "≤" -> AT_MOST;
            case ">" -> GREATER;
            case ">=", "≥" -> AT_LEAST;
            case "=" -> EQUAL;
            case "≈", "~=" -> APPROXIMATELY;
            default -> null;
        };
    }

    /** Whether it holds; {@code tolerance} is that of ≈ and null for the others. NaN never holds. */
    boolean test(double left, double right, Tolerance tolerance) {
        return switch (this) {
            case LESS -> left < right;
            case AT_MOST -> left <= right;
            case GREATER -> left > right;
            case AT_LEAST -> left >= right;
            case EQUAL -> left == right;
            case APPROXIMATELY -> tolerance.allows(left, right);
        };
    }
}
