package org.optreport.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.optreport.report.output.StudyOutput;
import org.optreport.site.markdown.FigureUse;
import org.optreport.site.markdown.MarkdownPages;
import org.optreport.site.markdown.ParsedPage;
import org.optreport.site.markdown.ValueUse;

/**
 * What a page of content/ asks of a study, read with the build's own Markdown parser (not a test's regex): the figure,
 * table and value names it uses under the study's prefix that the study's output does not provide.
 */
public final class PageUses {
    private PageUses() {}

    /** The uses of {@code study.*} on {@code page} that {@code output} lacks, e.g. "figure landscape.loss (line 40)". */
    public static TreeSet<String> missing(Path page, String study, StudyOutput output) throws IOException {
        ParsedPage parsed = new MarkdownPages().parse(page, Files.readString(page));
        String prefix = study + ".";
        TreeSet<String> missing = new TreeSet<>();
        for (FigureUse f : parsed.figures()) {
            if (!f.name().startsWith(prefix)) continue;
            String name = f.name().substring(prefix.length());
            boolean found = f.kind() == FigureUse.Kind.TABLE ? output.tables().containsKey(name) : output.figures().containsKey(name);
            if (!found) missing.add(f.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + f.name() + " (line " + f.line() + ")");
        }
        for (ValueUse v : parsed.values()) {
            if (v.key().startsWith(prefix) && !output.values().containsKey(v.key().substring(prefix.length())))
                missing.add("value " + v.key() + " (line " + v.line() + ")");
        }
        return missing;
    }

    /** How many figure/table directives and value quotes of {@code study} the page holds (so a check is not vacuous). */
    public static int count(Path page, String study) throws IOException {
        ParsedPage parsed = new MarkdownPages().parse(page, Files.readString(page));
        String prefix = study + ".";
        return (int) (parsed.figures().stream().filter(f -> f.name().startsWith(prefix)).count()
                + parsed.values().stream().filter(v -> v.key().startsWith(prefix)).count());
    }
}
