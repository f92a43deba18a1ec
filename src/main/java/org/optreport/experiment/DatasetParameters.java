package org.optreport.experiment;

import static org.optreport.experiment.settings.SettingType.names;
import static org.optreport.experiment.settings.SettingType.text;
import static org.optreport.experiment.settings.SettingType.wordOr;

import java.util.List;
import java.util.Optional;
import org.optreport.data.Dataset;
import org.optreport.data.Datasets;
import org.optreport.experiment.settings.Setting;

/**
 * The parameters of every experiment that reads data, declared once: the dataset, and which of its columns are the
 * inputs and which the targets. Studies offer the same three settings in report.yaml (report.study.StudyDataset).
 * All three are parameters, so they are part of every run's cache key (with the data file's bytes): changing a column
 * recomputes exactly the runs that read it.
 */
public record DatasetParameters(Setting<String> dataset, Setting<Optional<List<String>>> inputs, Setting<Optional<List<String>>> targets) {
    public static final Setting<String> DATASET = Setting.of("dataset", text(), "diabetes",
            "a bundled dataset (" + String.join(", ", Datasets.bundledNames()) + ") or a CSV file (header row, commas, numbers)");
    public static final Setting<Optional<List<String>>> INPUTS = Setting.of("inputs", wordOr("auto", names()), Optional.empty(),
            "input columns; auto: a bundled dataset's inputs, or every CSV column but the targets");
    public static final Setting<Optional<List<String>>> TARGETS = Setting.of("targets", wordOr("auto", names()), Optional.empty(),
            "target columns; auto: a bundled dataset's targets, or the CSV's last column");

    /** The declaration every data-reading experiment uses, unless it needs other default columns. */
    public static final DatasetParameters STANDARD = new DatasetParameters(DATASET, INPUTS, TARGETS);

    /** The same parameters whose inputs default to {@code columns} (of the default dataset) instead of auto. */
    public DatasetParameters withDefaultInputs(List<String> columns) {
        return new DatasetParameters(dataset, inputs.withDefault(Optional.of(List.copyOf(columns))), targets);
    }

    /** In the order they are listed: dataset, inputs, targets. */
    public List<Setting<?>> settings() { return List.of(dataset, inputs, targets); }

    /** The dataset with the chosen columns, as read from the file (not yet preprocessed). */
    public Dataset load(Parameters p) {
        return Datasets.load(p.get(dataset), p.get(inputs).orElse(null), p.get(targets).orElse(null));
    }
}
