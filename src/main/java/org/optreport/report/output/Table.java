package org.optreport.report.output;

import java.util.List;

/** A results table; cells are already formatted text (plain text, no HTML). */
public record Table(List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows)
            if (row.size() != header.size()) throw new IllegalArgumentException("table row " + row + " has " + row.size() + " cells, header " + header.size());
    }
}
