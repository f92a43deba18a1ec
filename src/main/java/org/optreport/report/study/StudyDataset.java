package org.optreport.report.study;

import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.optreport.data.DataException;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.errors.DidYouMean;
import org.optreport.experiment.DatasetParameters;

/**
 * A study's data, from the settings every data-reading study offers in its section of report.yaml, declared once
 * for experiments and studies alike ({@link DatasetParameters}): {@code dataset} (a bundled name, or a CSV file
 * relative to report.yaml's folder), {@code inputs} and {@code targets}. Read while the study plans, so that a
 * missing file, a malformed one or an unknown column fails naming report.yaml's line and key and the file, before
 * any run starts; the runs receive the file's path as their {@code dataset} parameter.
 *
 * @param dataset what the runs read: a bundled name or the file's path
 * @param data the dataset with the chosen columns, as read (for bounds such as its number of rows)
 */
public record StudyDataset(DatasetParameters declared, String dataset, Optional<List<String>> inputs, Optional<List<String>> targets,
                           Dataset data) {

    /** The settings as {@code config} gives them, checked against the data. */
    public static StudyDataset read(StudyConfig config, DatasetParameters declared) {
        String given = config.get(declared.dataset());
        Optional<List<String>> inputs = config.get(declared.inputs()), targets = config.get(declared.targets());
        String dataset = Datasets.isBundled(given) ? given : path(config, declared, given);
        List<String> columns;
        try {
            columns = Datasets.columns(dataset);
        } catch (DataException e) {
            throw config.unusable(declared.dataset().key(), e.getMessage());
        }
        checkColumns(config, declared.inputs().key(), inputs, columns, dataset);
        checkColumns(config, declared.targets().key(), targets, columns, dataset);
        try {
            return new StudyDataset(declared, dataset, inputs, targets, Datasets.load(dataset, inputs.orElse(null), targets.orElse(null)));
        } catch (DataException e) {
            throw config.unusable(inputs.isPresent() ? declared.inputs().key() : declared.dataset().key(), e.getMessage());
        }
    }

    /** A bundled dataset with its own columns: for runs whose data the study fixes. */
    public static StudyDataset bundled(String name) {
        DatasetParameters declared = DatasetParameters.STANDARD;
        return new StudyDataset(declared, name, Optional.empty(), Optional.empty(), Datasets.load(name));
    }

    /** Puts {@code dataset}, {@code inputs} and {@code targets} into a run's parameters. */
    public void addTo(Map<String, String> parameters) {
        parameters.put(declared.dataset().key(), dataset);
        parameters.put(declared.inputs().key(), declared.inputs().type().format(inputs));
        parameters.put(declared.targets().key(), declared.targets().type().format(targets));
    }

    /** {@code given} relative to report.yaml's folder, which must hold a file there. */
    private static String path(StudyConfig config, DatasetParameters declared, String given) {
        Path folder = config.file().toAbsolutePath().getParent();
        Path base = config.file().getParent() == null ? Path.of("") : config.file().getParent();
        Path path;
        try {
            path = base.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw config.unusable(declared.dataset().key(), "'" + given + "' is not a valid path (" + e.getReason() + ")");
        }
        if (!Files.isRegularFile(path))
            throw config.unusable(declared.dataset().key(), "no such file " + path + " ('" + given + "' is not a bundled dataset ("
                    + String.join(", ", Datasets.bundledNames()) + "), so it is read as a CSV file relative to " + folder + ")");
        return path.toString();
    }

    private static void checkColumns(StudyConfig config, String key, Optional<List<String>> chosen, List<String> columns, String dataset) {
        if (chosen.isEmpty()) return;
        for (String column : chosen.get()) {
            if (columns.contains(column)) continue;
            String hint = DidYouMean.hint(column, columns);
            throw config.unusable(key, dataset + " has no column '" + column + "' (" + (hint.isEmpty() ? "" : hint + "; ")
                    + "its columns: " + String.join(", ", columns) + ")");
        }
    }
}
