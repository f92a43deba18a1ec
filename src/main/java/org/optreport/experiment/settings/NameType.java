package org.optreport.experiment.settings;

/** A name, such as a CSV column's: any text but the empty one, trimmed; whether it exists is checked where it is used. */
record NameType() implements SettingType<String> {
    @Override public String parse(String text) {
        String name = text.trim();
        if (name.isEmpty()) throw new InvalidValueException(allowed());
        return name;
    }

    @Override public String format(String value) { return value; }

    @Override public String allowed() { return "a name"; }
}
