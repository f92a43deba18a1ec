package org.optreport.site.markdown;

/**
 * A heading of the page.
 *
 * @param level      1..6
 * @param id         its HTML id, unique on the page (GitHub-style slug or an explicit {@code {#id}})
 * @param text       plain text of the heading; math keeps its TeX source with delimiters
 * @param shortLabel what {@code @sec:id} reads as, from {@code {#id short="..."}}; null when the heading has none
 */
public record Heading(int level, String id, String text, String shortLabel) {
    public Heading(int level, String id, String text) { this(level, id, text, null); }
}
