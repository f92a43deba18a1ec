package org.optreport.experiment.settings;

/** A finite number in an interval. */
record RealType(Interval interval) implements SettingType<Double> {
    @Override public Double parse(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(allowed());
        }
        if (!interval.contains(v)) throw new InvalidValueException(allowed());
        return v;
    }

    @Override public String format(Double value) { return Numbers.format(value); }

    @Override public String allowed() { return "a number " + interval.describe(); }
}
