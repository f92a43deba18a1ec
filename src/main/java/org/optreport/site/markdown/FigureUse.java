package org.optreport.site.markdown;

/**
 * A {@code ::: figure name {#fig:label}} or {@code ::: table name {#tab:label}} directive.
 *
 * @param kind  figure or table
 * @param name  the study output it places, "study.name"
 * @param label the label without its "fig:"/"tab:" prefix, or null when the directive has none
 * @param line  1-based line of the opening {@code :::} in the original file
 * @param panels the letters of the panels to place ({@code panels=b,c} gives "bc"), or null for all of them
 */
public record FigureUse(Kind kind, String name, String label, int line, String panels) {
    public FigureUse(Kind kind, String name, String label, int line) { this(kind, name, label, line, null); }

    public enum Kind {
        FIGURE("fig"), TABLE("tab");

        private final String labelPrefix;

        Kind(String labelPrefix) { this.labelPrefix = labelPrefix; }

        /** The prefix its label carries in {@code {#prefix:label}} and in references {@code @prefix:label}. */
        public String labelPrefix() { return labelPrefix; }
    }
}
