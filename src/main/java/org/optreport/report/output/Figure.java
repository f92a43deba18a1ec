package org.optreport.report.output;

import java.util.List;

/** A numbered figure of the report: one or more panels shown side by side (wrapping on narrow screens). */
public record Figure(List<Panel> panels) {
    public Figure {
        if (panels.isEmpty()) throw new IllegalArgumentException("a figure needs at least one panel");
        panels = List.copyOf(panels);
    }

    public static Figure of(Panel... panels) { return new Figure(List.of(panels)); }
}
