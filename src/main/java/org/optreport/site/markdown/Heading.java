package org.optreport.site.markdown;

/**
 * A heading of the page.
 *
 * @param level 1..6
 * @param id    its HTML id, unique on the page (GitHub-style slug or an explicit {@code {#id}})
 * @param text  plain text of the heading; math keeps its TeX source with delimiters
 */
public record Heading(int level, String id, String text) {}
