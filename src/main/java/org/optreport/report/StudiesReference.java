package org.optreport.report;

import org.optreport.experiment.settings.Setting;
import org.optreport.report.study.Study;

/**
 * docs/studies.md: every study with its settings, generated from their declarations ({@code list --markdown}), so that
 * a test can hold the page equal to the code. The studies' figures, tables and values are not in it: their names and
 * numbers come out of analysing the runs (families of values follow the configured depths and widths), which a
 * document checked without running anything cannot state truthfully; the page sends the reader to {@code list}.
 */
public final class StudiesReference {
    /** Where the page lives, from the project folder. */
    public static final String FILE = "docs/studies.md";
    /** How to write the page again after a declaration changed. */
    public static final String REGENERATE = "mvn -B -q -o -DskipTests -Dreport.skip=true package && "
            + "java -jar target/optreport.jar list --markdown > " + FILE;

    private StudiesReference() {}

    public static String markdown(Studies studies) {
        StringBuilder md = new StringBuilder();
        md.append("# Studies and their settings\n\n")
                .append("<!-- Generated from the studies' Setting declarations; do not edit. Regenerate with\n     ")
                .append(REGENERATE).append("\n     (StudiesReferenceTest fails while this page differs from the code.) -->\n\n")
                .append("A page uses a study's output by name: `::: figure STUDY.NAME`, `::: table STUDY.NAME`, `{{STUDY.NAME}}` and\n")
                .append("claims. The settings below go in `content/report.yaml`, under the study's name; the `--quick` column is the\n")
                .append("default of `build --quick` where it differs.\n\n")
                .append("This page lists what the code declares. The figures (with their panels), tables and quotable values are not\n")
                .append("here, because they come out of each study's analysis of its runs: some names follow the settings (one value\n")
                .append("per configured depth, say) and every number follows the runs. To see them, with their current numbers when\n")
                .append("the run cache holds the runs (nothing is computed for it):\n\n")
                .append("```sh\njava -jar target/optreport.jar list              # every study\n")
                .append("java -jar target/optreport.jar list landscape    # one study\n```\n");
        for (String name : studies.names()) study(md, studies.find(name));
        return md.toString();
    }

    private static void study(StringBuilder md, Study<?> study) {
        md.append("\n## ").append(study.name()).append("\n\n");
        if (study.settings().isEmpty()) {
            md.append("No settings.\n");
            return;
        }
        md.append("| setting | default | `--quick` | allowed | meaning |\n|---|---|---|---|---|\n");
        for (Setting<?> s : study.settings())
            md.append("| `").append(s.key()).append("` | `").append(cell(SettingText.defaultOf(s, false))).append("` | ")
                    .append(SettingText.quickDiffers(s) ? "`" + cell(SettingText.defaultOf(s, true)) + "`" : "")
                    .append(" | ").append(cell(s.allowed())).append(" | ").append(cell(s.description())).append(" |\n");
    }

    /** Text inside a table cell: a '|' would end it. */
    private static String cell(String text) { return text.replace("|", "\\|"); }
}
