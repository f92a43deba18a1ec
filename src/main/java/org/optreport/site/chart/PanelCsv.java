package org.optreport.site.chart;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The data a panel shows, in long format: one row per drawn point, columns {@code series,x,y}, then
 * {@code lower,upper} if any series has a band, then {@code z} if the panel has a heat map (heat map cells
 * come first, their series column holding the heat map's z label). Numbers are written so they read back exactly.
 */
final class PanelCsv {
    private PanelCsv() {}

    static void write(ShownPanel shown, Path file) throws IOException {
        boolean bands = shown.hasBands(), heatMap = shown.panel().heatMap() != null;
        List<String> header = new ArrayList<>(List.of("series", "x", "y"));
        if (bands) header.addAll(List.of("lower", "upper"));
        if (heatMap) header.add("z");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(out, format)) {
            for (ShownPanel.ShownCell cell : shown.cells()) {
                List<String> row = new ArrayList<>(List.of(shown.panel().heatMap().zLabel(), number(cell.x()), number(cell.y())));
                if (bands) row.addAll(List.of("", ""));
                row.add(number(cell.z()));
                csv.printRecord(row);
            }
            for (ShownPanel.ShownSeries series : shown.series())
                for (ShownPanel.ShownPoint p : series.points()) {
                    List<String> row = new ArrayList<>(List.of(series.source().name(), number(p.x()), number(p.y())));
                    if (bands) row.addAll(p.hasBand() ? List.of(number(p.lower()), number(p.upper())) : List.of("", ""));
                    if (heatMap) row.add("");
                    csv.printRecord(row);
                }
        }
    }

    /** Shortest text that parses back to the same double. */
    private static String number(double v) { return Double.toString(v); }
}
