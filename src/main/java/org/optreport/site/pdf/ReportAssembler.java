package org.optreport.site.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Joins the printed parts into the report: the title page, the contents, then one chapter per page of the site.
 * Links between pages (marked by {@link PrintedDocument#markLinks}) become links to the exact place in the PDF,
 * the outline gets one entry per chapter with its headings nested under it, and every page but the title page gets
 * its number, running through the whole report (each page was printed alone, so the browser's own page numbers would
 * restart at 1 in every chapter).
 */
final class ReportAssembler {
    /** A font PDFBox carries, embedded (as a subset) for the page numbers: no font of the machine is needed. */
    private static final String NUMBER_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** One part of the report: a printed document, and, for a chapter, its page of the site and its outline title. */
    record Part(PrintedDocument printed, PdfChapter chapter) {}

    private ReportAssembler() {}

    /** Page index (0-based, in the whole report) where each part starts. */
    static List<Integer> starts(List<Part> parts) {
        List<Integer> starts = new ArrayList<>();
        int page = 0;
        for (Part part : parts) {
            starts.add(page);
            page += part.printed().pages();
        }
        return starts;
    }

    /**
     * Where each chapter ({@code href}) and each element of a chapter ({@code href#id}) is in the whole report,
     * as 1-based page numbers, the contents page's numbers.
     */
    static Map<String, Integer> pageNumbers(List<Part> parts) {
        Map<String, Integer> numbers = new HashMap<>();
        List<Integer> starts = starts(parts);
        for (int i = 0; i < parts.size(); i++) {
            PdfChapter chapter = parts.get(i).chapter();
            if (chapter == null) continue;
            numbers.put(chapter.href(), starts.get(i) + 1);
            for (var d : parts.get(i).printed().destinations.entrySet())
                numbers.put(chapter.href() + "#" + d.getKey(), starts.get(i) + d.getValue().page() + 1);
        }
        return numbers;
    }

    static void write(List<Part> parts, TitlePage title, Path target) throws IOException {
        List<Integer> starts = starts(parts);
        try (PDDocument report = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (Part part : parts) merger.appendDocument(report, part.printed().document);
            resolveLinks(report, parts, starts);
            outline(report, parts, starts);
            numberPages(report);
            PDDocumentInformation info = report.getDocumentInformation();
            info.setTitle(title.title());
            if (title.description() != null && !title.description().isEmpty()) info.setSubject(title.description());
            info.setCreator("optreport");
            info.setProducer("optreport (Chromium, Apache PDFBox)");
            info.setCreationDate(Calendar.getInstance());
            PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            preferences.setDisplayDocTitle(true);
            report.getDocumentCatalog().setViewerPreferences(preferences);
            report.getDocumentCatalog().setPageMode(org.apache.pdfbox.pdmodel.PageMode.USE_OUTLINES);
            report.save(target.toFile());
        }
    }

    /** Every {@value PrintedDocument#LINK_SCHEME} link becomes a jump to its target's page and height. */
    private static void resolveLinks(PDDocument report, List<Part> parts, List<Integer> starts) throws IOException {
        Map<String, Integer> partOf = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) if (parts.get(i).chapter() != null) partOf.put(parts.get(i).chapter().href(), i);
        for (PDPage page : report.getPages()) {
            List<PDAnnotation> kept = new ArrayList<>();
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri
                        && uri.getURI() != null && uri.getURI().startsWith(PrintedDocument.LINK_SCHEME + ":")) {
                    String target = uri.getURI().substring(PrintedDocument.LINK_SCHEME.length() + 1);
                    int hash = target.indexOf('#');
                    Integer part = partOf.get(hash < 0 ? target : target.substring(0, hash));
                    if (part == null) continue; // a page the report leaves out: no link rather than a dead one
                    PrintedDocument.Position position = hash < 0 ? null : parts.get(part).printed().destinations.get(target.substring(hash + 1));
                    PDActionGoTo goTo = new PDActionGoTo();
                    goTo.setDestination(destination(report, starts.get(part), position));
                    link.setAction(goTo);
                }
                kept.add(annotation);
            }
            page.setAnnotations(kept);
        }
    }

    /** A place in the report: {@code position} in the part starting at page {@code start}, or that part's first page. */
    private static PDPageXYZDestination destination(PDDocument report, int start, PrintedDocument.Position position) {
        PDPageXYZDestination d = new PDPageXYZDestination();
        PDPage page = report.getPage(start + (position == null ? 0 : position.page()));
        d.setPage(page);
        d.setTop((int) Math.ceil(position == null ? page.getMediaBox().getUpperRightY() : position.top()));
        return d;
    }

    /** One entry per chapter, its headings nested under it as Chromium outlined them. */
    private static void outline(PDDocument report, List<Part> parts, List<Integer> starts) {
        PDDocumentOutline outline = new PDDocumentOutline();
        for (int i = 0; i < parts.size(); i++) {
            PdfChapter chapter = parts.get(i).chapter();
            if (chapter == null) continue;
            PDOutlineItem item = item(chapter.heading(), destination(report, starts.get(i), null));
            addEntries(report, item, parts.get(i).printed().outline, starts.get(i));
            outline.addLast(item);
        }
        report.getDocumentCatalog().setDocumentOutline(outline);
    }

    private static void addEntries(PDDocument report, PDOutlineNode parent, List<PrintedDocument.OutlineEntry> entries, int start) {
        for (PrintedDocument.OutlineEntry entry : entries) {
            PDOutlineItem item = item(entry.title(), destination(report, start, entry.position()));
            addEntries(report, item, entry.children(), start);
            parent.addLast(item);
        }
    }

    private static PDOutlineItem item(String title, PDPageXYZDestination destination) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        return item;
    }

    /** The page's number, small and centred in the bottom margin, on every page after the title page. */
    private static void numberPages(PDDocument report) throws IOException {
        PDType0Font font;
        try (InputStream in = ReportAssembler.class.getResourceAsStream(NUMBER_FONT)) {
            if (in == null) throw new IOException("PDFBox's font " + NUMBER_FONT + " is missing from the class path");
            font = PDType0Font.load(report, in);
        }
        float size = 9;
        for (int i = 1; i < report.getNumberOfPages(); i++) {
            PDPage page = report.getPage(i);
            PDRectangle box = page.getMediaBox();
            String text = String.valueOf(i + 1);
            float width = font.getStringWidth(text) / 1000 * size;
            try (PDPageContentStream stream = new PDPageContentStream(report, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream.beginText();
                stream.setFont(font, size);
                stream.setNonStrokingColor(0.33f, 0.33f, 0.33f);
                stream.newLineAtOffset(box.getLowerLeftX() + (box.getWidth() - width) / 2, box.getLowerLeftY() + 28);
                stream.showText(text);
                stream.endText();
            }
        }
    }
}
