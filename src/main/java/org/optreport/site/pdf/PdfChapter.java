package org.optreport.site.pdf;

import java.util.List;

/**
 * One page of the site as a chapter of the PDF: its file ({@code part2-landscape.html}), its number ("2", or empty
 * for the home page and the bibliography), its title, and its numbered sections for the contents page.
 */
public record PdfChapter(String href, String number, String title, List<Section> sections) {
    public PdfChapter {
        sections = List.copyOf(sections);
    }

    /**
     * A level-2 heading: its element id, its number ("2.3", or empty) and its text as HTML, where math is MathJax input
     * ({@code <span class="math inline">\(...\)</span>}, as the page's own table of contents has it).
     */
    public record Section(String id, String number, String html) {}

    /** "2 Part 2: ..." for a numbered chapter, the title alone otherwise. */
    String heading() { return number.isEmpty() ? title : number + "  " + title; }
}
