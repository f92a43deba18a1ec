package org.optreport.site.citations;

import java.util.List;

/**
 * One entry of the bibliography, its LaTeX already turned into plain text.
 *
 * @param authors family names first: "Arora, Sanjeev"
 * @param venue   journal, book title (proceedings) or publisher (books), or empty
 * @param line    1-based line of the entry's "@type{key" in the .bib file
 */
public record BibEntry(String key, List<Author> authors, String year, String title, String venue,
                       String volume, String number, String pages, String doi, String arxiv, int line) {

    public BibEntry {
        authors = List.copyOf(authors);
    }

    /** A person's name as BibTeX splits it; {@code family} carries any "von" part ("van der Berg"). */
    public record Author(String family, String given) {}
}
