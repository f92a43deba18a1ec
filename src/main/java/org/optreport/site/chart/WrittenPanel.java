package org.optreport.site.chart;

/**
 * One rendered panel: file names relative to the directory it was written to (the SVG the page shows, null for a heat
 * map, which is shown as its PNG; the PNG at twice the CSS pixel density; the CSV of the data drawn), its size in CSS
 * pixels and a text alternative for the image.
 */
public record WrittenPanel(String svgFileName, String pngFileName, String csvFileName, int widthPx, int heightPx, String altText) {
    /** The file a page shows: the SVG where there is one, else the PNG. */
    public String shownFileName() { return svgFileName != null ? svgFileName : pngFileName; }
}
