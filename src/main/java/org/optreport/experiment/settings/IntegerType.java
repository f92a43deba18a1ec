package org.optreport.experiment.settings;

/** An integer in [min, max]. */
record IntegerType(int min, int max) implements SettingType<Integer> {
    IntegerType {
        if (min > max) throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }

    @Override public Integer parse(String text) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(allowed());
        }
        if (v < min || v > max) throw new InvalidValueException(allowed());
        return v;
    }

    @Override public String format(Integer value) { return Integer.toString(value); }

    @Override public String allowed() { return "an integer" + bounds(); }

    /** {@code " in [1, 64]"}, {@code " of at least 2"}, or nothing when every int is allowed. */
    String bounds() {
        if (max == Integer.MAX_VALUE) return min == Integer.MIN_VALUE ? "" : " of at least " + min;
        return " in [" + min + ", " + max + "]";
    }
}
