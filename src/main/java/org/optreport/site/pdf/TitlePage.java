package org.optreport.site.pdf;

import java.util.List;

/** What the PDF's first page says: the report's title, a line under it, and where and when it was built. */
public record TitlePage(String title, String description, String date, String commit, String machine, boolean preview) {
    /** The lines under the title, in order; a missing commit (not a git checkout) is left out. */
    List<String> details() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Built " + date);
        if (commit != null && !commit.isEmpty()) lines.add("Commit " + commit);
        lines.add(machine);
        return lines;
    }
}
