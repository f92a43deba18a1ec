package org.optreport.report.performance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.optreport.errors.ContentException;

/**
 * The baselines measured outside the build (src/baselines/*.py: PyTorch and NumPy on the same machine), one row per
 * work, shape and implementation, as recorded in a CSV file with their date, versions and machine. The file is read
 * strictly: a wrong header, a missing field or a number that does not parse names the file and line.
 */
record Baselines(Path file, List<Baseline> rows) {
    static final List<String> HEADER = List.of("work", "shape", "implementation", "seconds", "low95", "high95", "repeats", "threads",
            "date", "versions", "machine");

    /**
     * One measurement: seconds per call (or per run) and its 95% interval (NaN: one run, no interval), over
     * {@code repeats} repeats with {@code threads} threads.
     */
    record Baseline(String work, String shape, String implementation, double seconds, double low95, double high95, int repeats,
                    int threads, String date, String versions, String machine) {}

    /** The file's rows, or none (an empty list) where the file does not exist. */
    static Baselines read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return new Baselines(file, List.of());
        } catch (IOException e) {
            throw new ContentException(file, 0, "cannot read the baselines: " + e.getMessage(), e);
        }
        List<Baseline> rows = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> fields = fields(file, i + 1, line);
            if (!header) {
                if (!fields.equals(HEADER)) throw new ContentException(file, i + 1, "the header must be " + String.join(",", HEADER));
                header = true;
                continue;
            }
            rows.add(row(file, i + 1, fields));
        }
        return new Baselines(file, List.copyOf(rows));
    }

    private static List<String> fields(Path file, int line, String text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) throw new ContentException(file, line, "expected one CSV record");
            return records.get(0).toList();
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ContentException(file, line, "not a CSV line: " + e.getMessage(), e);
        }
    }

    private static Baseline row(Path file, int line, List<String> f) {
        if (f.size() != HEADER.size())
            throw new ContentException(file, line, HEADER.size() + " fields expected (" + String.join(",", HEADER) + "), found " + f.size());
        double seconds = number(file, line, "seconds", f.get(3));
        if (!(seconds > 0)) throw new ContentException(file, line, "seconds must be positive, found " + f.get(3));
        double low = number(file, line, "low95", f.get(4)), high = number(file, line, "high95", f.get(5));
        return new Baseline(f.get(0), f.get(1), f.get(2), seconds, low, high, (int) whole(file, line, "repeats", f.get(6)),
                (int) whole(file, line, "threads", f.get(7)), f.get(8), f.get(9), f.get(10));
    }

    private static double number(Path file, int line, String column, String text) {
        if (text.trim().equalsIgnoreCase("nan")) return Double.NaN;   // as Python writes a missing interval
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ContentException(file, line, column + " must be a number (nan: none), found '" + text + "'");
        }
    }

    private static long whole(Path file, int line, String column, String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v < 1) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ContentException(file, line, column + " must be a positive whole number, found '" + text + "'");
        }
    }
}
