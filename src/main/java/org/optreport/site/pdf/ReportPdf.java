package org.optreport.site.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code build --pdf}: the built site as one PDF. A headless Chromium prints every page with its print stylesheet
 * once MathJax has typeset it ({@link PagePrinter}); then the title page and the contents page, whose page numbers
 * are known only once the chapters are printed; {@link ReportAssembler} joins them with PDFBox. Only this class is
 * called from outside the package, and only by a build asked for a PDF: the plain build never starts a browser.
 */
public final class ReportPdf {
    /** The PDF's name in the site. */
    public static final String FILE_NAME = "report.pdf";

    /** The contents page is printed again while its own length changes the numbers it shows (it cannot, after two). */
    private static final int CONTENTS_ATTEMPTS = 3;

    private ReportPdf() {}

    /** The browser that will print the pages; without one, what to install. Called before any run starts. */
    public static Path findBrowser() throws BrowserNotFoundException { return Chromium.locate(); }

    /**
     * Prints the pages of {@code site} (in {@code chapters}' order) with the browser at {@code browser} and writes the
     * report to {@code target}; {@code progress} hears one line per printed page.
     */
    public static void write(Path browser, Path site, List<PdfChapter> chapters, TitlePage title, PaperSize paper, Path target,
                             Consumer<String> progress) throws IOException {
        Path front = Files.createTempDirectory("optreport-pdf-");
        List<PrintedDocument> opened = new ArrayList<>();
        Set<String> pages = chapters.stream().map(PdfChapter::href).collect(Collectors.toSet());
        try (Chromium chromium = Chromium.start(browser); PagePrinter printer = PagePrinter.open(chromium, paper)) {
            List<ReportAssembler.Part> body = new ArrayList<>();
            for (PdfChapter chapter : chapters) {
                long started = System.nanoTime();
                PrintedDocument printed = read(printer.print(site.resolve(chapter.href()).toAbsolutePath().toUri(),
                        title.title() + "  ·  " + chapter.heading()), opened);
                printed.markLinks(chapter.href(), site, pages);
                body.add(new ReportAssembler.Part(printed, chapter));
                progress.accept(String.format(java.util.Locale.ROOT, "%s: %d pages, %.1f s", chapter.href(), printed.pages(),
                        (System.nanoTime() - started) / 1e9));
            }
            PrintedDocument titlePage = read(printer.print(write(front, "title.html", FrontPages.titlePage(site, title)), null), opened);
            titlePage.markLinks("", site, pages);
            PrintedDocument contents = contents(printer, front, site, title, chapters, titlePage, body, pages, opened);
            List<ReportAssembler.Part> parts = new ArrayList<>();
            parts.add(new ReportAssembler.Part(titlePage, null));
            parts.add(new ReportAssembler.Part(contents, null));
            parts.addAll(body);
            ReportAssembler.write(parts, title, target);
            int total = parts.stream().mapToInt(p -> p.printed().pages()).sum();
            progress.accept(FILE_NAME + ": " + total + " pages");
        } finally {
            for (PrintedDocument d : opened) d.close();
            try (var files = Files.walk(front)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The contents page, printed with the page numbers its own length implies. */
    private static PrintedDocument contents(PagePrinter printer, Path front, Path site, TitlePage title, List<PdfChapter> chapters,
                                            PrintedDocument titlePage, List<ReportAssembler.Part> body, Set<String> pages,
                                            List<PrintedDocument> opened) throws IOException {
        List<ReportAssembler.Part> withoutContents = new ArrayList<>();
        withoutContents.add(new ReportAssembler.Part(titlePage, null));
        withoutContents.addAll(body);
        Map<String, Integer> unshifted = ReportAssembler.pageNumbers(withoutContents);
        int length = 1;
        for (int attempt = 1; ; attempt++) {
            Map<String, Integer> numbers = new HashMap<>();
            for (var e : unshifted.entrySet()) numbers.put(e.getKey(), e.getValue() + length);
            PrintedDocument contents = read(printer.print(write(front, "contents.html",
                    FrontPages.contentsPage(site, title.title(), chapters, numbers)), null), opened);
            if (contents.pages() == length || attempt == CONTENTS_ATTEMPTS) {
                contents.markLinks("", site, pages);
                return contents;
            }
            length = contents.pages();
        }
    }

    private static PrintedDocument read(byte[] pdf, List<PrintedDocument> opened) throws IOException {
        PrintedDocument d = PrintedDocument.read(pdf);
        opened.add(d);
        return d;
    }

    private static java.net.URI write(Path dir, String name, String html) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file.toUri();
    }
}
