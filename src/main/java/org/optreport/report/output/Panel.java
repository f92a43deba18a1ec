package org.optreport.report.output;

import java.util.List;

/**
 * One chart: axes, lines and optionally a heat map drawn underneath them. {@code id} is unique within its
 * figure and names the image and CSV files (letters, digits and dashes).
 */
public record Panel(String id, String title, Axis x, Axis y, List<Series> series, HeatMap heatMap) {
    public Panel {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("panel id '" + id + "' must be lower-case letters, digits and dashes");
        series = List.copyOf(series);
    }

    public Panel(String id, String title, Axis x, Axis y, List<Series> series) { this(id, title, x, y, series, null); }
}
