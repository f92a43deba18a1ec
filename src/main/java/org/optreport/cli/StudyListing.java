package org.optreport.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optreport.errors.InputException;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.SettingText;
import org.optreport.report.output.Figure;
import org.optreport.report.output.Panel;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.output.Table;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.site.CachedAnalysis;

/**
 * One study as {@code list} prints it: its settings (declared defaults, what they allow, what report.yaml sets), then
 * the figures with their panels, the tables, the values (each with its current text and its one-line meaning) and the
 * claims' numbers that its cached runs give, each under the name a page writes.
 */
final class StudyListing {
    /** Names are padded to at least this width, so that groups of short names line up with each other. */
    private static final int NAME_WIDTH = 22;
    private static final String PANEL_LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final StringBuilder out = new StringBuilder();

    private StudyListing() {}

    /**
     * The listing of {@code study}: {@code config} is its section of report.yaml (read here only for the values in
     * effect), {@code outcome} what its cached runs give, {@code cache} where they were looked for.
     */
    static String of(Study<?> study, StudyConfig config, CachedAnalysis.Outcome outcome, Path cache) {
        return of(study, config, Path.of("content", "report.yaml"), outcome, cache);
    }

    /** The same, the settings read from {@code settingsFile} (a sweep profile given with --config, say). */
    static String of(Study<?> study, StudyConfig config, Path settingsFile, CachedAnalysis.Outcome outcome, Path cache) {
        StudyListing l = new StudyListing();
        l.out.append(study.name()).append('\n');
        l.settings(study, config, settingsFile);
        l.outputs(study.name(), outcome, cache, config.quick());
        return l.out.toString();
    }

    private void settings(Study<?> study, StudyConfig config, Path settingsFile) {
        if (study.settings().isEmpty()) {
            out.append("  settings: none\n");
            return;
        }
        out.append("  settings (").append(settingsFile).append(", under ").append(study.name()).append(":)\n");
        int width = width(study.settings().stream().map(Setting::key).toList());
        for (Setting<?> s : study.settings()) {
            line(s.key(), width, s.description());
            String defaults = "default " + SettingText.defaultOf(s, false)
                    + (SettingText.quickDiffers(s) ? ", quick " + SettingText.defaultOf(s, true) : "");
            line("", width, defaults + "; " + s.allowed() + inEffect(s, config, settingsFile.getFileName().toString()));
        }
    }

    /** "; report.yaml sets 3" when the file's value is not the default this build would take. */
    private static <T> String inEffect(Setting<T> setting, StudyConfig config, String file) {
        try {
            T value = config.get(setting);
            if (value.equals(setting.defaultValue(config.quick()))) return "";
            return "; " + file + " sets " + setting.type().format(value);
        } catch (InputException e) { // a value it does not allow: the outputs part says why
            return "; " + file + " sets a value it does not allow";
        }
    }

    private void outputs(String study, CachedAnalysis.Outcome outcome, Path cache, boolean quick) {
        String runs = quick ? "quick runs" : "runs";
        if (outcome instanceof CachedAnalysis.Analysed a) {
            analysed(study, a.output());
        } else if (outcome instanceof CachedAnalysis.NotComputed n) {
            out.append("  figures, tables and values: not computed: ").append(n.missing()).append(" of ").append(n.total())
                    .append(' ').append(runs).append(" are not in the cache ").append(cache).append(" (`build")
                    .append(quick ? " --quick" : "").append("` computes them; `list` never runs anything)\n");
        } else if (outcome instanceof CachedAnalysis.Unavailable u) {
            out.append("  figures, tables and values: unavailable: ").append(u.reason()).append('\n');
        }
    }

    private void analysed(String study, StudyOutput output) {
        heading("figures", "::: figure " + study + ".NAME", output.figures().isEmpty());
        for (Map.Entry<String, Figure> f : new TreeMap<>(output.figures()).entrySet()) {
            out.append("    ").append(f.getKey()).append('\n');
            List<Panel> panels = f.getValue().panels();
            for (int i = 0; i < panels.size(); i++) {
                Panel p = panels.get(i);
                out.append("      (").append(PANEL_LETTERS.charAt(i)).append(") ").append(p.title() == null ? p.id() : p.title()).append('\n');
            }
        }
        heading("tables", "::: table " + study + ".NAME", output.tables().isEmpty());
        for (Map.Entry<String, Table> t : new TreeMap<>(output.tables()).entrySet()) {
            int rows = t.getValue().rows().size();
            line(t.getKey(), width(output.tables().keySet()), rows + (rows == 1 ? " row: " : " rows: ") + String.join(" | ", t.getValue().header()));
        }
        heading("values", "{{" + study + ".NAME}}", output.values().isEmpty());
        int valueWidth = width(output.values().keySet());
        new TreeMap<>(output.values()).forEach((name, value) -> line(name, valueWidth, value + "  — " + output.meanings().get(name)));
        heading("numbers for claims", "{{claim " + study + ".NAME < 2}}", output.numbers().isEmpty());
        int numberWidth = width(output.numbers().keySet());
        new TreeMap<>(output.numbers()).forEach((name, value) -> line(name, numberWidth, number(value)));
    }

    private void heading(String what, String syntax, boolean none) {
        out.append("  ").append(what).append(" (").append(syntax).append(")").append(none ? ": none" : "").append('\n');
    }

    /** The column of a group of names: as wide as its longest. */
    private static int width(java.util.Collection<String> names) {
        return Math.max(NAME_WIDTH, names.stream().mapToInt(String::length).max().orElse(0));
    }

    /** {@code name} in its column of {@code width}, then {@code text}. */
    private void line(String name, int width, String text) {
        out.append(String.format("    %-" + width + "s  %s", name, text).stripTrailing()).append('\n');
    }

    /** Six significant digits, plainly written unless very large or small: a claim's number, not its rounded value. */
    static String number(double x) {
        if (!Double.isFinite(x)) return Double.toString(x);
        if (x == 0) return "0";
        BigDecimal d = new BigDecimal(x, new MathContext(6)).stripTrailingZeros();
        double abs = Math.abs(x);
        return abs >= 1e-4 && abs < 1e7 ? d.toPlainString() : d.toString();
    }
}
