package org.optreport.site.markdown;

/** Where a reference links to and the text it shows (plain text; the renderer escapes it). */
public record Reference(String href, String text) {}
