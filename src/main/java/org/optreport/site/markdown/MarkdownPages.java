package org.optreport.site.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.optreport.errors.ContentException;

import java.nio.file.Path;
import java.util.List;

/**
 * The Markdown stage in two phases: {@link #parse} reads a page (front matter, dialect uses, headings) before any
 * experiment ran; {@link #render} turns it into body HTML once figures, values and reference targets are known.
 * Thread-safe: the parser is immutable, and every render builds its own renderer bound to its context.
 */
public final class MarkdownPages {
    private final DataHolder options;
    private final Parser parser;

    public MarkdownPages() {
        MutableDataSet settings = new MutableDataSet();
        settings.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), new DialectParserExtension()));
        // GitHub's table rules
        settings.set(TablesExtension.COLUMN_SPANS, false);
        settings.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        settings.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        settings.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options = settings.toImmutable();
        parser = Parser.builder(options).build();
    }

    /** Parses a page; {@code text} is the whole file. Throws ContentException naming the file and line. */
    public ParsedPage parse(Path source, String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        FrontMatterReader.Split split = FrontMatterReader.read(source, normalized);
        LineIndex lines = new LineIndex(split.body());
        NestingLimit.check(source, normalized);
        try {
            Document document = parser.parse(split.body());
            ConditionalWording.group(document);
            return PageCollector.collect(source, split.frontMatter(), document, lines);
        } catch (StackOverflowError e) {
            throw new ContentException(source, 0, NestingLimit.TOO_DEEP);
        } catch (DialectException e) {
            throw new ContentException(source, lines.lineOf(e.offset()), e.getMessage(), e);
        } catch (PageCollector.LineException e) {
            throw new ContentException(source, e.line(), e.getMessage(), e);
        }
    }

    /** The HTML of the page body. Exceptions of the context propagate. */
    public String render(ParsedPage page, RenderContext context) {
        HtmlRenderer renderer = HtmlRenderer.builder(options)
                .extensions(List.of(DialectNodeRenderer.extension(page, context)))
                .build();
        // Flexmark's footnote renderer sorts a list stored in the document: renders of one page take turns
        synchronized (page.document()) {
            try {
                return renderer.render(page.document());
            } catch (StackOverflowError e) {
                throw new ContentException(page.source(), 0, NestingLimit.TOO_DEEP);
            }
        }
    }
}
