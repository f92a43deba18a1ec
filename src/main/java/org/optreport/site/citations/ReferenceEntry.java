package org.optreport.site.citations;

/** One entry of a page's References section: its anchor id and its trusted HTML. */
public record ReferenceEntry(String id, String html) {}
