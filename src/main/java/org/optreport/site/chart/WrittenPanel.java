package org.optreport.site.chart;

/**
 * One rendered panel: file names relative to the directory it was written to, its size in CSS pixels
 * (the PNG holds twice as many pixels in each direction) and a text alternative for the image.
 */
public record WrittenPanel(String pngFileName, String csvFileName, int widthPx, int heightPx, String altText) {}
