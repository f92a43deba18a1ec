package org.optreport.site.pdf;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * One PDF the browser printed, read back before it joins the report: where each element id landed (Chromium's
 * named destinations), its headings outline, and its links, which {@link #markLinks} rewrites into
 * {@value #LINK_SCHEME} links naming a page of the site ({@code part2.html#fig:x}), to be resolved once every page's
 * place in the report is known.
 */
final class PrintedDocument {
    /** A link inside the report, between its printing and its resolution: {@code optreport-link:part2.html#fig:x}. */
    static final String LINK_SCHEME = "optreport-link";

    /** A place on a page of this document: the page's index and the height (PDF units from the bottom) of its top. */
    record Position(int page, float top) {}

    /** One outline entry (a heading) with the ones nested under it. */
    record OutlineEntry(String title, Position position, List<OutlineEntry> children) {}

    final PDDocument document;
    /** Element id (decoded, as written in the HTML) to where it was printed. */
    final Map<String, Position> destinations;
    /** The headings under the page's title: Chromium's outline without its one top entry (the page's h1). */
    final List<OutlineEntry> outline;

    private PrintedDocument(PDDocument document, Map<String, Position> destinations, List<OutlineEntry> outline) {
        this.document = document;
        this.destinations = destinations;
        this.outline = outline;
    }

    static PrintedDocument read(byte[] pdf) throws IOException {
        PDDocument document = Loader.loadPDF(pdf);
        try {
            return new PrintedDocument(document, destinations(document), headings(document));
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    int pages() { return document.getNumberOfPages(); }

    private static Map<String, Position> destinations(PDDocument document) {
        Map<String, Position> out = new HashMap<>();
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        COSDictionary dests = catalog.getCOSObject().getCOSDictionary(COSName.DESTS);
        if (dests == null) return out;
        for (COSName name : dests.keySet()) {
            COSBase value = dests.getDictionaryObject(name);
            if (value instanceof COSDictionary d) value = d.getDictionaryObject(COSName.D);
            if (!(value instanceof COSArray array)) continue;
            Position p = position(document, array);
            if (p != null) out.putIfAbsent(decode(name.getName()), p);
        }
        return out;
    }

    /** {@code [page /XYZ left top zoom]}: the page's index and the top. */
    private static Position position(PDDocument document, COSArray array) {
        if (array.size() < 1) return null;
        COSBase page = array.getObject(0);
        if (!(page instanceof COSDictionary pageDictionary)) return null;
        int index = document.getPages().indexOf(new PDPage(pageDictionary));
        if (index < 0) return null;
        float top = array.size() > 3 && array.getObject(3) instanceof COSNumber n ? n.floatValue()
                : document.getPage(index).getMediaBox().getUpperRightY();
        return new Position(index, top);
    }

    private static List<OutlineEntry> headings(PDDocument document) throws IOException {
        var root = document.getDocumentCatalog().getDocumentOutline();
        if (root == null) return List.of();
        List<OutlineEntry> top = entries(document, root);
        // the page's own title (its h1) is the one top entry: the report's outline names the chapter itself
        return top.size() == 1 ? top.get(0).children() : top;
    }

    private static List<OutlineEntry> entries(PDDocument document, PDOutlineNode node) throws IOException {
        List<OutlineEntry> out = new ArrayList<>();
        for (PDOutlineItem item : node.children()) {
            PDDestination d = item.getDestination();
            Position p = d instanceof PDPageDestination pd && pd.getPage() != null
                    ? new Position(Math.max(0, document.getPages().indexOf(pd.getPage())),
                            pd.getCOSObject().getObject(3) instanceof COSNumber n ? n.floatValue() : pd.getPage().getMediaBox().getUpperRightY())
                    : new Position(0, document.getPage(0).getMediaBox().getUpperRightY());
            out.add(new OutlineEntry(item.getTitle() == null ? "" : item.getTitle().strip(), p, entries(document, item)));
        }
        return out;
    }

    /**
     * Rewrites every link into the site as a {@value #LINK_SCHEME} link ({@code href} is this document's own page,
     * for its links within the page; {@code pages} the site's pages, for links to them), and drops what would not survive
     * the merge: named destinations (every page has an {@code #references}), the outline, the structure tree.
     */
    void markLinks(String href, Path site, Set<String> pages) throws IOException {
        for (PDPage page : document.getPages()) {
            List<PDAnnotation> kept = new ArrayList<>();
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (!(annotation instanceof PDAnnotationLink link)) {
                    kept.add(annotation);
                    continue;
                }
                String target = target(link, href, site, pages);
                if (target == null) { // a link to a file of the site that is not a page (a CSV, the PDF itself): not in print
                    continue;
                }
                if (!target.isEmpty()) {
                    link.getCOSObject().removeItem(COSName.DEST);
                    PDActionURI uri = new PDActionURI();
                    uri.setURI(LINK_SCHEME + ":" + target);
                    link.setAction(uri);
                }
                link.getCOSObject().removeItem(COSName.STRUCT_PARENT);
                kept.add(link);
            }
            page.setAnnotations(kept);
            page.getCOSObject().removeItem(COSName.STRUCT_PARENTS);
        }
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        for (COSName key : List.of(COSName.DESTS, COSName.NAMES, COSName.OUTLINES, COSName.STRUCT_TREE_ROOT, COSName.MARK_INFO))
            catalog.removeItem(key);
    }

    /** Where a link goes: {@code page.html#id} inside the report, "" to leave it as it is (the web), null to drop it. */
    private static String target(PDAnnotationLink link, String href, Path site, Set<String> pages) throws IOException {
        COSBase dest = link.getCOSObject().getDictionaryObject(COSName.DEST);
        PDAction action = link.getAction();
        if (dest == null && action instanceof PDActionGoTo goTo) dest = goTo.getCOSObject().getDictionaryObject(COSName.D);
        if (dest instanceof COSName name) return href + "#" + decode(name.getName());
        if (dest instanceof COSString s) return href + "#" + decode(s.getString());
        if (dest instanceof COSObject o && o.getObject() instanceof COSName name) return href + "#" + decode(name.getName());
        if (!(action instanceof PDActionURI uriAction) || uriAction.getURI() == null) return "";
        URI uri;
        try {
            uri = new URI(uriAction.getURI());
        } catch (URISyntaxException e) {
            return "";
        }
        if (!"file".equals(uri.getScheme())) return "";
        Path file = Path.of(uri.getPath()).normalize();
        Path root = site.toAbsolutePath().normalize();
        if (!file.startsWith(root)) return null;
        String page = root.relativize(file).toString();
        if (!pages.contains(page)) return null;
        return uri.getRawFragment() == null ? page : page + "#" + decode(uri.getRawFragment());
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    void close() throws IOException { document.close(); }
}
