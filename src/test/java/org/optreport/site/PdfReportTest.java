package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build --pdf} on the toy site (two pages, an equation, a figure, a table, a link from the home page to the
 * other page's figure), read back with PDFBox. Needs Debian's chromium, as {@link BrowserTest} does.
 */
class PdfReportTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir static Path dir;
    static SiteFixture fixture;
    static PDDocument pdf;
    static List<String> pages;

    @BeforeAll static void buildWithPdf() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM);
        if (!installed && !"true".equals(System.getenv("CI")))
            Assumptions.abort("Debian's chromium is not installed (.ci/run installs it): build --pdf cannot print");
        assertTrue(installed, "CI must install chromium");
        fixture = new SiteFixture(dir.resolve("toy"));
        fixture.build(new SiteBuilder.Options(fixture.content, Path.of("templates"), fixture.out, fixture.cache, fixture.root,
                true, false, 2, false, null).withPdf());
        try (Stream<Path> files = Files.list(fixture.out)) {
            pages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        pdf = Loader.loadPDF(fixture.out.resolve("report.pdf").toFile());
    }

    @AfterAll static void close() throws IOException {
        if (pdf != null) pdf.close();
    }

    private static List<PDOutlineItem> chapters() {
        List<PDOutlineItem> items = new ArrayList<>();
        pdf.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
        return items;
    }

    private static int pageOf(PDOutlineItem item) throws IOException {
        return pdf.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage());
    }

    @Test void theOutlineHasOneEntryPerPageOfTheSiteInNavigationOrder() {
        assertEquals(List.of("index.html", "second.html"), pages);
        assertEquals(List.of("Toy report", "1  Second page"), chapters().stream().map(PDOutlineItem::getTitle).toList());
        assertTrue(chapters().get(1).hasChildren(), "the page's headings are nested under it");
    }

    @Test void theReportHasATitlePageAContentsPageAndEveryPagesTitle() throws IOException {
        int count = pdf.getNumberOfPages();
        assertTrue(count >= 2 + pages.size() && count <= 2 + 3 * pages.size(), count + " pages");
        assertEquals(2, pageOf(chapters().get(0)), "the title page and the contents come first");
        String text = new PDFTextStripper().getText(pdf);
        for (String title : List.of("Toy report", "Second page")) assertTrue(text.contains(title), title + " missing from:\n" + text);
        assertTrue(text.contains("Contents"), text);
        PDFTextStripper second = new PDFTextStripper();
        second.setStartPage(pageOf(chapters().get(1)) + 1);
        second.setEndPage(pageOf(chapters().get(1)) + 1);
        assertTrue(second.getText(pdf).contains("Second page"), "the chapter starts with its title");
    }

    /** MathJax draws SVG paths; the print stylesheet prints its assistive MathML invisibly over them, as text. */
    @Test void aFormulaHasATextLayer() throws IOException {
        String text = new PDFTextStripper().getText(pdf);
        assertTrue(text.contains("∑"), "the sum of the page's equation (\\sum, nowhere in its prose) is text:\n" + text);
    }

    @Test void everyFontIsEmbedded() throws IOException {
        List<String> missing = new ArrayList<>();
        int fonts = 0;
        for (PDPage page : pdf.getPages())
            for (PDFont font : fonts(page.getResources(), 0)) {
                fonts++;
                if (!font.isEmbedded() || font.isDamaged()) missing.add(font.getName());
            }
        assertTrue(fonts > 0);
        assertEquals(List.of(), missing);
    }

    private static List<PDFont> fonts(PDResources resources, int depth) throws IOException {
        List<PDFont> out = new ArrayList<>();
        if (resources == null || depth > 8) return out;
        for (COSName name : resources.getFontNames()) out.add(resources.getFont(name));
        for (COSName name : resources.getXObjectNames())
            if (resources.getXObject(name) instanceof PDFormXObject form) out.addAll(fonts(form.getResources(), depth + 1));
        return out;
    }

    @Test void linksBetweenPagesLandInsideThePdfAndOthersGoToTheWeb() throws IOException {
        int home = pageOf(chapters().get(0)), second = pageOf(chapters().get(1));
        List<String> broken = new ArrayList<>();
        boolean homeToSecond = false;
        for (int i = 0; i < pdf.getNumberOfPages(); i++)
            for (PDAnnotation a : pdf.getPage(i).getAnnotations()) {
                if (!(a instanceof PDAnnotationLink link)) continue;
                if (link.getAction() instanceof PDActionGoTo goTo && goTo.getDestination() instanceof PDPageDestination d) {
                    int target = pdf.getPages().indexOf(d.getPage());
                    if (target < 0) broken.add("page " + (i + 1) + ": a jump to a page outside the document");
                    if (i >= home && i < second && target >= second) homeToSecond = true;
                } else if (link.getAction() instanceof PDActionURI uri) {
                    if (!uri.getURI().startsWith("https://") && !uri.getURI().startsWith("http://")) broken.add("page " + (i + 1) + ": " + uri.getURI());
                } else {
                    broken.add("page " + (i + 1) + ": " + link.getCOSObject());
                }
            }
        assertEquals(List.of(), broken);
        assertTrue(homeToSecond, "the home page's @fig:curve jumps to the second page's figure");
    }

    /** A raster image in the PDF for every raster {@code <img>} of the pages, none for an SVG one: SVG stays vector. */
    @Test void onlyRasterImagesOfThePagesAreRasterInThePdf() throws IOException {
        int rasterImgs = 0;
        for (String page : pages)
            for (var img : Jsoup.parse(fixture.out.resolve(page).toFile()).select("main img"))
                if (!img.attr("src").toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) rasterImgs++;
        int rasterInPdf = 0;
        for (PDPage page : pdf.getPages()) rasterInPdf += images(page.getResources(), 0);
        assertEquals(rasterImgs, rasterInPdf);
    }

    private static int images(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 8) return 0;
        int n = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) n++;
            else if (x instanceof PDFormXObject form) n += images(form.getResources(), depth + 1);
        }
        return n;
    }

    @Test void everyPageLinksToThePdf() throws IOException {
        for (String page : pages) {
            var links = Jsoup.parse(fixture.out.resolve(page).toFile()).select("a[href=report.pdf]");
            assertEquals(1, links.size(), page);
            assertEquals("Download the report as PDF", links.get(0).text());
        }
    }
}
