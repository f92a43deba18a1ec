package org.optreport.site.citations;

import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import org.jbibtex.Value;
import org.optreport.errors.ContentException;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of {@code content/references.bib}, parsed with JBibTeX. Every entry must have an author and a year,
 * the two things every citation shows; a problem names the .bib file and line.
 */
public final class Bibliography {
    public static final String FILE_NAME = "references.bib";

    /** JBibTeX does not keep positions: the entry heads are found again in the text for error lines. */
    private static final Pattern ENTRY_HEAD = Pattern.compile("@\\s*([A-Za-z]+)\\s*[{(]\\s*([^,\\s]+)\\s*,");

    private final Map<String, BibEntry> entries;

    private Bibliography(Map<String, BibEntry> entries) {
        this.entries = entries;
    }

    public static Bibliography empty() { return new Bibliography(Map.of()); }

    /** Parses the text of a .bib file; {@code file} is only for messages. */
    public static Bibliography parse(Path file, String text) {
        BibTeXDatabase database;
        try {
            database = new BibTeXParser().parse(new StringReader(text));
        } catch (ParseException e) {
            if (e.currentToken == null || e.currentToken.next == null) // the text ended inside an entry: the last one
                throw new ContentException(file, lastEntryLine(text), "malformed BibTeX: this entry is not closed", e);
            throw new ContentException(file, e.currentToken.next.beginLine, "malformed BibTeX: " + firstLine(e.getMessage()), e);
        } catch (TokenMgrException e) {
            throw new ContentException(file, 0, "malformed BibTeX: " + firstLine(e.getMessage()), e);
        }
        Map<String, Integer> lines = entryLines(file, text);
        Map<String, BibEntry> entries = new LinkedHashMap<>();
        for (BibTeXEntry entry : database.getEntries().values()) {
            String key = entry.getKey().getValue();
            entries.put(key, toEntry(file, key, entry, lines.getOrDefault(key, 0)));
        }
        return new Bibliography(entries);
    }

    /** Line of each entry head; a key given twice is an error (JBibTeX would keep the last one silently). */
    private static Map<String, Integer> entryLines(Path file, String text) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        Matcher head = ENTRY_HEAD.matcher(text);
        while (head.find()) {
            String type = head.group(1).toLowerCase(java.util.Locale.ROOT);
            if (type.equals("string") || type.equals("preamble") || type.equals("comment")) continue;
            int line = lineOf(text, head.start());
            Integer previous = lines.put(head.group(2), line);
            if (previous != null)
                throw new ContentException(file, line, "the key '" + head.group(2) + "' is used twice (also at line " + previous + ")");
        }
        return lines;
    }

    private static BibEntry toEntry(Path file, String key, BibTeXEntry entry, int line) {
        String author = field(entry, BibTeXEntry.KEY_AUTHOR).orElseThrow(
                () -> new ContentException(file, line, "entry '" + key + "' has no author"));
        String year = field(entry, BibTeXEntry.KEY_YEAR).map(Bibliography::plainText).orElseThrow(
                () -> new ContentException(file, line, "entry '" + key + "' has no year"));
        var authors = BibNames.parse(author).stream()
                .map(a -> new BibEntry.Author(plainText(a.family()), plainText(a.given()))).toList();
        String venue = field(entry, BibTeXEntry.KEY_JOURNAL).or(() -> field(entry, BibTeXEntry.KEY_BOOKTITLE)).or(() -> field(entry, BibTeXEntry.KEY_PUBLISHER)).orElse("");
        String arxiv = field(entry, new Key("eprint"))
                .filter(id -> field(entry, new Key("archiveprefix")).map(p -> p.equalsIgnoreCase("arXiv")).orElse(true))
                .orElse("");
        return new BibEntry(key, authors, year, plainText(field(entry, BibTeXEntry.KEY_TITLE).orElse("")), plainText(venue),
                plainText(field(entry, BibTeXEntry.KEY_VOLUME).orElse("")), plainText(field(entry, BibTeXEntry.KEY_NUMBER).orElse("")),
                plainText(field(entry, BibTeXEntry.KEY_PAGES).orElse("")).replace("--", "–"),
                field(entry, BibTeXEntry.KEY_DOI).orElse(""), arxiv, line);
    }

    private static Optional<String> field(BibTeXEntry entry, Key key) {
        Value value = entry.getField(key);
        return value == null || value.toUserString().isBlank() ? Optional.empty() : Optional.of(value.toUserString().strip());
    }

    /** BibTeX's LaTeX ({@code P{\'o}czos}, {@code {ICML}}) as the text a reader sees, by JBibTeX's own LaTeX reader. */
    static String plainText(String latex) {
        if (latex.indexOf('\\') < 0 && latex.indexOf('{') < 0) return latex;
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(latex));
        } catch (org.jbibtex.ParseException | TokenMgrException e) {
            return latex.replace("{", "").replace("}", "");
        }
    }

    private static int lastEntryLine(String text) {
        Matcher head = ENTRY_HEAD.matcher(text);
        int line = 0;
        while (head.find()) line = lineOf(text, head.start());
        return line;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    public Optional<BibEntry> find(String key) { return Optional.ofNullable(entries.get(key)); }

    public Collection<BibEntry> entries() { return entries.values(); }

    public boolean isEmpty() { return entries.isEmpty(); }
}
