package org.optreport.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.optreport.errors.DidYouMean;

/**
 * A numeric CSV file with a header row. Every cell must be a finite number; a ragged row, a non-numeric
 * or non-finite cell, a duplicate or empty header, or an empty file fails with the file, line and column.
 */
public final class CsvTable {
    private final String source;
    private final List<String> columns;
    private final double[][] rows;

    private CsvTable(String source, List<String> columns, double[][] rows) {
        this.source = source;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads a table; {@code source} is the name used in error messages (a path or a bundled name). */
    public static CsvTable read(Reader reader, String source) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = null;
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (header == null) {
                    header = header(record, source, line);
                    continue;
                }
                if (record.size() != header.size())
                    throw DataException.at(source, line, null, "row has " + record.size() + " cells but the header has " + header.size());
                double[] row = new double[header.size()];
                for (int c = 0; c < row.length; c++) row[c] = number(record.get(c), source, line, header.get(c));
                rows.add(row);
            }
            if (header == null) throw DataException.at(source, 0, null, "the file is empty (expected a header row)");
            if (rows.isEmpty()) throw DataException.at(source, 0, null, "the file has a header but no data rows");
            return new CsvTable(source, Collections.unmodifiableList(header), rows.toArray(new double[0][]));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataException(source + ": cannot read CSV: " + e.getMessage());
        }
    }

    private static List<String> header(CSVRecord record, String source, long line) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int c = 0; c < record.size(); c++) {
            String name = record.get(c).trim();
            if (name.isEmpty()) throw DataException.at(source, line, null, "header cell " + (c + 1) + " is empty");
            if (seen.put(name, c) != null) throw DataException.at(source, line, name, "duplicate column name in the header");
        }
        return new ArrayList<>(seen.keySet());
    }

    private static double number(String cell, String source, long line, String column) {
        double v;
        try {
            v = Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw DataException.at(source, line, column, "'" + cell + "' is not a number");
        }
        if (!Double.isFinite(v)) throw DataException.at(source, line, column, "'" + cell + "' is not a finite number");
        return v;
    }

    public String source() { return source; }
    public List<String> columns() { return columns; }
    public int rowCount() { return rows.length; }

    /** The values of the named columns, one row per sample, in the order given. */
    public double[][] select(List<String> names) {
        int[] index = new int[names.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = columns.indexOf(names.get(k));
            if (index[k] < 0) {
                String hint = DidYouMean.hint(names.get(k), columns);
                throw DataException.at(source, 1, names.get(k), "no such column (" + (hint.isEmpty() ? "" : hint + "; ")
                        + "columns: " + String.join(", ", columns) + ")");
            }
        }
        double[][] out = new double[rows.length][index.length];
        for (int i = 0; i < rows.length; i++)
            for (int k = 0; k < index.length; k++) out[i][k] = rows[i][index[k]];
        return out;
    }
}
