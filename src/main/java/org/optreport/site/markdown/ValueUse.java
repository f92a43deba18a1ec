package org.optreport.site.markdown;

/**
 * A quoted value {@code {{study.name}}}.
 *
 * @param key  "study.name"
 * @param line 1-based line in the original file
 */
public record ValueUse(String key, int line) {}
