package org.optreport.site.markdown;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quoted values inside math: {@code $\eta = {{landscape.learningRate}}$}. Only the exact form
 * {@code {{study.key}}} (a dot is required) is replaced, so ordinary TeX grouping such as {@code x^{{a}}} is left
 * alone; the number is rewritten as TeX ({@code 1.2×10⁻³} becomes {@code 1.2\times 10^{-3}}).
 */
final class MathValues {
    static final Pattern VALUE = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9_-]*\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])\\}\\}");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private MathValues() {}

    /** The TeX with every value replaced by {@code lookup(key)} written as TeX. */
    static String substitute(String tex, Function<String, String> lookup) {
        Matcher m = VALUE.matcher(tex);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(asTex(lookup.apply(m.group(1)))));
        m.appendTail(out);
        return out.toString();
    }

    /** A formatted number as TeX: scientific notation, infinity and thousands separators. */
    static String asTex(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '×') {
                out.append("\\times ");
                i++;
                continue;
            }
            if (c == '⁻' || SUPERSCRIPTS.indexOf(c) >= 0) {
                StringBuilder exponent = new StringBuilder();
                while (i < text.length() && (text.charAt(i) == '⁻' || SUPERSCRIPTS.indexOf(text.charAt(i)) >= 0)) {
                    char e = text.charAt(i++);
                    exponent.append(e == '⁻' ? '-' : (char) ('0' + SUPERSCRIPTS.indexOf(e)));
                }
                out.append("^{").append(exponent).append('}');
                continue;
            }
            if (c == '∞') out.append("\\infty ");
            else if (c == ',') out.append("{,}");
            else if (c == '%') out.append("\\%");
            else out.append(c);
            i++;
        }
        return out.toString();
    }
}
