package org.optreport.experiment.settings;

/** Any text, trimmed; what it names (a dataset, a column) is checked where it is used. */
record TextType() implements SettingType<String> {
    @Override public String parse(String text) { return text.trim(); }

    @Override public String format(String value) { return value; }

    @Override public String allowed() { return "any text"; }
}
