package org.optreport.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.optreport.files.Sha256;

/**
 * Loads datasets by name: a bundled one ({@code diabetes}, {@code linnerud}; see datasets/README.md) or a
 * CSV path with input and target columns chosen by name.
 */
public final class Datasets {
    /** Bundled datasets and their default input/target columns. */
    private record Bundled(String resource, List<String> inputs, List<String> targets) {}

    private static final Map<String, Bundled> BUNDLED = Map.of(
            "diabetes", new Bundled("/datasets/diabetes.csv",
                    List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), List.of("progression")),
            "linnerud", new Bundled("/datasets/linnerud.csv",
                    List.of("Chins", "Situps", "Jumps"), List.of("Weight", "Waist", "Pulse")));

    private Datasets() {}

    public static boolean isBundled(String name) { return BUNDLED.containsKey(name); }

    public static List<String> bundledNames() { return BUNDLED.keySet().stream().sorted().toList(); }

    /** A bundled dataset with its default columns. */
    public static Dataset load(String nameOrPath) { return load(nameOrPath, null, null); }

    /**
     * A bundled dataset or a CSV file. {@code inputs}/{@code targets} name the columns; null means the bundled
     * defaults, or for a CSV file: the last column is the target and all others are inputs.
     */
    public static Dataset load(String nameOrPath, List<String> inputs, List<String> targets) {
        Bundled bundled = BUNDLED.get(nameOrPath);
        CsvTable table = CsvTable.read(new StringReader(new String(bytes(nameOrPath), StandardCharsets.UTF_8)), nameOrPath);
        List<String> columns = table.columns();
        if (targets == null) targets = bundled != null ? bundled.targets() : List.of(columns.get(columns.size() - 1));
        if (inputs == null) {
            List<String> chosenTargets = targets;
            inputs = bundled != null ? bundled.inputs() : columns.stream().filter(c -> !chosenTargets.contains(c)).toList();
        }
        if (inputs.isEmpty()) throw new DataException(nameOrPath + ": no input columns");
        for (String column : inputs)
            if (targets.contains(column)) throw DataException.at(nameOrPath, 1, column, "the column is both an input and a target");
        String name = bundled != null ? nameOrPath : Path.of(nameOrPath).getFileName().toString();
        return new Dataset(name, inputs, targets, matrix(table.select(inputs)), matrix(table.select(targets)));
    }

    /** The names of every column of a bundled dataset or a CSV file, in the file's order (the file is read and checked whole). */
    public static List<String> columns(String nameOrPath) {
        return CsvTable.read(new StringReader(new String(bytes(nameOrPath), StandardCharsets.UTF_8)), nameOrPath).columns();
    }

    /** SHA-256 of the dataset file's bytes: what a cached result of this dataset depends on. */
    public static String contentHash(String nameOrPath) { return Sha256.hex(bytes(nameOrPath)); }

    private static byte[] bytes(String nameOrPath) {
        Bundled bundled = BUNDLED.get(nameOrPath);
        try {
            if (bundled != null) {
                try (InputStream in = Datasets.class.getResourceAsStream(bundled.resource())) {
                    if (in == null) throw new IllegalStateException("bundled dataset missing from the jar: " + bundled.resource());
                    return in.readAllBytes();
                }
            }
            Path path = path(nameOrPath);
            if (!Files.isRegularFile(path)) throw unknown(nameOrPath, "no such file");
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataException(nameOrPath + ": cannot read: " + e.getMessage());
        }
    }

    /** A name from a parameter or report.yaml that no file system accepts (a NUL character, say) is bad data too. */
    private static Path path(String nameOrPath) {
        try {
            return Path.of(nameOrPath);
        } catch (InvalidPathException e) {
            throw unknown(nameOrPath, "not a valid path (" + e.getReason() + ")");
        }
    }

    private static DataException unknown(String nameOrPath, String why) {
        return new DataException("unknown dataset '" + nameOrPath + "': not a bundled name (" + String.join(", ", bundledNames()) + ") and " + why);
    }

    static DMatrixRMaj matrix(double[][] rows) {
        return new DMatrixRMaj(rows);
    }
}
