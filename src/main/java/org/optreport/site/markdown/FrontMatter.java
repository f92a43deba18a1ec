package org.optreport.site.markdown;

/**
 * The YAML block at the top of a page.
 *
 * @param title       required, non-blank
 * @param order       navigation order; {@link #DEFAULT_ORDER} when absent so unordered pages sort last
 * @param description optional, null when absent
 */
public record FrontMatter(String title, double order, String description) {
    public static final double DEFAULT_ORDER = 1e9;
}
