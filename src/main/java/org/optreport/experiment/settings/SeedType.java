package org.optreport.experiment.settings;

/** Any 64-bit integer: a seed has no range to respect. */
record SeedType() implements SettingType<Long> {
    @Override public Long parse(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(allowed());
        }
    }

    @Override public String format(Long value) { return Long.toString(value); }

    @Override public String allowed() { return "an integer seed"; }
}
