package org.optreport.experiment.settings;

/** Numbers as a person writes them in a setting: {@code 2}, {@code 0.005}, {@code 1e-6}. */
final class Numbers {
    private Numbers() {}

    /**
     * The shortest text that parses back to {@code v}, as Java writes it but without a trailing {@code .0} and with
     * a lower-case exponent: these are the texts experiment defaults have always had, which run caches key on.
     */
    static String format(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }
}
