package org.optreport.site.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a claim into tokens. A name starts with a letter and has at least one dot ({@code landscape.learningRate});
 * one of its parts after the first may be {@code *}, which makes it a family ({@code landscape.escapeStep.*}). A '*'
 * anywhere else is multiplication, so {@code landscape.a*2} is a product.
 */
final class Tokenizer {
    /** Longest first, so that "<=" is not read as "<" then "=". */
    private static final List<String> SYMBOLS =
            List.of("<=", ">=", "~=", "<", ">", "=", "≈", "≤", "≥", "+", "-", "*", "/", "(", ")", ",", "%");

    private final String text;
    private int at;

    private Tokenizer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        Tokenizer tokenizer = new Tokenizer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = tokenizer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        if (at == text.length()) return new Token(Token.Kind.END, "", at + 1);
        char c = text.charAt(at);
        if (isDigit(c)) return number();
        if (isLetter(c)) return name();
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, at)) {
                at += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, at - symbol.length() + 1);
            }
        }
        throw new ClaimSyntaxException("unexpected character '" + c + "' at column " + (at + 1), at + 1);
    }

    private Token number() {
        int start = at;
        digits();
        if (peek(0) == '.' && isDigit(peek(1))) {
            at++;
            digits();
        }
        if (peek(0) == 'e' || peek(0) == 'E') {
            int sign = peek(1) == '+' || peek(1) == '-' ? 1 : 0;
            if (isDigit(peek(1 + sign))) {
                at += 1 + sign;
                digits();
            }
        }
        if (isNamePart(peek(0)) || peek(0) == '.') {
            while (isNamePart(peek(0)) || peek(0) == '.') at++;
            throw new ClaimSyntaxException("malformed number '" + text.substring(start, at) + "' at column " + (start + 1), start + 1);
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, at), start + 1);
    }

    private Token name() {
        int start = at;
        int stars = 0;
        boolean dotted = false;
        while (isNamePart(peek(0))) at++;
        while (peek(0) == '.' && (isNamePart(peek(1)) || peek(1) == '*')) {
            dotted = true;
            at++;
            if (peek(0) == '*') {
                at++;
                if (++stars > 1)
                    throw new ClaimSyntaxException("a family name has one '*' at most, at column " + at, at);
                if (isNamePart(peek(0)))
                    throw new ClaimSyntaxException("'*' stands for a whole part of a name (as in study.name.*), at column " + at, at);
            } else {
                while (isNamePart(peek(0))) at++;
            }
        }
        Token.Kind kind = stars > 0 ? Token.Kind.FAMILY : dotted ? Token.Kind.NAME : Token.Kind.WORD;
        return new Token(kind, text.substring(start, at), start + 1);
    }

    private void digits() {
        while (isDigit(peek(0))) at++;
    }

    private char peek(int ahead) {
        return at + ahead < text.length() ? text.charAt(at + ahead) : '\0';
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isLetter(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

    private static boolean isNamePart(char c) { return isLetter(c) || isDigit(c) || c == '_'; }
}
